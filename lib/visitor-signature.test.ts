// The signed visitor id's format: only ids signed with the server's key are accepted; anything else is no id.
import { describe, expect, it } from 'vitest';
import { addressStoredKey, newVisitorId, signVisitorId, verifyVisitorId, visitorKeyFromSecret, visitorStoredKey } from './visitor-signature';

const key = visitorKeyFromSecret('test-secret-one');
const otherKey = visitorKeyFromSecret('test-secret-two');

describe('signed visitor ids', () => {
  it('accepts an id it signed and gives the id back', () => {
    const id = newVisitorId();
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const cookie = signVisitorId(id, key);
    expect(cookie.startsWith(`${id}.`)).toBe(true);
    expect(verifyVisitorId(cookie, key)).toBe(id);
  });

  it('refuses bare ids, invented signatures, altered ids and ids signed with another secret', () => {
    const id = newVisitorId();
    const cookie = signVisitorId(id, key);
    const other = newVisitorId();
    expect(verifyVisitorId(id, key)).toBeNull(); // the old unsigned cookie shape
    expect(verifyVisitorId(`${id}.${'A'.repeat(43)}`, key)).toBeNull();
    expect(verifyVisitorId(`${other}${cookie.slice(22)}`, key)).toBeNull();
    // Every other last character, including the spellings that decode to the same bytes.
    for (const last of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_') {
      if (!cookie.endsWith(last)) expect(verifyVisitorId(cookie.slice(0, -1) + last, key), last).toBeNull();
    }
    expect(verifyVisitorId(cookie, otherKey)).toBeNull();
    for (const junk of [undefined, null, '', '.', `${cookie}.x`, `${cookie} `, `${id}.${cookie.slice(23, 40)}`]) expect(verifyVisitorId(junk, key)).toBeNull();
  });

  it('signs only well-formed ids', () => {
    expect(() => signVisitorId('short', key)).toThrow();
    expect(() => signVisitorId('x'.repeat(21) + '.', key)).toThrow();
  });

  it('derives a key of its own from the server secret (it differs from the secret and per secret)', () => {
    expect(key.toString('utf8')).not.toContain('test-secret-one');
    expect(key.equals(visitorKeyFromSecret('test-secret-one'))).toBe(true);
    expect(key.equals(otherKey)).toBe(false);
  });

  it('stores ids and addresses only as one-way keys', () => {
    const id = newVisitorId();
    expect(visitorStoredKey(id)).toMatch(/^[0-9a-f]{64}$/);
    expect(visitorStoredKey(id)).not.toContain(id);
    expect(addressStoredKey('203.0.113.7', key)).toMatch(/^[0-9a-f]{64}$/);
    expect(addressStoredKey('203.0.113.7', key)).not.toBe(addressStoredKey('203.0.113.7', otherKey));
    expect(addressStoredKey('203.0.113.7', key)).not.toBe(addressStoredKey('203.0.113.8', key));
  });
});
