// The signed visitor id's format, pure: `<id>.<HMAC>` with a key derived from the server secret, and the
// one-way keys under which ids and addresses are stored. server/visitor-id.ts reads and sets the cookie.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const ID = /^[A-Za-z0-9_-]{22}$/;
const SIGNED = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

/** The key for visitor ids and address keys: derived, so it signs nothing a session token could be. */
export function visitorKeyFromSecret(secret: string): Buffer {
  return createHmac('sha256', secret).update('civic-portal visitor id v1').digest();
}

function mac(key: Buffer, text: string): Buffer {
  return createHmac('sha256', key).update(text).digest();
}

/** 16 random bytes, base64url (22 characters). */
export function newVisitorId(): string {
  return randomBytes(16).toString('base64url');
}

/** `<id>.<signature>`: the cookie value for a 22-character id. */
export function signVisitorId(id: string, key: Buffer): string {
  if (!ID.test(id)) throw new Error('visitor id must be 22 base64url characters');
  return `${id}.${mac(key, `id:${id}`).toString('base64url')}`;
}

/** The id of a correctly signed cookie value, or null for anything else. */
export function verifyVisitorId(value: string | null | undefined, key: Buffer): string | null {
  const match = SIGNED.exec(value ?? '');
  if (!match) return null;
  const id = match[1]!;
  // Compared as text, in the one canonical base64url spelling: decoding first would accept the other spellings of
  // the last character (its two low bits carry no data), so a changed cookie could still pass.
  const expected = Buffer.from(mac(key, `id:${id}`).toString('base64url'));
  const given = Buffer.from(match[2]!);
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
}

/** A visitor id as stored (voter_key, reporter_key): hashed, so the database never holds the cookie. */
export function visitorStoredKey(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}

/** A client address as stored (comment reports): a keyed hash, not reversible by trying every address. */
export function addressStoredKey(ip: string, key: Buffer): string {
  return mac(key, `address:${ip}`).toString('hex');
}
