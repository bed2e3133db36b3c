// The one anonymous visitor id behind likes (one per person per browser per day), comment reports and
// view counts: a random id signed with a key derived from the server secret (lib/visitor-signature.ts),
// in one HttpOnly cookie. An id without a valid signature (invented, altered, or from an older cookie)
// counts as no id, so a client cannot choose ids to look like many browsers; a new one is issued.
import { cookies, headers } from 'next/headers';
import { addressStoredKey, newVisitorId, signVisitorId, verifyVisitorId, visitorKeyFromSecret, visitorStoredKey } from '@/lib/visitor-signature';
import { serverSecret } from './secret';

export const VISITOR_COOKIE = 'visitor';
const MAX_AGE_SECONDS = 365 * 24 * 3600;

async function isHttps(): Promise<boolean> {
  const h = await headers();
  const proto = h.get('x-forwarded-proto')?.split(',')[0]?.trim();
  return proto === 'https' || (h.get('origin') ?? '').startsWith('https:') || (process.env.NEXTAUTH_URL ?? '').startsWith('https:');
}

export type Visitor = { id: string; fresh: boolean };

/**
 * This request's visitor (server actions and route handlers): the signed cookie's id, or a new id
 * whose signed cookie is set on the answer (`fresh`: the request carried no valid id).
 */
export async function currentVisitor(): Promise<Visitor> {
  const key = visitorKeyFromSecret(await serverSecret());
  const jar = await cookies();
  const id = verifyVisitorId(jar.get(VISITOR_COOKIE)?.value, key);
  if (id) return { id, fresh: false };
  const fresh = newVisitorId();
  jar.set({ name: VISITOR_COOKIE, value: signVisitorId(fresh, key), httpOnly: true, sameSite: 'lax', secure: await isHttps(), path: '/', maxAge: MAX_AGE_SECONDS });
  return { id: fresh, fresh: true };
}

/** This request's visitor id when its cookie carries a valid one; never issues a cookie (for reads). */
export async function knownVisitorId(): Promise<string | null> {
  const key = visitorKeyFromSecret(await serverSecret());
  return verifyVisitorId((await cookies()).get(VISITOR_COOKIE)?.value, key);
}

/**
 * The keys a view beacon dedupes on: the visitor, and for a visitor without a valid id (first view, or
 * a client that drops or forges cookies) its address as well, so such a client counts once per window.
 */
export function viewKeys(visitor: Visitor, ip: string | null): string[] {
  return visitor.fresh && ip ? [`v:${visitor.id}`, `ip:${ip}`] : [`v:${visitor.id}`];
}

/** The stored keys of a comment report: one report per comment per browser and per address. */
export async function reporterKeys(visitor: Visitor, ip: string | null): Promise<{ reporterKey: string; addressKey: string | null }> {
  const key = visitorKeyFromSecret(await serverSecret());
  return { reporterKey: visitorStoredKey(visitor.id), addressKey: ip ? addressStoredKey(ip, key) : null };
}
