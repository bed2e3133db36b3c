// unit_month_figures (migration 0016) never drifts, on both engines: after the demo seed and after each kind
// of write that changes an item's unit, status, deadline, closure, reopening or rating (assign, return,
// bulk assign, plan, submit, close, 退回重办, the reporter's rating and 不满意 reopening, the inspection
// import, a deletion), the stored rows equal a from-scratch count of the items in JS (lib/unit-stats
// unitCounts, per unit and city month of the first assignment). Two transactions changing items of the same
// unit's month at once both count (on PostgreSQL the second recount waits for the first's commit; PGlite
// runs them one after the other). And the unit figures read from it equal the reference.
import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { importInspectionFindings } from '@/db/queries/ledger/ledger-admin/import';
import { bulkAssign, transition, type LedgerActor } from '@/db/queries/ledger/ledger-admin/transition';
import { rateIssue } from '@/db/queries/ledger/ledger-citizen';
import { unitPublic } from '@/db/queries/ledger/ledger';
import { insertUser } from '@/db/queries/users';
import { issueCategories, issues, units } from '@/db/schema';
import { seedLedger } from '@/db/seed/gen-ledger';
import { addDays, cityDay } from '@/lib/dates';
import { PUBLIC_ISSUE_STATUSES } from '@/lib/enums';
import { unitStats } from '@/lib/unit-stats';
import { engine, freshDatabase } from './helpers';
import { recounted, stored } from './unit-months';

const NOW = new Date();
const noop = async () => undefined;
let photoKeys = 0;
const photo = () => ({ storageKey: (++photoKeys).toString(16).padStart(32, 'b'), format: 'webp' as const, bytes: 1000, originalName: 'p.jpg', dhash: null });
const FIX_NOTE = '已组织人员现场清理整改，并安排专人每日巡查，确保问题不再反复出现。';

describe(`unit_month_figures on ${engine}`, () => {
  let handle: DbHandle;
  let reviewer: LedgerActor;
  const handlers = new Map<number, LedgerActor>();
  const handlerOf = async (unitId: number) => {
    if (!handlers.has(unitId)) handlers.set(unitId, await insertUser(handle.db, { username: `unit-${unitId}`, displayName: `经办${unitId}`, role: 'unit', unitId, passwordHash: 'x' }));
    return handlers.get(unitId)!;
  };
  const expectNoDrift = async (after: string) => {
    const [have, want] = await Promise.all([stored(handle.db), recounted(handle.db)]);
    expect(have, `after ${after}`).toEqual(want);
  };
  /** An item of the demo seed in a status (with a reporter's phone when asked). */
  const itemIn = async (status: 'accepted' | 'assigned' | 'verifying', withPhone = false) => {
    const [row] = await handle.db
      .select({ no: issues.no, unitId: issues.unitId, reporterPhone: issues.reporterPhone })
      .from(issues)
      .where(and(eq(issues.status, status), withPhone ? isNotNull(issues.reporterPhone) : sql`true`))
      .orderBy(asc(issues.id))
      .limit(1);
    if (!row) throw new Error(`no ${status} item in the demo seed`);
    return row;
  };
  let minute = 0;
  /** Steps a minute apart from now on, so each is later than the last. */
  const next = () => new Date(NOW.getTime() + ++minute * 60_000);

  beforeAll(async () => {
    handle = await freshDatabase();
    await seedLedger(handle.db, cityDay(NOW));
    reviewer = await insertUser(handle.db, { username: 'reviewer-m', displayName: '审核员', role: 'reviewer', passwordHash: 'x' });
  });
  afterAll(async () => {
    await handle.close();
  });

  it('is filled by the demo seed', async () => {
    expect((await stored(handle.db)).length).toBeGreaterThan(10);
    await expectNoDrift('the seed');
  });

  it('stays equal to a count from scratch after every kind of write', async () => {
    const db = handle.db;
    const [unitA, unitB] = await db.select({ id: units.id }).from(units).orderBy(asc(units.id)).limit(2);
    // Assign, return (the unit is cleared), assign again to another unit.
    const first = await itemIn('accepted');
    expect(await transition(db, reviewer, first.no, 'assign', { unitId: unitA!.id }, noop, next())).toMatchObject({ ok: true });
    await expectNoDrift('assign');
    expect(await transition(db, await handlerOf(unitA!.id), first.no, 'return', { publicNote: '不属于本单位职责' }, noop, next())).toMatchObject({ ok: true });
    await expectNoDrift('return');
    // Bulk assign: the returned item and another accepted one.
    const second = await db.select({ no: issues.no }).from(issues).where(eq(issues.status, 'accepted')).orderBy(asc(issues.id)).limit(2);
    const bulk = await bulkAssign(db, reviewer, second.map((s) => s.no), { unitId: unitB!.id }, noop, next());
    expect(bulk.assigned.length).toBe(2);
    await expectNoDrift('bulk assign');
    // Plan (the deadline in force moves), submit, 退回重办 (reopen count), submit again, close.
    const handlerB = await handlerOf(unitB!.id);
    const no = bulk.assigned[0]!;
    expect(await transition(db, handlerB, no, 'plan', { publicNote: '纳入年度计划统一实施', plannedDate: addDays(cityDay(NOW), 30) }, noop, next())).toMatchObject({ ok: true });
    await expectNoDrift('plan');
    expect(await transition(db, handlerB, no, 'submit', { publicNote: FIX_NOTE, afterPhotos: [photo()] }, noop, next())).toMatchObject({ ok: true });
    await expectNoDrift('submit');
    expect(await transition(db, reviewer, no, 'redo', { publicNote: '现场核验仍有垃圾堆放，请继续整改' }, noop, next())).toMatchObject({ ok: true });
    await expectNoDrift('redo');
    expect(await transition(db, handlerB, no, 'submit', { publicNote: `${FIX_NOTE}复核`, afterPhotos: [photo()] }, noop, next())).toMatchObject({ ok: true });
    expect(await transition(db, reviewer, no, 'close', { publicNote: '经现场核验，已整改到位' }, noop, next())).toMatchObject({ ok: true });
    await expectNoDrift('close');
    // The reporter's ratings: 不满意 reopens the item, 满意 after the second closure is counted as satisfied.
    const rated = await itemIn('verifying', true);
    expect(await transition(db, reviewer, rated.no, 'close', {}, noop, next())).toMatchObject({ ok: true });
    await expectNoDrift('close of a reported item');
    expect(await rateIssue(db, { no: rated.no, phone: rated.reporterPhone!, rating: '不满意', comment: '' }, undefined, next())).toMatchObject({ ok: true, reopened: true });
    await expectNoDrift('不满意 reopen');
    const handler = await handlerOf(rated.unitId!);
    expect(await transition(db, handler, rated.no, 'submit', { publicNote: FIX_NOTE, afterPhotos: [photo()] }, noop, next())).toMatchObject({ ok: true });
    expect(await transition(db, reviewer, rated.no, 'close', {}, noop, next())).toMatchObject({ ok: true });
    expect(await rateIssue(db, { no: rated.no, phone: rated.reporterPhone!, rating: '满意', comment: '' }, undefined, next())).toMatchObject({ ok: true, reopened: false });
    await expectNoDrift('rating');
    // The inspection import: assigned items with their first assignment.
    const [category] = await db.select({ id: issueCategories.id }).from(issueCategories).limit(1);
    const imported = await importInspectionFindings(db, reviewer, [
      { categoryId: category!.id, description: '沿街商铺占道经营，货架摆到人行道上。', address: '长湖路18号', area: '', unitId: unitA!.id, documentNo: '江创办督〔2026〕77号' },
    ]);
    expect(imported.inserted).toBe(1);
    await expectNoDrift('import');
    // A deletion (no path of the portal deletes items, but the table follows all the same).
    await db.delete(issues).where(eq(issues.no, imported.nos[0]!));
    await expectNoDrift('delete');
    // And the unit figures read from it equal the JS reference over the unit's items.
    const facts = (await db.select().from(issues).where(and(eq(issues.unitId, unitB!.id), isNotNull(issues.unitAssignedAt))))
      .filter((i) => (PUBLIC_ISSUE_STATUSES as readonly string[]).includes(i.status))
      .map((i) => ({ ...i, assignedAt: i.unitAssignedAt!, reopened: i.reopenCount > 0 }));
    expect((await unitPublic(db, unitB!.id, 'all', NOW))!.stats).toEqual(unitStats(facts, NOW));
  });

  it('counts two changes of one unit month written at the same time', async () => {
    const db = handle.db;
    // Two public items of one unit's month, neither reopened yet.
    const [pair] = await db
      .execute<{ unit_id: number; month: string; ids: string[] }>(sql`
        select unit_id, date_trunc('month', unit_assigned_at at time zone 'Asia/Shanghai')::date::text as month, array_agg(id::text order by id) as ids
        from issues where reopen_count = 0 and unit_assigned_at is not null and status in ('assigned', 'fixing', 'closed')
        group by 1, 2 having count(*) >= 2 order by 1, 2 limit 1`)
      .then((r) => r.rows);
    const [a, b] = pair!.ids.map(Number) as [number, number];
    const before = (await stored(db)).find((r) => r.unitId === Number(pair!.unit_id) && r.month === pair!.month)!;
    // The first transaction writes its item and holds on; the second writes its item meanwhile, so its
    // recount waits for the first's commit (without the row lock it would count from before it: one lost).
    // PGlite has one connection: there the second transaction starts after the first ends.
    let holdFirst!: () => void;
    const held = new Promise<void>((resolve) => (holdFirst = resolve));
    let firstWrote!: () => void;
    const wrote = new Promise<void>((resolve) => (firstWrote = resolve));
    const first = db.transaction(async (tx) => {
      await tx.update(issues).set({ reopenCount: sql`${issues.reopenCount} + 1` }).where(eq(issues.id, a));
      firstWrote();
      await held;
    });
    await wrote;
    const second = db.transaction(async (tx) => {
      await tx.update(issues).set({ reopenCount: sql`${issues.reopenCount} + 1` }).where(eq(issues.id, b));
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    holdFirst();
    await Promise.all([first, second]);
    const after = (await stored(db)).find((r) => r.unitId === Number(pair!.unit_id) && r.month === pair!.month)!;
    expect(after.reopened).toBe(before.reopened + 2);
    await expectNoDrift('two concurrent changes');
  });
});
