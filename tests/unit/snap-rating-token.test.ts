// The 随手拍 rating form's sealed token (app/(public)/snap/rating-token.ts): it opens to the number and
// phone it was made with, within its lifetime only, and any change to it is refused.
import { beforeAll, describe, expect, it } from 'vitest';

let token: typeof import('@/app/(public)/snap/rating-token');

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ??= 'unit-test-secret-for-rating-tokens';
  token = await import('@/app/(public)/snap/rating-token');
});

describe('the rating token', () => {
  it('opens to its number and phone, which it does not show in readable form', async () => {
    const sealed = await token.sealRatingToken('ZG-2026-000123', '13912345678', 1_000);
    expect(sealed).not.toContain('13912345678');
    expect(Buffer.from(sealed, 'base64url').toString('latin1')).not.toContain('13912345678');
    expect(await token.openRatingToken(sealed, 2_000)).toEqual({ no: 'ZG-2026-000123', phone: '13912345678' });
  });

  it('expires after 30 minutes', async () => {
    const sealed = await token.sealRatingToken('ZG-2026-000123', '13912345678', 0);
    expect(await token.openRatingToken(sealed, 30 * 60_000)).not.toBeNull();
    expect(await token.openRatingToken(sealed, 30 * 60_000 + 1)).toBeNull();
  });

  it('refuses altered or invented tokens', async () => {
    const sealed = await token.sealRatingToken('ZG-2026-000123', '13912345678', 0);
    const raw = Buffer.from(sealed, 'base64url');
    raw[raw.length - 1]! ^= 1;
    expect(await token.openRatingToken(raw.toString('base64url'), 1)).toBeNull();
    for (const bad of ['', 'abc', 'x'.repeat(900), Buffer.alloc(40).toString('base64url')]) expect(await token.openRatingToken(bad, 1)).toBeNull();
  });
});
