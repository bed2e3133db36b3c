// The anonymous per-browser id behind "one like per browser per day", comment reports and view counts:
// a random httpOnly cookie, stored in the database only as a hash. Server only.
import { createHash, randomBytes } from 'node:crypto';
import { cookies, headers } from 'next/headers';
import { BROWSER_COOKIE, BROWSER_COOKIE_MAX_AGE, BROWSER_COOKIE_PATTERN } from '@/lib/people-public';

async function isHttps(): Promise<boolean> {
  const h = await headers();
  const proto = h.get('x-forwarded-proto')?.split(',')[0]?.trim();
  return proto === 'https' || (h.get('origin') ?? '').startsWith('https:');
}

/** The browser's id cookie (set now when missing or malformed), and whether it was new. */
export async function browserId(): Promise<{ value: string; fresh: boolean }> {
  const jar = await cookies();
  const existing = jar.get(BROWSER_COOKIE)?.value;
  if (existing && BROWSER_COOKIE_PATTERN.test(existing)) return { value: existing, fresh: false };
  const value = randomBytes(16).toString('base64url');
  jar.set({ name: BROWSER_COOKIE, value, httpOnly: true, sameSite: 'lax', secure: await isHttps(), path: '/', maxAge: BROWSER_COOKIE_MAX_AGE });
  return { value, fresh: true };
}

/** A browser id as stored: hashed, so the database never holds the cookie itself. */
export function browserKey(cookieValue: string): string {
  return createHash('sha256').update(cookieValue).digest('hex');
}

/** The hashed browser id, as stored in voter_key (likes: one per browser per day). */
export async function browserVoterKey(): Promise<string> {
  return browserKey((await browserId()).value);
}

/**
 * The reporter key of comment reports. Profile pages set the cookie on the first view (the view
 * beacon), so a report that arrives without it comes from a client that does not keep cookies: its
 * address stands in, or every such request would count as another browser and three cookieless
 * posts from one machine would hide any comment.
 */
export async function reporterKey(ip: string | null): Promise<string> {
  const { value, fresh } = await browserId();
  return browserKey(fresh && ip ? `ip:${ip}` : value);
}
