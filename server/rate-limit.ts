// Rate-limit policies and the one check that sign-in and public forms share.
import type { Db } from '@/db/client';
import { clearCounter, decrementCounter, hitCounter, peekCounter } from '@/db/queries/rate-limit';
import { DOMAIN_RATE_LIMITS, type RateLimitPolicy } from '@/lib/domains';

export type Policy = RateLimitPolicy;

/** Site-wide policies; each domain declares its citizens' form limits (lib/domains, rateLimits). */
const SITE_POLICIES = {
  /** Ten wrong passwords lock the account for 15 minutes. */
  signInAccount: { name: 'signin-account', limit: 10, windowSeconds: 15 * 60 },
  /** One address trying many accounts. */
  signInIp: { name: 'signin-ip', limit: 50, windowSeconds: 15 * 60 },
  /** 繁體 mode: conversions of text that client components render (a few per page view). */
  convert: { name: 'convert-ip', limit: 600, windowSeconds: 10 * 60 },
  /** Status look-ups by tracking number + phone (every domain's receipts share it): slow enough that guessing pairs gets nowhere. */
  statusLookup: { name: 'status-lookup-ip', limit: 30, windowSeconds: 15 * 60 },
} satisfies Record<string, Policy>;

export const POLICIES = { ...SITE_POLICIES, ...DOMAIN_RATE_LIMITS };

export type LimitState = { limited: false } | { limited: true; retryAfterSeconds: number };

function keyOf(policy: Policy, subject: string): string {
  return `${policy.name}:${subject}`;
}

function limited(resetAt: Date): LimitState {
  return { limited: true, retryAfterSeconds: Math.max(1, Math.ceil((resetAt.getTime() - Date.now()) / 1000)) };
}

/** Over the limit once the count has reached it (the limit-th failure locks). */
function stateOf(policy: Policy, counter: { count: number; resetAt: Date } | null): LimitState {
  return counter && counter.count >= policy.limit ? limited(counter.resetAt) : { limited: false };
}

/** Whether the subject is over the limit now, without counting. */
export async function checkLimit(db: Db, policy: Policy, subject: string): Promise<LimitState> {
  return stateOf(policy, await peekCounter(db, keyOf(policy, subject)));
}

/** Counts one event (a failure, a submission) and says whether the subject is now over the limit. */
export async function countEvent(db: Db, policy: Policy, subject: string): Promise<LimitState> {
  return stateOf(policy, await hitCounter(db, keyOf(policy, subject), policy.windowSeconds));
}

/** Counts one attempt atomically and reports the new count, the limit and the time left in the window. */
export async function countAttempt(db: Db, policy: Policy, subject: string): Promise<{ count: number; limit: number; retryAfterSeconds: number }> {
  const counter = await hitCounter(db, keyOf(policy, subject), policy.windowSeconds);
  return { count: counter.count, limit: policy.limit, retryAfterSeconds: Math.max(1, Math.ceil((counter.resetAt.getTime() - Date.now()) / 1000)) };
}

/** Counts an attempt and refuses it when it goes over the limit (for public forms: limit per window). */
export async function consumeAttempt(db: Db, policy: Policy, subject: string): Promise<LimitState> {
  const counter = await hitCounter(db, keyOf(policy, subject), policy.windowSeconds);
  return counter.count > policy.limit ? limited(counter.resetAt) : { limited: false };
}

/** Gives back one attempt counted by countAttempt. */
export async function releaseAttempt(db: Db, policy: Policy, subject: string): Promise<void> {
  await decrementCounter(db, keyOf(policy, subject));
}

export async function resetLimit(db: Db, policy: Policy, subject: string): Promise<void> {
  await clearCounter(db, keyOf(policy, subject));
}

/** 12 分钟 / 45 秒: how long to wait, for messages. */
export function waitText(seconds: number): string {
  return seconds >= 60 ? `${Math.ceil(seconds / 60)} 分钟` : `${seconds} 秒`;
}
