// The crawl for leaked ID numbers (e2e/security-crawl.spec.ts) means something only if the demo data
// holds full ID numbers and the detector recognises every one of them: both are checked here.
import { isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { creditEntries } from '@/db/schema';
import { seedCredit } from '@/db/seed/gen-credit';
import { cityDay } from '@/lib/dates';
import { maskIdNumber } from '@/lib/mask';
import { findPii } from '@/lib/pii-detect';
import { engine, freshDatabase } from './helpers';

describe(`full ID numbers in the demo data on ${engine}`, () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await freshDatabase();
    // The credit part of the demo data (db/seed/demo.ts) is where ID numbers live.
    await seedCredit(handle.db, cityDay());
  });
  afterAll(async () => {
    await handle.close();
  });

  it('are stored for every natural person, and the detector finds each one but none of the masked forms', async () => {
    const rows = await handle.db
      .select({ name: creditEntries.name, idNumber: creditEntries.idNumber, idNumberMasked: creditEntries.idNumberMasked })
      .from(creditEntries)
      .where(isNotNull(creditEntries.idNumber));
    expect(rows.length).toBeGreaterThanOrEqual(40);
    expect(rows).toContainEqual({ name: '欧阳建国', idNumber: '420102197803151311', idNumberMasked: '420102********1311' });
    const found = findPii(rows.map((r) => `<td>${r.name}</td><td>${r.idNumber}</td>`).join('\n'));
    expect(found.map((h) => h.value)).toEqual(rows.map((r) => r.idNumber));
    expect(findPii(rows.map((r) => `<td>${r.idNumberMasked}</td>`).join(''))).toEqual([]);
    for (const row of rows) expect(row.idNumberMasked).toBe(maskIdNumber(row.idNumber!));
  });
});
