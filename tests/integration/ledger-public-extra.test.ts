// The reads of db/queries/ledger/public-extra.ts on both engines: the 随手拍 form's categories and areas,
// and every unit's figures at once (/units), which must equal each unit's own page (unitPublic) for every
// period; pending items count nowhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { listUnitsPublic, unitPublic } from '@/db/queries/ledger/ledger';
import { areaGroups, isKnownArea, listSnapCategories, listUnitsWithStats } from '@/db/queries/ledger/public-extra';
import { issueCategories, issueEvents, issues, units } from '@/db/schema';
import type { IssueStatus } from '@/lib/enums';
import { freshDatabase } from './helpers';

const PHONE = '13912345678';
const HIDDEN_NAME = '司马不公开';
const SHOWN_NAME = '欧阳愿公开';
const INTERNAL = '内部备注：约谈该单位负责人';
const REPORTER_ONLY = '只告诉反映人的说明';
const NOW = new Date('2026-11-20T04:00:00Z');
const DAY = 86_400_000;

let handle: DbHandle;
let unitA: number;
let unitB: number;
let categoryId: number;
let privateCategoryId: number;
let seq = 0;

async function addIssue(values: { status: IssueStatus; unitId?: number | null; area?: string; deadlineAt?: Date | null; closedAt?: Date | null; submittedAt?: Date | null; createdAt?: Date; reporterNamePublic?: boolean; categoryId?: number; rating?: '满意' | '基本满意' | '不满意' | null }) {
  seq += 1;
  const no = `ZG-2026-${String(seq).padStart(6, '0')}`;
  const [row] = await handle.db
    .insert(issues)
    .values({
      no,
      source: '随手拍',
      categoryId: values.categoryId ?? categoryId,
      description: `人行道上的井盖缺失，行人容易踩空（第${seq}条）`,
      address: '建设路18号门前',
      area: values.area ?? '白沙一网格',
      lat: 30.5928461,
      lng: 114.3052387,
      publicLat: 30.593,
      publicLng: 114.305,
      reporterName: values.reporterNamePublic ? SHOWN_NAME : HIDDEN_NAME,
      reporterNamePublic: values.reporterNamePublic ?? false,
      reporterPhone: PHONE,
      status: values.status,
      unitId: values.unitId ?? null,
      assignedAt: values.unitId ? new Date(NOW.getTime() - 10 * DAY) : null,
      // The first assignment to the unit: the 'assign' event below (transition() keeps the two together).
      unitAssignedAt: values.unitId ? new Date(NOW.getTime() - 10 * DAY) : null,
      deadlineAt: values.deadlineAt ?? null,
      submittedAt: values.submittedAt ?? null,
      closedAt: values.closedAt ?? null,
      rating: values.rating ?? null,
      ratedAt: values.rating ? new Date(NOW.getTime() - DAY / 2) : null,
      createdAt: values.createdAt ?? new Date(NOW.getTime() - (100 - seq) * 60_000),
    })
    .returning({ id: issues.id, no: issues.no });
  const events: (typeof issueEvents.$inferInsert)[] = [{ issueId: row!.id, kind: 'report', toStatus: 'pending', reporterNote: null, createdAt: new Date(NOW.getTime() - 11 * DAY) }];
  if (values.status !== 'pending') events.push({ issueId: row!.id, kind: 'accept', fromStatus: 'pending', toStatus: 'accepted', publicNote: '已受理', internalNote: INTERNAL, reporterNote: REPORTER_ONLY, createdAt: new Date(NOW.getTime() - 10.5 * DAY) });
  if (values.unitId) events.push({ issueId: row!.id, kind: 'assign', fromStatus: 'accepted', toStatus: 'assigned', actorUnitId: values.unitId, publicNote: '交办', internalNote: INTERNAL, createdAt: new Date(NOW.getTime() - 10 * DAY) });
  if (values.closedAt) events.push({ issueId: row!.id, kind: 'close', fromStatus: 'verifying', toStatus: 'closed', publicNote: '核验通过，销号', createdAt: values.closedAt });
  await handle.db.insert(issueEvents).values(events);
  return row!.no;
}

const texts = (value: unknown) => JSON.stringify(value);

beforeAll(async () => {
  handle = await freshDatabase();
  const [a, b] = await handle.db
    .insert(units)
    .values([
      { name: '白沙街道办事处', kind: '街道/乡镇', areas: ['白沙一网格', '白沙二网格'] },
      { name: '市城市管理局', kind: '市直部门', areas: ['白沙一网格'] },
    ])
    .returning({ id: units.id });
  unitA = a!.id;
  unitB = b!.id;
  await handle.db.insert(units).values({ name: '已停用单位', kind: '社区/村', areas: ['旧网格'], active: false });
  const [c, p] = await handle.db
    .insert(issueCategories)
    .values([
      { name: '公共设施', deadlineDays: 5, urgentHours: 24, sortOrder: 1 },
      { name: '不文明行为', deadlineDays: 3, urgentHours: 24, photosPublic: false, sortOrder: 2 },
    ])
    .returning({ id: issueCategories.id });
  categoryId = c!.id;
  privateCategoryId = p!.id;
});

afterAll(async () => {
  await handle?.close();
});

describe('the citizens\' extra reads', () => {
  beforeAll(async () => {
    await addIssue({ status: 'pending' });
    await addIssue({ status: 'rejected' });
    await addIssue({ status: 'fixing', unitId: unitA, deadlineAt: new Date(NOW.getTime() - DAY) });
    await addIssue({ status: 'fixing', unitId: unitA, deadlineAt: new Date(NOW.getTime() + DAY), reporterNamePublic: true });
    await addIssue({ status: 'closed', unitId: unitB, deadlineAt: new Date(NOW.getTime() - 5 * DAY), submittedAt: new Date(NOW.getTime() - 2 * DAY), closedAt: new Date(NOW.getTime() - DAY), rating: '满意' });
    await addIssue({ status: 'accepted', area: '白沙二网格', categoryId: privateCategoryId });
  });

  it('offers the categories in order and each active area once, under its units', async () => {
    expect((await listSnapCategories(handle.db)).map((c) => c.name)).toEqual(['公共设施', '不文明行为']);
    const groups = areaGroups(await listUnitsPublic(handle.db));
    // The 街道 first (places before departments): the area it shares with the 城管局 is offered once, under it.
    expect(groups).toEqual([{ unit: '白沙街道办事处', areas: ['白沙一网格', '白沙二网格'] }]);
    expect(isKnownArea(groups, '白沙二网格')).toBe(true);
    // An inactive unit's area is not offered (nor accepted).
    expect(isKnownArea(groups, '旧网格')).toBe(false);
    expect(texts(groups)).not.toContain('已停用单位');
  });

  it("gives every unit the figures of its own page, for each period", async () => {
    for (const [period, range] of [
      ['all', null],
      ['2026', { from: '2026-01-01', to: '2027-01-01' }],
      ['2026-11', { from: '2026-11-01', to: '2026-12-01' }],
      ['2025', { from: '2025-01-01', to: '2026-01-01' }],
    ] as const) {
      const list = await listUnitsWithStats(handle.db, range, NOW);
      expect(list.map((u) => u.name).sort()).toEqual(['市城市管理局', '白沙街道办事处']);
      for (const unit of list) expect(unit.stats, `${unit.name} ${period}`).toEqual((await unitPublic(handle.db, unit.id, period, NOW))!.stats);
    }
    const all = await listUnitsWithStats(handle.db, null, NOW);
    expect(all.find((u) => u.id === unitA)!.stats).toMatchObject({ assigned: 2, closed: 0, overdueNow: 1, closeRate: null });
    expect(all.find((u) => u.id === unitB)!.stats).toMatchObject({ assigned: 1, closed: 1, onTime: 0, rated: 1, satisfaction: null });
    expect((await listUnitsWithStats(handle.db, { from: '2025-01-01', to: '2026-01-01' }, NOW)).every((u) => u.stats.assigned === 0)).toBe(true);
  });
});
