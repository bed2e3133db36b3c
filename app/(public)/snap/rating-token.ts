// The rating form's proof that its sender looked the item up with the right phone: the receipt number and
// the phone sealed (AES-256-GCM, a key derived from the server secret) for 30 minutes. The phone thus never
// travels back to the browser in readable form, and the reporter need not type it twice. Server only.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { serverSecret } from '@/server/secret';

const LIFETIME_MS = 30 * 60_000;

async function key(): Promise<Buffer> {
  return createHmac('sha256', await serverSecret()).update('civic-portal snap rating token v1').digest();
}

export async function sealRatingToken(no: string, phone: string, now = Date.now()): Promise<string> {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', await key(), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify({ no, phone, exp: now + LIFETIME_MS }), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The number and phone of a valid, unexpired token; null for anything else. */
export async function openRatingToken(token: string, now = Date.now()): Promise<{ no: string; phone: string } | null> {
  try {
    const raw = Buffer.from(token, 'base64url');
    if (raw.length < 29 || raw.length > 600) return null;
    const decipher = createDecipheriv('aes-256-gcm', await key(), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    const data = JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')) as { no?: unknown; phone?: unknown; exp?: unknown };
    if (typeof data.no !== 'string' || typeof data.phone !== 'string' || typeof data.exp !== 'number' || data.exp < now) return null;
    return { no: data.no, phone: data.phone };
  } catch {
    return null;
  }
}
