// The ledger's public side and its data on both engines: the demo seed covers every state with events
// that agree with the items; a unit's figures recomputed here from the raw events equal what its page's
// and /units' aggregate returns, for each period, and a unit's first assignment survives a return; the
// phone, the unpublished name, the exact position, internal notes and original photos are absent from
// every public read (lists, item page, feed, 我也遇到, unit pages, search); the inspection import's dry
// run and commit; the public filters and counts.
import { and, asc, eq, ne, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { findExistingFindings, importInspectionFindings } from '@/db/queries/ledger/ledger-admin/import';
import { loadCalendar } from '@/db/queries/ledger/deadlines';
import { dueSoonLimit, ledgerQueueCounts } from '@/db/queries/ledger/ledger-admin/queues';
import { transition, type LedgerActor } from '@/db/queries/ledger/ledger-admin/transition';
import { staffQueueCounts } from '@/db/queries/ledger/staff-extra';
import { createReport } from '@/db/queries/ledger/ledger-citizen';
import { ledgerFeed, ledgerItem, listLedger, listUnitsPublic, openSimilarIssues, snapStatus, unitPublic } from '@/db/queries/ledger/ledger';
import { listUnitsWithStats } from '@/db/queries/ledger/public-extra';
import { searchPublic, searchSite } from '@/db/queries/search';
import { insertUser } from '@/db/queries/users';
import { issueCategories, issueEvents, issues, units } from '@/db/schema';
import { seedLedger } from '@/db/seed/gen-ledger';
import { addDays, cityDay } from '@/lib/dates';
import { ISSUE_STATUSES, PUBLIC_ISSUE_STATUSES, RATINGS, type IssueStatus, type Rating } from '@/lib/enums';
import { checkInspectionRows } from '@/lib/ledger-import';
import { DUE_SOON_WORKING_DAYS, effectiveDeadline, isDueSoon, isOverdue } from '@/lib/ledger-workflow';
import { findPii } from '@/lib/pii-detect';
import { parseSearchQuery } from '@/lib/search-text';
import { MIN_ITEMS_FOR_RATES, parsePeriod } from '@/lib/unit-stats';
import { addWorkingDays, cityDayEnd, cityDayStart } from '@/lib/work-calendar';
import { engine, freshDatabase } from './helpers';

const NOW = new Date();
const SECRET_PHONE = '13812345678';
const SECRET_NAME = '钱多多';
const SECRET_NOTE = '内部备注：复核人员未到现场';
const EXACT_LAT = 30.123456;

describe(`the public ledger on ${engine}`, () => {
  let handle: DbHandle;
  let reviewer: LedgerActor;
  let planted: { no: string; id: number; categoryId: number; area: string; unitId: number };
  let seededAt: Date;

  beforeAll(async () => {
    handle = await freshDatabase();
    const db = handle.db;
    seededAt = new Date();
    await seedLedger(db, cityDay(seededAt));
    reviewer = { ...(await insertUser(db, { username: 'reviewer-p', displayName: '审核员', role: 'reviewer', passwordHash: 'x' })) };
    // A report with a phone and an ID number typed into its text (as if before the screen), an unpublished
    // name, an exact position and an internal note: accepted and assigned, so it is public.
    const [category] = await db.select().from(issueCategories).where(eq(issueCategories.name, '环境卫生'));
    const [unit] = await db.select().from(units).where(sql`cardinality(${units.areas}) > 0`).orderBy(asc(units.id)).limit(1);
    const saved = await createReport(db, {
      categoryId: category!.id,
      description: '绿化带里堆着生活垃圾，已经好几天没人清理。',
      address: '长湖路一号旁边的绿化带',
      area: unit!.areas[0]!,
      lat: EXACT_LAT,
      lng: 114.654321,
      reporterName: SECRET_NAME,
      reporterNamePublic: false,
      reporterPhone: SECRET_PHONE,
      flaggedWords: [],
      visitorId: null,
    }, []);
    if (!saved.ok) throw new Error(saved.message);
    await db.update(issues).set({ description: `绿化带里堆着生活垃圾，联系电话${SECRET_PHONE}，身份证11010519491231002X。` }).where(eq(issues.id, saved.id));
    const noop = async () => undefined;
    await transition(db, reviewer, saved.no, 'accept', { internalNote: SECRET_NOTE }, noop);
    await transition(db, reviewer, saved.no, 'assign', { unitId: unit!.id, internalNote: SECRET_NOTE, publicNote: '请尽快清理' }, noop);
    planted = { no: saved.no, id: saved.id, categoryId: category!.id, area: unit!.areas[0]!, unitId: unit!.id };
  });
  afterAll(async () => {
    await handle.close();
  });

  it('seeds about 200 items in every state, with events that agree with each item', async () => {
    const db = handle.db;
    // The demo's own items (not the one planted above).
    const rows = await db.select({ status: issues.status, n: sql<number>`count(*)::int` }).from(issues).where(ne(issues.id, planted.id)).groupBy(issues.status);
    const byStatus = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])) as Record<IssueStatus, number>;
    for (const status of ISSUE_STATUSES) expect(byStatus[status] ?? 0, status).toBeGreaterThan(0);
    expect(Object.values(byStatus).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(200);
    // Overdue and reopened items are among them.
    expect((await listLedger(db, { overdue: true })).total).toBeGreaterThan(0);
    const [reopened] = await db.select({ n: sql<number>`count(*)::int` }).from(issues).where(sql`${issues.reopenCount} > 0`);
    expect(Number(reopened!.n)).toBeGreaterThan(0);
    const [returned] = await db.select({ n: sql<number>`count(*)::int` }).from(issues).where(sql`${issues.returnCount} > 0`);
    expect(Number(returned!.n)).toBeGreaterThan(0);
    // Each item's last event leads to its status; every item starts with a report.
    const last = await db.execute<{ status: string; to_status: string; kind: string; first_kind: string }>(sql`
      select i.status, e.to_status, e.kind, (select f.kind from issue_events f where f.issue_id = i.id order by f.created_at, f.id limit 1) as first_kind
      from issues i join lateral (select * from issue_events x where x.issue_id = i.id order by x.created_at desc, x.id desc limit 1) e on true`);
    for (const r of last.rows) {
      expect(r.first_kind).toBe('report');
      if (r.kind !== 'publish_photo') expect(r.to_status).toBe(r.status);
    }
    // 不文明行为: photos are never public.
    const [incivility] = await db.select({ photosPublic: issueCategories.photosPublic }).from(issueCategories).where(eq(issueCategories.name, '不文明行为'));
    expect(incivility!.photosPublic).toBe(false);
  });

  it('dates every seeded event, item date and rating at or before the moment of seeding, whatever its hour', async () => {
    const db = handle.db;
    // Deadlines and planned dates lie ahead by nature; what happened lies in the past. The seed's present
    // is the city's midnight that starts its day, so this holds at any hour the seed runs at.
    const dayStart = cityDayStart(cityDay(seededAt));
    expect(dayStart.getTime()).toBeLessThanOrEqual(seededAt.getTime());
    const after = (column: SQL | AnyColumn) => sql<number>`(count(*) filter (where ${column} > ${dayStart.toISOString()}::timestamptz))::int`;
    const [counts] = await db
      .select({ items: sql<number>`count(*)::int`, rated: sql<number>`count(${issues.ratedAt})::int`, closed: sql<number>`count(${issues.closedAt})::int` })
      .from(issues)
      .where(ne(issues.id, planted.id));
    const [itemAfter] = await db
      .select({
        createdAt: after(issues.createdAt),
        updatedAt: after(issues.updatedAt),
        assignedAt: after(issues.assignedAt),
        submittedAt: after(issues.submittedAt),
        closedAt: after(issues.closedAt),
        ratedAt: after(issues.ratedAt),
      })
      .from(issues)
      .where(ne(issues.id, planted.id));
    const [events] = await db
      .select({ events: sql<number>`count(*)::int`, createdAt: after(issueEvents.createdAt) })
      .from(issueEvents)
      .where(ne(issueEvents.issueId, planted.id));
    // Not vacuous: the seed rated and closed items and wrote their events.
    expect(Number(counts!.items)).toBeGreaterThanOrEqual(200);
    expect(Number(counts!.rated)).toBeGreaterThan(0);
    expect(Number(counts!.closed)).toBeGreaterThan(0);
    expect(Number(events!.events)).toBeGreaterThan(Number(counts!.items));
    expect(Object.fromEntries(Object.entries(itemAfter!).map(([k, v]) => [k, Number(v)]))).toEqual({ createdAt: 0, updatedAt: 0, assignedAt: 0, submittedAt: 0, closedAt: 0, ratedAt: 0 });
    expect(Number(events!.createdAt), 'events after the seed day began').toBe(0);
    // The same seed for a day still to come (as if run at one minute past its midnight): nothing after that minute.
    const later = await freshDatabase();
    try {
      const tomorrow = cityDay(new Date(seededAt.getTime() + 86_400_000));
      const runAt = new Date(cityDayStart(tomorrow).getTime() + 60_000);
      await seedLedger(later.db, tomorrow);
      const [latestItem] = await later.db.select({ n: sql<number>`(count(*) filter (where greatest(${issues.createdAt}, ${issues.updatedAt}, ${issues.assignedAt}, ${issues.submittedAt}, ${issues.closedAt}, ${issues.ratedAt}) > ${runAt.toISOString()}::timestamptz))::int` }).from(issues);
      const [latestEvent] = await later.db.select({ n: sql<number>`(count(*) filter (where ${issueEvents.createdAt} > ${runAt.toISOString()}::timestamptz))::int` }).from(issueEvents);
      expect(Number(latestItem!.n)).toBe(0);
      expect(Number(latestEvent!.n)).toBe(0);
      // And the states survive: every status, overdue (at that minute) and reopened items.
      const statuses = await later.db.selectDistinct({ status: issues.status }).from(issues);
      expect(statuses.map((r) => r.status).sort()).toEqual([...ISSUE_STATUSES].sort());
      expect((await listLedger(later.db, { overdue: true }, runAt)).total).toBeGreaterThan(0);
      const [reopenedLater] = await later.db.select({ n: sql<number>`count(*)::int` }).from(issues).where(sql`${issues.reopenCount} > 0`);
      expect(Number(reopenedLater!.n)).toBeGreaterThan(0);
    } finally {
      await later.close();
    }
  });

  it('lists public items only, newest first, with counts per status under the filters', async () => {
    const db = handle.db;
    const all = await listLedger(db, {});
    expect(all.rows.length).toBe(20);
    expect(all.rows.every((r) => (PUBLIC_ISSUE_STATUSES as readonly string[]).includes(r.status))).toBe(true);
    expect(Object.keys(all.counts).every((s) => (PUBLIC_ISSUE_STATUSES as readonly string[]).includes(s))).toBe(true);
    expect(all.total).toBe(Object.values(all.counts).reduce((a, b) => a + b, 0));
    const times = all.rows.map((r) => r.createdAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const closed = await listLedger(db, { status: 'closed' });
    expect(closed.total).toBe(all.counts.closed);
    expect(closed.counts).toEqual(all.counts);
    const byUnit = await listLedger(db, { unitId: planted.unitId, categoryId: planted.categoryId, area: planted.area });
    expect(byUnit.rows.map((r) => r.no)).toContain(planted.no);
    // 超期 (its page's ids come from the open items' index first): overdue items only, newest first, as many as counted.
    const overdue = await listLedger(db, { overdue: true }, NOW);
    expect(overdue.rows.length).toBe(Math.min(20, overdue.total));
    expect(overdue.rows.every((r) => r.overdue === 'overdue')).toBe(true);
    const overdueTimes = overdue.rows.map((r) => r.createdAt.getTime());
    expect([...overdueTimes].sort((a, b) => b - a)).toEqual(overdueTimes);
    expect(overdue.total).toBe(Object.values(overdue.counts).reduce((a, b) => a + b, 0));
    expect(Object.keys(overdue.counts).every((s) => ['assigned', 'fixing', 'planned', 'verifying'].includes(s))).toBe(true);
    const month = cityDay(NOW).slice(0, 7);
    const thisMonth = await listLedger(db, { month });
    expect(thisMonth.rows.every((r) => cityDay(r.createdAt).startsWith(month))).toBe(true);
    // A pending report is not on the ledger.
    const [pending] = await db.select({ no: issues.no }).from(issues).where(eq(issues.status, 'pending')).limit(1);
    expect(await ledgerItem(db, pending!.no)).toBeNull();
  });

  it('keeps the phone, the unpublished name, the exact position, internal notes and original photos out of every public read', async () => {
    const db = handle.db;
    const unit = await unitPublic(db, planted.unitId, 'all');
    const reads: [string, unknown][] = [
      ['listLedger', await listLedger(db, { unitId: planted.unitId })],
      ['ledgerItem', await ledgerItem(db, planted.no)],
      ['ledgerFeed', await ledgerFeed(db)],
      ['openSimilarIssues', await openSimilarIssues(db, planted.categoryId, planted.area)],
      ['unitPublic', unit],
      ['listUnitsPublic', await listUnitsPublic(db)],
      ['searchSite', await searchSite(db, '绿化带')],
    ];
    for (const [name, value] of reads) {
      const json = JSON.stringify(value);
      if (name !== 'listUnitsPublic') expect(json, name).toContain(planted.no);
      for (const secret of [SECRET_PHONE, SECRET_NAME, SECRET_NOTE, String(EXACT_LAT), '11010519491231002X', 'reporterPhone', 'internalNote', 'privateFileId', 'lat":', 'lng":']) {
        expect(json.includes(secret), `${name} shows ${secret}`).toBe(false);
      }
      expect(findPii(json), name).toEqual([]);
    }
    // The planted numbers are in the stored row: the checks above are not empty.
    const [stored] = await db.select({ description: issues.description }).from(issues).where(eq(issues.id, planted.id));
    expect(findPii(stored!.description).length).toBe(2);
    // The public position is the rounded one.
    expect((await ledgerItem(db, planted.no))?.publicLat).toBe(30.123);
    // The reporter's own view has the history, not the staff's notes or the phone.
    const own = JSON.stringify(await snapStatus(db, planted.no, SECRET_PHONE));
    expect(own).toContain('请尽快清理');
    expect(own.includes(SECRET_NOTE) || own.includes(SECRET_PHONE)).toBe(false);
  });

  it('finds public items by place and description in the site search, exactly what a plain scan finds', async () => {
    const db = handle.db;
    for (const word of ['垃圾', '绿化带', '长湖']) {
      const query = parseSearchQuery(word);
      if (query.kind !== 'words') throw new Error(word);
      const ids: number[] = [];
      for (let page = 1; ; page++) {
        const result = await searchPublic(db, query, { tab: 'ledger', page });
        ids.push(...result.hits.map((h) => h.id));
        if (page >= result.pageCount) break;
      }
      const scan = await db
        .select({ id: issues.id })
        .from(issues)
        .where(and(sql`${issues.status} in ('accepted', 'assigned', 'fixing', 'planned', 'verifying', 'closed')`, sql`(${issues.address} || ' ' || ${issues.description}) like ${`%${word}%`}`));
      expect(ids.length, word).toBeGreaterThan(0);
      expect([...ids].sort((a, b) => a - b), word).toEqual(scan.map((r) => r.id).sort((a, b) => a - b));
    }
  });

  it('keeps a returned item\'s first assignment to a unit when it comes back to that unit', async () => {
    const db = handle.db;
    const [item] = await db.select({ no: issues.no, id: issues.id, unitId: issues.unitId, assignedAt: issues.assignedAt, unitAssignedAt: issues.unitAssignedAt }).from(issues).where(eq(issues.id, planted.id));
    expect(item!.unitAssignedAt).toEqual(item!.assignedAt);
    const handler: LedgerActor = await insertUser(db, { username: 'handler-p', displayName: '经办人', role: 'unit', unitId: planted.unitId, passwordHash: 'x' });
    const noop = async () => undefined;
    const later = (minutes: number) => new Date(item!.assignedAt!.getTime() + minutes * 60_000);
    expect(await transition(db, handler, item!.no, 'return', { publicNote: '不属于本单位职责' }, noop, later(10))).toMatchObject({ ok: true });
    const [returned] = await db.select({ unitId: issues.unitId, unitAssignedAt: issues.unitAssignedAt }).from(issues).where(eq(issues.id, planted.id));
    expect(returned).toEqual({ unitId: null, unitAssignedAt: null });
    // Back to the same unit: its figures still count the item from the first assignment, not this one.
    const reassigned = await transition(db, reviewer, item!.no, 'assign', { unitId: planted.unitId }, noop, later(20));
    // The audit row is told the kept instant (plain JSON, as recordAudit stores it).
    expect(JSON.parse(JSON.stringify(reassigned))).toMatchObject({ ok: true, after: { unitAssignedAt: item!.assignedAt!.toISOString() } });
    const [again] = await db.select({ assignedAt: issues.assignedAt, unitAssignedAt: issues.unitAssignedAt }).from(issues).where(eq(issues.id, planted.id));
    expect(again).toEqual({ assignedAt: later(20), unitAssignedAt: item!.assignedAt });
  });

  it("gives each unit's figures as recomputed from the events, on its page and on /units, for each period", async () => {
    const db = handle.db;
    const unitRows = await db.select({ id: units.id }).from(units);
    const eventRows = await db.select().from(issueEvents).orderBy(asc(issueEvents.createdAt), asc(issueEvents.id));
    const itemRows = await db.select().from(issues);
    const eventsOf = new Map<number, typeof eventRows>();
    for (const e of eventRows) eventsOf.set(e.issueId, [...(eventsOf.get(e.issueId) ?? []), e]);
    // The stored first assignment is the first 'assign' event to the unit holding the item (none without a unit).
    for (const item of itemRows) {
      const first = (eventsOf.get(item.id) ?? []).find((e) => e.kind === 'assign' && e.actorUnitId === item.unitId);
      expect(item.unitAssignedAt, item.no).toEqual(item.unitId === null ? null : (first?.createdAt ?? null));
    }
    const DAY = 86_400_000;
    const recompute = (unitId: number, range: { from: Date; to: Date } | null) => {
      const mine = itemRows.filter((i) => i.unitId === unitId && (PUBLIC_ISSUE_STATUSES as readonly string[]).includes(i.status));
      const facts = mine.flatMap((item) => {
        const events = eventsOf.get(item.id) ?? [];
        const firstAssign = events.find((e) => e.kind === 'assign' && e.actorUnitId === unitId);
        if (!firstAssign) return [];
        if (range && (firstAssign.createdAt < range.from || firstAssign.createdAt >= range.to)) return [];
        const lastCycle = [...events].reverse().find((e) => ['submit', 'redo', 'reopen'].includes(e.kind));
        const submittedAt = lastCycle?.kind === 'submit' ? lastCycle.createdAt : null;
        const lastClose = [...events].reverse().find((e) => e.kind === 'close');
        const closedAt = item.status === 'closed' ? lastClose!.createdAt : null;
        const rate = [...events].reverse().find((e) => e.kind === 'rate');
        const rating = (rate ? RATINGS.find((r) => rate.publicNote!.startsWith(r) && (rate.publicNote!.length === r.length || rate.publicNote![r.length] === '：')) : null) as Rating | null;
        const deadline = effectiveDeadline(item);
        const onTime = closedAt !== null && !(deadline && (submittedAt ?? closedAt) > deadline);
        const overdue =
          deadline !== null && ((['assigned', 'fixing', 'planned'].includes(item.status) && NOW > deadline) || (item.status === 'verifying' && submittedAt !== null && submittedAt > deadline));
        return [{ assignedAt: firstAssign.createdAt, closedAt, onTime, overdue, reopened: events.some((e) => e.kind === 'redo' || e.kind === 'reopen'), rating }];
      });
      const closed = facts.filter((f) => f.closedAt);
      const days = closed.map((f) => (f.closedAt!.getTime() - f.assignedAt.getTime()) / DAY).sort((a, b) => a - b);
      const median = days.length === 0 ? null : Math.round((days.length % 2 ? days[(days.length - 1) / 2]! : (days[days.length / 2 - 1]! + days[days.length / 2]!) / 2) * 10) / 10;
      const rated = facts.filter((f) => f.rating);
      const rate = (part: number, whole: number) => (whole >= MIN_ITEMS_FOR_RATES ? Math.round((part / whole) * 1000) / 1000 : null);
      return {
        assigned: facts.length,
        closed: closed.length,
        onTime: closed.filter((f) => f.onTime).length,
        overdueNow: facts.filter((f) => f.overdue).length,
        medianDaysToClose: median,
        closeRate: rate(closed.length, facts.length),
        onTimeRate: rate(closed.filter((f) => f.onTime).length, closed.length),
        reopenRate: rate(facts.filter((f) => f.reopened).length, facts.filter((f) => f.reopened || f.closedAt).length),
        satisfaction: rate(rated.filter((f) => f.rating !== '不满意').length, rated.length),
        rated: rated.length,
      };
    };
    const month = cityDay(NOW).slice(0, 7);
    const year = month.slice(0, 4);
    let withRates = 0;
    let withItems = 0;
    for (const period of ['all', year, month]) {
      const range = parsePeriod(period)!;
      const bounds = range && { from: new Date(`${range.from}T00:00:00+08:00`), to: new Date(`${range.to}T00:00:00+08:00`) };
      const everyUnit = new Map((await listUnitsWithStats(db, range, NOW)).map((u) => [u.id, u.stats]));
      for (const { id: unitId } of unitRows) {
        const expected = recompute(unitId, bounds);
        const page = await unitPublic(db, unitId, period, NOW);
        expect(page?.stats, `unit ${unitId}, ${period}`).toEqual(expected);
        expect(everyUnit.get(unitId), `/units: unit ${unitId}, ${period}`).toEqual(expected);
        if (period === 'all' && page!.stats.closeRate !== null) withRates += 1;
        if (period === month && expected.assigned > 0) withItems += 1;
      }
    }
    // Some units have enough items for rates in the demo data, and some got items this month.
    expect(withRates).toBeGreaterThan(0);
    expect(withItems).toBeGreaterThan(0);
    expect(await unitPublic(db, unitRows[0]!.id, '2026-13')).toBeNull();
  });

  it("gives the dashboard's queue counts, the same as the staff list's queues", async () => {
    const db = handle.db;
    const dueBy = await dueSoonLimit(db, NOW);
    const mine = await ledgerQueueCounts(db, { now: NOW });
    const staff = await staffQueueCounts(db, { now: NOW, dueBy });
    expect(staff).toMatchObject({ review: mine.toReview, assign: mine.toAssign, returned: mine.returned, verify: mine.toVerify, overdue: mine.overdue, due: mine.dueSoon });
    const [pending] = await db.select({ n: sql<number>`count(*)::int` }).from(issues).where(eq(issues.status, 'pending'));
    expect(mine.toReview).toBe(Number(pending!.n));
    // Overdue as the public list computes it.
    expect(mine.overdue).toBe((await listLedger(db, { overdue: true }, NOW)).total);
  });

  it('counts 超期 and 即将到期 as the item rule does, at the edges of deadlines and city days', async () => {
    const db = handle.db;
    const rows = await db
      .select({ status: issues.status, deadlineAt: issues.deadlineAt, plannedDate: issues.plannedDate, submittedAt: issues.submittedAt, closedAt: issues.closedAt, unitId: issues.unitId })
      .from(issues);
    const days = await loadCalendar(db);
    // Each city day's first and last millisecond and its noon, from ten days before today to twenty after, and
    // either side of the deadlines in force of some planned and some unplanned items in work.
    const today = cityDay(NOW);
    const instants = Array.from({ length: 31 }, (_, i) => addDays(today, i - 10)).flatMap((day) => [cityDayStart(day), new Date(cityDayStart(day).getTime() + 12 * 3600_000), cityDayEnd(day)]);
    const inWork = rows.filter((r) => ['assigned', 'fixing', 'planned'].includes(r.status));
    for (const r of [...inWork.filter((r) => r.plannedDate).slice(0, 4), ...inWork.filter((r) => !r.plannedDate && r.deadlineAt).slice(0, 4)]) {
      const e = effectiveDeadline(r)!.getTime();
      instants.push(new Date(e - 1), new Date(e), new Date(e + 1));
    }
    // The instants reach both edges of 即将到期 for planned items (planned on the last day of the window, and
    // on the day after it) and an unplanned deadline at the window's last millisecond.
    const windows = instants.map((now) => addWorkingDays(now, DUE_SOON_WORKING_DAYS, days));
    const plannedOn = (day: string) => inWork.some((r) => r.plannedDate === day);
    expect(windows.some((dueBy) => plannedOn(cityDay(dueBy)))).toBe(true);
    expect(windows.some((dueBy) => plannedOn(addDays(cityDay(dueBy), 1)))).toBe(true);
    expect(windows.some((dueBy) => inWork.some((r) => !r.plannedDate && r.deadlineAt?.getTime() === dueBy.getTime()))).toBe(true);
    const unitId = inWork[0]!.unitId!;
    for (const now of instants) {
      const expected = (of: typeof rows) => ({ overdue: of.filter((r) => isOverdue(r, now)).length, dueSoon: of.filter((r) => isDueSoon(r, now, days)).length });
      const all = await ledgerQueueCounts(db, { now });
      expect({ at: now.toISOString(), overdue: all.overdue, dueSoon: all.dueSoon }).toEqual({ at: now.toISOString(), ...expected(rows) });
      const mine = await ledgerQueueCounts(db, { now, unitId });
      expect({ at: now.toISOString(), overdue: mine.overdue, dueSoon: mine.dueSoon }).toEqual({ at: now.toISOString(), ...expected(rows.filter((r) => r.unitId === unitId)) });
    }
  });

  it('imports inspection findings after a dry run, once', async () => {
    const db = handle.db;
    const categories = await db.select({ id: issueCategories.id, name: issueCategories.name }).from(issueCategories);
    const unitRows = await db.select({ id: units.id, name: units.name, areas: units.areas }).from(units);
    const areas = unitRows.flatMap((u) => u.areas);
    const street = unitRows.find((u) => u.areas.length > 0)!;
    const sheet = [
      ['问题类别', '问题描述', '详细地点', '片区/网格', '责任单位', '督查文号', '联系电话'],
      ['#示例', '', '', '', '', '', ''],
      ['市容秩序', '沿街商铺占道经营，货架摆到人行道上。', '长湖路18号至26号', street.areas[0]!, street.name, '江创办督〔2026〕31号', SECRET_PHONE],
      ['交通秩序', '人行横道标线磨损严重，夜间无法辨认。', '文明路与人民路路口', '', '', '江创办督〔2026〕31号', ''],
      ['交通秩序', '人行横道标线磨损严重，夜间无法辨认。', '文明路与人民路路口', '', '', '江创办督〔2026〕31号', ''],
      ['不存在的类别', '短', '', '不存在的网格', '不存在的单位', '', ''],
      ['环境卫生', `垃圾桶满溢，联系${SECRET_PHONE}处理。`, '和谐路公交站', '', '', '江创办督〔2026〕31号', ''],
    ].map((cells, i) => ({ row: i + 1, cells }));
    const check = checkInspectionRows(sheet, categories, unitRows, areas);
    expect(check).toMatchObject({ fileError: null, ignoredColumns: ['联系电话'], totalRows: 5, invalidCount: 2, duplicateCount: 1 });
    expect(check.valid.map((v) => v.row)).toEqual([3, 4]);
    expect(check.problems.find((p) => p.row === 6)!.messages.length).toBeGreaterThanOrEqual(4);
    const findings = check.valid.map((v) => v.finding);
    expect((await findExistingFindings(db, findings)).size).toBe(0);
    const first = await importInspectionFindings(db, reviewer, findings);
    expect(first).toMatchObject({ inserted: 2, existing: 0 });
    const again = await importInspectionFindings(db, reviewer, findings);
    expect(again).toMatchObject({ inserted: 0, existing: 2 });
    const [assigned, accepted] = await Promise.all(first.nos.map((no) => db.select().from(issues).where(eq(issues.no, no)).then((r) => r[0]!)));
    expect(assigned).toMatchObject({ source: '督查', status: 'assigned', unitId: street.id, documentNo: '江创办督〔2026〕31号' });
    expect(assigned!.deadlineAt).not.toBeNull();
    // The unit's figures count it from this assignment.
    expect(assigned!.unitAssignedAt).toEqual(assigned!.assignedAt);
    expect(accepted).toMatchObject({ status: 'accepted', unitId: null });
    const kinds = await db.select({ kind: issueEvents.kind }).from(issueEvents).where(and(eq(issueEvents.issueId, assigned!.id))).orderBy(asc(issueEvents.id));
    expect(kinds.map((k) => k.kind)).toEqual(['report', 'assign']);
  });
});
