// Demo data of the 问题整改台账: about 30 units with their areas, the 8 categories, the 2026 calendar and
// about 200 items in every state. Each item's life is simulated step by step with the workflow's own
// rules (lib/ledger-workflow, lib/work-calendar) up to `today`, so events, dates and states agree:
// overdue, returned, planned, reopened and rated items come out of the same simulation.
import { ISSUE_SOURCES, type IssueEventKind, type IssueStatus, type Rating } from '../../lib/enums';
import { formatIssueNo } from '../../lib/ledger-number';
import { publicPosition } from '../../lib/geo';
import { returnDeadline } from '../../lib/ledger-workflow';
import { addDays } from '../../lib/dates';
import { addWorkingDays, addWorkingHours, type CalendarDay } from '../../lib/work-calendar';
import type { Db } from '../client';
import { issueCategories, issueEvents, issues, units, workCalendarDays } from '../schema';
import { at, insertRows, NamePool } from './common';
import { DISTRICTS, ROADS } from './content/city';
import { calendar2026, FIX_NOTES, PROBLEM_TEXTS, REJECT_REASONS, RETURN_REASONS, SEED_CATEGORIES, seedUnits } from './content/ledger';
import { createRng, type Rng } from './random';

export type LedgerSummary = { units: number; issueCategories: number; calendarDays: number; issues: number; issueEvents: number };

export const DEMO_ISSUE_COUNT = 200;

/** The first items are left in a given state, so that every state shows whatever day the demo is seeded. */
const STOP_AT: readonly (IssueStatus | null)[] = ['pending', 'pending', 'pending', 'rejected', 'duplicate', 'accepted', 'accepted', 'assigned', 'fixing', 'planned', 'planned', 'verifying', 'verifying', 'verifying'];

type Category = { id: number; name: string; defaultUnitId: number; deadlineDays: number; urgentHours: number };
type EventRow = typeof issueEvents.$inferInsert;
type IssueRow = typeof issues.$inferInsert;

/** Where a street's community lies: its district and street, for the address text. */
function placeOf(area: string): { district: string; street: string; community: string } {
  for (const d of DISTRICTS) {
    for (const s of d.streets) {
      const community = s.communities.find((c) => area.startsWith(c));
      if (community) return { district: d.name, street: s.name, community };
    }
  }
  return { district: DISTRICTS[0]!.name, street: DISTRICTS[0]!.streets[0]!.name, community: area };
}

/** One item's simulated life: steps are taken while their time is before `now`. */
function simulate(
  rng: Rng,
  item: IssueRow,
  category: Category,
  unitFor: () => number,
  otherUnit: (not: number) => number,
  days: readonly CalendarDay[],
  now: Date,
  notes: () => string,
  /** Leave the item in this state (so the demo shows every state whatever the date). */
  stopAt: IssueStatus | null,
) {
  let stopped = false;
  // The demo has no staff accounts of the 创城办 or the units: steps name no user.
  const reviewer = null;
  const events: EventRow[] = [];
  let t = item.createdAt as Date;
  const later = (minHours: number, maxHours: number) => new Date(t.getTime() + rng.int(minHours * 60, maxHours * 60) * 60_000);
  const push = (kind: IssueEventKind, from: IssueStatus | null, to: IssueStatus | null, extra: Partial<EventRow> = {}) => {
    events.push({ issueId: 0, kind, fromStatus: from, toStatus: to, createdAt: t, ...extra });
    if (to) item.status = to;
    if (to === stopAt) stopped = true;
  };
  const step = (at: Date) => {
    if (stopped || at > now) return false;
    t = at;
    return true;
  };
  const staffSource = item.source !== '随手拍';
  push('report', null, staffSource ? 'accepted' : 'pending', staffSource ? { actorUserId: reviewer, publicNote: `${item.source}发现` } : {});

  const fate = rng.next();
  if (!staffSource) {
    if (!step(later(2, 30))) return events;
    if (stopAt === 'rejected' || (stopAt === null && fate < 0.05)) {
      push('reject', 'pending', 'rejected', { actorUserId: reviewer, reporterNote: rng.pick(REJECT_REASONS) });
      return events;
    }
    if (stopAt === 'duplicate' || (stopAt === null && fate < 0.08)) {
      push('duplicate', 'pending', 'duplicate', { actorUserId: reviewer, internalNote: '与已受理的同一地点问题重复' });
      return events;
    }
    push('accept', 'pending', 'accepted', { actorUserId: reviewer });
  }

  // The first assignment to each unit (a unit assigned again after a return keeps its first instant).
  const firstAssigned = new Map<number, Date>();
  const assign = (unitId: number) => {
    const urgent = rng.chance(0.1);
    if (!firstAssigned.has(unitId)) firstAssigned.set(unitId, t);
    item.unitId = unitId;
    item.urgent = urgent;
    item.assignedAt = t;
    item.unitAssignedAt = firstAssigned.get(unitId)!;
    item.deadlineAt = urgent ? addWorkingHours(t, category.urgentHours, days) : addWorkingDays(t, category.deadlineDays, days);
    push('assign', 'accepted', 'assigned', { actorUserId: reviewer, actorUnitId: unitId, publicNote: urgent ? '紧急问题，请尽快处置' : null });
  };
  if (!step(later(1, 20))) return events;
  assign(unitFor());

  // 退回改派: within the return window, at most twice (here once or twice for a few items).
  for (let returns = 0; returns < 2 && rng.chance(returns === 0 ? 0.12 : 0.3); returns += 1) {
    const when = new Date(Math.min(later(1, 20).getTime(), returnDeadline(item.assignedAt as Date, days).getTime()));
    if (!step(when)) return events;
    const unitId = item.unitId as number;
    item.returnCount = (item.returnCount ?? 0) + 1;
    item.unitId = null;
    item.assignedAt = null;
    item.unitAssignedAt = null;
    item.deadlineAt = null;
    push('return', 'assigned', 'accepted', { actorUserId: null, actorUnitId: unitId, publicNote: rng.pick(RETURN_REASONS) });
    if (!step(later(2, 30))) return events;
    assign(otherUnit(unitId));
  }

  const unit = () => item.unitId as number;
  if (!step(later(2, 40))) return events;
  push('start', 'assigned', 'fixing', { actorUserId: null, actorUnitId: unit(), publicNote: '已安排人员现场核实' });
  if (stopAt === 'planned' || rng.chance(0.08)) {
    if (!step(later(4, 30))) return events;
    item.plannedDate = addDays((item.deadlineAt as Date).toISOString().slice(0, 10), rng.int(20, 60));
    push('plan', 'fixing', 'planned', { actorUserId: null, actorUnitId: unit(), publicNote: `需要结合道路改造项目统一实施，计划于${item.plannedDate}前完成` });
    if (stopAt === 'planned' || rng.chance(0.7)) return events;
  }
  for (let round = 0; round < 3; round += 1) {
    // Most units submit within the deadline; some are late (and some items stay overdue until today).
    if (!step(later(round === 0 ? 20 : 10, rng.chance(0.25) ? 200 : 90))) return events;
    const from = item.status as IssueStatus;
    item.submittedAt = t;
    push('submit', from, 'verifying', { actorUserId: null, actorUnitId: unit(), publicNote: notes() });
    if (!step(later(2, 40))) return events;
    if (rng.chance(0.12)) {
      item.reopenCount = (item.reopenCount ?? 0) + 1;
      item.submittedAt = null;
      push('redo', 'verifying', 'fixing', { actorUserId: reviewer, actorUnitId: unit(), publicNote: '现场复核发现问题仍未彻底解决，请继续整改', internalNote: '复核照片与整改前角度不一致' });
      continue;
    }
    item.closedAt = t;
    push('close', 'verifying', 'closed', { actorUserId: reviewer, actorUnitId: unit(), publicNote: '经现场核验，问题已整改到位，予以销号' });
    if (item.source !== '随手拍' || !rng.chance(0.6)) return events;
    if (!step(later(3, 120))) return events;
    const rating: Rating = rng.pick(['满意', '满意', '满意', '基本满意', '基本满意', '不满意'] as const);
    item.rating = rating;
    item.ratedAt = t;
    push('rate', 'closed', 'closed', { actorUnitId: unit(), publicNote: rating });
    if (rating !== '不满意') return events;
    // The reopening follows the rating at once (a second later, never after the simulation's present).
    t = new Date(Math.min(t.getTime() + 1000, now.getTime()));
    item.reopenCount = (item.reopenCount ?? 0) + 1;
    item.closedAt = null;
    item.submittedAt = null;
    item.deadlineAt = addWorkingDays(t, category.deadlineDays, days);
    push('reopen', 'closed', 'fixing', { actorUnitId: unit(), publicNote: '反映人评价不满意，问题重新交责任单位整改' });
  }
  return events;
}

export async function seedLedger(db: Db, today: string): Promise<LedgerSummary> {
  const rng = createRng('civic-demo:ledger');
  const unitRows = seedUnits();
  const ids = new Map<string, number>();
  for (const unit of unitRows) {
    const [row] = await db.insert(units).values({ name: unit.name, kind: unit.kind, areas: unit.areas, parentId: unit.parent ? ids.get(unit.parent) : null }).returning({ id: units.id });
    ids.set(unit.name, row!.id);
  }
  const categories = await db
    .insert(issueCategories)
    .values(SEED_CATEGORIES.map((c, i) => ({ name: c.name, defaultUnitId: ids.get(c.defaultUnit)!, deadlineDays: c.deadlineDays, urgentHours: c.urgentHours, photosPublic: c.photosPublic, sortOrder: i + 1 })))
    .returning({ id: issueCategories.id, name: issueCategories.name, defaultUnitId: issueCategories.defaultUnitId, deadlineDays: issueCategories.deadlineDays, urgentHours: issueCategories.urgentHours });
  const calendar = calendar2026();
  await insertRows(db, workCalendarDays, calendar);

  // Areas and the units that answer for them (a street for its communities, a community for its grids).
  const areaUnits = unitRows.flatMap((u) => u.areas.map((area) => ({ area, unitId: ids.get(u.name)! })));
  const unitIds = [...ids.values()];
  const names = new NamePool(rng);
  // The simulation's present is the city's midnight that starts `today`: whatever the hour the seed runs
  // at, no event, item date or rating lies after the moment of seeding, and the same `today` still gives
  // the same data.
  const now = at(today, 0);
  const issueRows: IssueRow[] = [];
  const eventRows: EventRow[][] = [];
  const usedNotes = new Set<string>();
  let noteRound = 0;
  // Notes are the units' own words per item: a base sentence with the item's place, never repeated verbatim.
  const noteFor = (place: string) => () => {
    for (;;) {
      const note = `${rng.pick(FIX_NOTES)}（${place}${noteRound > 0 ? `，第${noteRound + 1}次复查` : ''}）`;
      if (!usedNotes.has(note)) {
        usedNotes.add(note);
        return note;
      }
      noteRound += 1;
    }
  };
  const year = Number(today.slice(0, 4));
  for (let i = 0; i < DEMO_ISSUE_COUNT; i += 1) {
    const category = rng.pick(categories) as Category;
    const { area, unitId: areaUnit } = rng.pick(areaUnits);
    const place = placeOf(area);
    const stopAt = STOP_AT[i] ?? null;
    const source = stopAt || rng.chance(0.75) ? '随手拍' : rng.pick(ISSUE_SOURCES.filter((s) => s !== '随手拍'));
    // The held items over the last weeks, a few fresh reports (some still waiting for review) of the last
    // evening, the rest over the last five months; days are counted back from yesterday, never after `now`.
    const daysAgo = stopAt === 'pending' ? 0 : stopAt ? rng.int(5, 20) : i < STOP_AT.length + 6 ? rng.int(0, 1) : rng.int(2, 150);
    const createdAt = at(addDays(today, -1 - daysAgo), daysAgo === 0 ? rng.int(18, 22) : rng.int(7, 21), rng.int(0, 59));
    const lat = rng.chance(0.6) ? 30.5 + rng.next() * 0.2 : null;
    const lng = lat === null ? null : 114.2 + rng.next() * 0.3;
    const reporter = source === '随手拍' ? names.person() : null;
    const address = `${place.district}${place.street}${place.community}${rng.pick(ROADS)}${rng.int(1, 300)}号附近`;
    const item: IssueRow = {
      no: formatIssueNo(year, i + 1),
      source,
      categoryId: category.id,
      description: rng.pick(PROBLEM_TEXTS[category.name] ?? PROBLEM_TEXTS['环境卫生']!),
      address,
      area,
      lat,
      lng,
      ...publicPosition(lat, lng),
      reporterName: reporter?.name ?? null,
      reporterNamePublic: reporter ? rng.chance(0.3) : false,
      // Demo numbers in a block no carrier hands out to subscribers (1990000 and four digits).
      reporterPhone: reporter ? `1990000${String(i).padStart(4, '0')}` : null,
      documentNo: source === '督查' ? `江创办督〔${year}〕${rng.int(1, 40)}号` : null,
      status: 'pending',
      returnCount: 0,
      reopenCount: 0,
      supports: source === '随手拍' ? rng.int(0, 12) : 0,
      createdAt,
    };
    const events = simulate(
      rng,
      item,
      category,
      () => (rng.chance(0.5) ? areaUnit : category.defaultUnitId),
      (not) => rng.pick(unitIds.filter((u) => u !== not)),
      calendar,
      now,
      noteFor(place.community),
      stopAt,
    );
    item.updatedAt = events.at(-1)!.createdAt as Date;
    issueRows.push(item);
    eventRows.push(events);
  }
  const inserted = await db.insert(issues).values(issueRows).returning({ id: issues.id, no: issues.no });
  const idOf = new Map(inserted.map((r) => [r.no, r.id]));
  const events = issueRows.flatMap((item, i) => eventRows[i]!.map((e) => ({ ...e, issueId: idOf.get(item.no)! })));
  await insertRows(db, issueEvents, events);
  return { units: unitRows.length, issueCategories: categories.length, calendarDays: calendar.length, issues: issueRows.length, issueEvents: events.length };
}
