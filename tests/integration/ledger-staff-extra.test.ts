// The staff pages' own queries (db/queries/ledger/staff-extra.ts) on both engines: units with their
// parents, areas and handlers (a parent cycle refused), categories, one year of the calendar replaced as a
// whole, and the staff list's queues and filters (a unit handler's counts cover their unit only).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { transition, type LedgerActor } from '@/db/queries/ledger/ledger-admin/transition';
import { createReport } from '@/db/queries/ledger/ledger-citizen';
import {
  categoryNameTaken,
  findCategoryForEdit,
  findIssuePhoto,
  findUnitForEdit,
  insertCategory,
  insertUnit,
  listAreaOptions,
  listCalendarYear,
  listStaffIssues,
  listUnitHandlers,
  listUnitsForAdmin,
  replaceCalendarYear,
  staffQueueCounts,
  unitNameTaken,
  updateCategoryRow,
  updateUnitRow,
} from '@/db/queries/ledger/staff-extra';
import { insertUser } from '@/db/queries/users';
import { issues } from '@/db/schema';
import { engine, freshDatabase } from './helpers';

const t = (local: string) => new Date(`${local}+08:00`);
const noAudit = async () => {};

describe(`the ledger staff queries on ${engine}`, () => {
  let handle: DbHandle;
  let parentId: number;
  let unitA: number;
  let unitB: number;
  let categoryId: number;
  let reviewer: LedgerActor;
  const nos: string[] = [];

  beforeAll(async () => {
    handle = await freshDatabase();
    const db = handle.db;
    parentId = (await insertUnit(db, { name: '测试区人民政府', kind: '市直部门', parentId: null, areas: [] })).id;
    unitA = (await insertUnit(db, { name: '测试甲街道办事处', kind: '街道/乡镇', parentId, areas: ['甲社区', '甲社区第一网格'] })).id;
    unitB = (await insertUnit(db, { name: '测试乙街道办事处', kind: '街道/乡镇', parentId, areas: ['乙社区'] })).id;
    categoryId = (await insertCategory(db, { name: '环境卫生', defaultUnitId: unitA, deadlineDays: 2, urgentHours: 24, sortOrder: 1, photosPublic: true })).id;
    reviewer = await insertUser(db, { username: 'rev', displayName: '审核', role: 'reviewer', passwordHash: 'x' });
    await insertUser(db, { username: 'handler-a', displayName: '甲经办人', role: 'unit', unitId: unitA, passwordHash: 'x' });
    const report = async (area: string, at: string) => {
      const made = await createReport(
        db,
        { categoryId, description: '人行道上堆放了装修垃圾，影响通行。', address: `${area}东门`, area, lat: null, lng: null, reporterName: '', reporterNamePublic: false, reporterPhone: '13912345678', flaggedWords: [], visitorId: null },
        [{ storageKey: `${nos.length + 1}`.padStart(32, 'b'), format: 'webp', bytes: 10, originalName: 'p.jpg', dhash: null }],
        undefined,
        t(at),
      );
      if (!made.ok) throw new Error(made.message);
      nos.push(made.no);
      return made.no;
    };
    const pending = await report('甲社区', '2026-03-02T09:00:00');
    const assigned = await report('甲社区', '2026-03-02T10:00:00');
    const other = await report('乙社区', '2026-03-02T11:00:00');
    for (const no of [assigned, other]) await transition(db, reviewer, no, 'accept', {}, noAudit, t('2026-03-02T12:00:00'));
    // Due end of 2026-03-04 (two working days after Monday 2 March).
    await transition(db, reviewer, assigned, 'assign', { unitId: unitA }, noAudit, t('2026-03-02T13:00:00'));
    expect(pending).toBeTruthy();
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('keeps units with parents, areas and handlers, and refuses a parent cycle', async () => {
    const db = handle.db;
    expect(await unitNameTaken(db, '测试甲街道办事处')).toBe(true);
    expect(await unitNameTaken(db, '没有的单位')).toBe(false);
    const list = await listUnitsForAdmin(db);
    const a = list.find((u) => u.id === unitA)!;
    expect(a).toMatchObject({ parentName: '测试区人民政府', areas: ['甲社区', '甲社区第一网格'], handlers: 1, active: true });
    expect((await listUnitHandlers(db, unitA)).map((h) => h.username)).toEqual(['handler-a']);
    expect(await updateUnitRow(db, parentId, { name: '测试区人民政府', kind: '市直部门', parentId: unitA, areas: [], active: true })).toBe('cycle');
    expect(await updateUnitRow(db, unitA, { name: '测试甲街道办事处', kind: '街道/乡镇', parentId: unitA, areas: [], active: true })).toBe('cycle');
    const moved = await updateUnitRow(db, unitB, { name: '测试乙街道', kind: '社区/村', parentId: null, areas: ['乙社区', '乙社区第二网格'], active: false });
    expect(moved).toMatchObject({ name: '测试乙街道', kind: '社区/村', parentId: null, active: false });
    expect(await findUnitForEdit(db, unitB)).toMatchObject({ areas: ['乙社区', '乙社区第二网格'] });
    // Inactive units' areas are no longer offered.
    expect(await listAreaOptions(db)).toEqual(['甲社区', '甲社区第一网格']);
    await updateUnitRow(db, unitB, { name: '测试乙街道办事处', kind: '街道/乡镇', parentId, areas: ['乙社区'], active: true });
  });

  it('creates and changes categories', async () => {
    const db = handle.db;
    expect(await categoryNameTaken(db, '环境卫生')).toBe(true);
    const id = (await insertCategory(db, { name: '不文明行为', defaultUnitId: null, deadlineDays: 3, urgentHours: 8, sortOrder: 9, photosPublic: false })).id;
    await updateCategoryRow(db, id, { name: '不文明行为', defaultUnitId: unitB, deadlineDays: 5, urgentHours: 8, sortOrder: 9, photosPublic: false });
    expect(await findCategoryForEdit(db, id)).toMatchObject({ defaultUnitId: unitB, deadlineDays: 5, photosPublic: false, sortOrder: 9 });
  });

  it('replaces one year of the calendar and leaves the others', async () => {
    const db = handle.db;
    await replaceCalendarYear(db, 2027, [{ date: '2027-01-01', kind: 'holiday', note: '元旦' }]);
    await replaceCalendarYear(db, 2026, [
      { date: '2026-10-01', kind: 'holiday', note: '国庆节' },
      { date: '2026-10-10', kind: 'workday', note: '' },
    ]);
    await replaceCalendarYear(db, 2026, [{ date: '2026-10-02', kind: 'holiday', note: '国庆节' }]);
    expect(await listCalendarYear(db, 2026)).toEqual([{ date: '2026-10-02', kind: 'holiday', note: '国庆节' }]);
    expect(await listCalendarYear(db, 2027)).toEqual([{ date: '2027-01-01', kind: 'holiday', note: '元旦' }]);
    await replaceCalendarYear(db, 2026, []);
    await replaceCalendarYear(db, 2027, []);
  });

  it('lists items by queue and filter, and counts a unit handler’s queues over their unit only', async () => {
    const db = handle.db;
    const [pending, assigned, other] = nos as [string, string, string];
    const page = { page: 1, pageSize: 20 };
    const before = { now: t('2026-03-03T09:00:00'), dueBy: t('2026-03-05T23:59:59') };
    const after = { now: t('2026-03-05T09:00:00'), dueBy: t('2026-03-09T23:59:59') };
    const nosOf = async (filter: Parameters<typeof listStaffIssues>[1], when = before) => (await listStaffIssues(db, filter, { ...when, ...page })).items.map((i) => i.no);
    expect(await nosOf({ queue: 'review' })).toEqual([pending]);
    expect(await nosOf({ queue: 'assign' })).toEqual([other]);
    expect(await nosOf({ queue: 'due' })).toEqual([assigned]);
    expect(await nosOf({ queue: 'overdue' })).toEqual([]);
    expect(await nosOf({ queue: 'overdue' }, after)).toEqual([assigned]);
    expect(await nosOf({ overdue: true }, after)).toEqual([assigned]);
    expect(await nosOf({ unitId: unitA })).toEqual([assigned]);
    expect(await nosOf({ q: assigned.toLowerCase() })).toEqual([assigned]);
    expect(await nosOf({ area: '乙社区' })).toEqual([other]);
    expect(await nosOf({ q: '装修垃圾' })).toEqual([other, assigned, pending]);
    // Two characters through the bigram index, one by the text itself, and the 文号 of an inspection finding.
    expect(await nosOf({ q: '垃圾' })).toEqual([other, assigned, pending]);
    expect(await nosOf({ q: '堆' })).toEqual([other, assigned, pending]);
    expect(await nosOf({ q: '乙社' })).toEqual([other]);
    expect(await nosOf({ q: '草坪' })).toEqual([]);
    await db.update(issues).set({ documentNo: '江创办督〔2026〕7号' }).where(eq(issues.no, other));
    expect(await nosOf({ q: '7号' })).toEqual([other]);
    expect(await nosOf({ q: '创办督〔2026〕7' })).toEqual([other]);
    await db.update(issues).set({ documentNo: null }).where(eq(issues.no, other));
    expect((await listStaffIssues(db, {}, { ...before, ...page })).total).toBe(3);

    const all = await staffQueueCounts(db, before);
    expect(all).toMatchObject({ review: 1, assign: 1, returned: 0, verify: 0, overdue: 0, due: 1 });
    expect(await staffQueueCounts(db, { ...after, unitId: unitA })).toMatchObject({ toFix: 1, working: 0, overdue: 1, due: 0 });
    expect(await staffQueueCounts(db, { ...after, unitId: unitB })).toMatchObject({ toFix: 0, overdue: 0 });
  });

  it('finds a photo with its item, unit and private original', async () => {
    const db = handle.db;
    const [, assigned] = nos as [string, string];
    const item = await listStaffIssues(db, { q: assigned }, { now: new Date(), dueBy: new Date(), page: 1, pageSize: 1 });
    expect(item.items).toHaveLength(1);
    const photos = await db.query.issuePhotos.findMany();
    const mine = await findIssuePhoto(db, photos[1]!.id);
    expect(mine).toMatchObject({ issueNo: assigned, unitId: unitA, status: 'assigned', stage: 'before', publicMediaKey: null, photosPublic: true, format: 'webp' });
    expect(await findIssuePhoto(db, 999_999)).toBeNull();
  });
});
