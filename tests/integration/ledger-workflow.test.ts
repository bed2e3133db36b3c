// The ledger's workflow end to end at query level, on both engines: a citizen's report with a photo and
// its receipt, acceptance and assignment with a deadline counted across the National Day holiday of the
// calendar, a unit's return within one working day (and the limits on returns), another unit's 404, the
// submission rules, verification, the reporter's rating and the reopening by 不满意, 超期, 我也遇到.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { addSupport, createReport, rateIssue } from '@/db/queries/ledger/ledger-citizen';
import { itemForActor } from '@/db/queries/ledger/ledger-admin/items';
import { ledgerQueueCounts } from '@/db/queries/ledger/ledger-admin/queues';
import { bulkAssign, transition, type LedgerActor, type TransitionDone, type TransitionRequest } from '@/db/queries/ledger/ledger-admin/transition';
import { ledgerItem, listLedger, openSimilarIssues, snapStatus } from '@/db/queries/ledger/ledger';
import { insertUser } from '@/db/queries/users';
import { issueCategories, issueEvents, issuePhotos, issues, units, workCalendarDays } from '@/db/schema';
import { calendar2026 } from '@/db/seed/content/ledger';
import type { IssueAction } from '@/lib/ledger-workflow';
import { engine, freshDatabase } from './helpers';

const t = (local: string) => new Date(`${local}+08:00`);
const PHONE = '13912345670';
let photoKeys = 0;
const photo = (dhash: string | null = null) => ({ storageKey: (++photoKeys).toString(16).padStart(32, 'a'), format: 'webp' as const, bytes: 1000, originalName: 'p.jpg', dhash });

describe(`the ledger workflow on ${engine}`, () => {
  let handle: DbHandle;
  let reviewer: LedgerActor;
  let handlerA: LedgerActor;
  let handlerB: LedgerActor;
  let unitA: number;
  let unitB: number;
  let traffic: number;
  const audited: TransitionDone[] = [];
  const audit = async (_tx: unknown, done: TransitionDone) => {
    audited.push(done);
  };
  const act = (actor: LedgerActor, no: string, action: IssueAction, request: TransitionRequest, now: Date) => transition(handle.db, actor, no, action, request, audit, now);

  beforeAll(async () => {
    handle = await freshDatabase();
    const db = handle.db;
    const [a, b] = await db
      .insert(units)
      .values([
        { name: '测试街道办事处', kind: '街道/乡镇', areas: ['桂花社区', '梧桐社区'] },
        { name: '测试交通管理支队', kind: '市直部门', areas: [] },
      ])
      .returning({ id: units.id });
    unitA = a!.id;
    unitB = b!.id;
    const [category] = await db.insert(issueCategories).values({ name: '交通秩序', defaultUnitId: unitA, deadlineDays: 3, urgentHours: 12, photosPublic: true }).returning({ id: issueCategories.id });
    traffic = category!.id;
    await db.insert(workCalendarDays).values(calendar2026());
    const user = async (username: string, role: 'reviewer' | 'unit', unitId: number | null): Promise<LedgerActor> => ({
      ...(await insertUser(db, { username, displayName: username, role, unitId, passwordHash: 'x' })),
    });
    reviewer = await user('reviewer1', 'reviewer', null);
    handlerA = await user('unit-a', 'unit', unitA);
    handlerB = await user('unit-b', 'unit', unitB);
  });
  afterAll(async () => {
    await handle.close();
  });

  const report = async (now: Date, extra: Partial<Parameters<typeof createReport>[1]> = {}, photos = [photo('0f0f0f0f0f0f0f0f')]) => {
    const saved = await createReport(
      handle.db,
      {
        categoryId: traffic,
        description: '路口的非机动车经常闯红灯，和右转车辆抢行。',
        address: '文明路与和谐路交叉口',
        area: '桂花社区',
        lat: 30.567891,
        lng: 114.301234,
        reporterName: '赵小明',
        reporterNamePublic: false,
        reporterPhone: PHONE,
        flaggedWords: [],
        visitorId: 'v1',
        ...extra,
      },
      photos,
      undefined,
      now,
    );
    if (!saved.ok) throw new Error(saved.message);
    return saved;
  };

  it('takes a report to 已销号 across the National Day holiday, then reopens it on 不满意', async () => {
    const db = handle.db;
    const saved = await report(t('2026-09-29T09:00:00'));
    expect(saved.no).toMatch(/^ZG-2026-\d{6}$/);
    const [stored] = await db.select().from(issues).where(eq(issues.id, saved.id));
    expect(stored).toMatchObject({ status: 'pending', unitId: null, publicLat: 30.568, publicLng: 114.301, reporterPhone: PHONE });
    // 待审核 is private; the reporter finds it by receipt and phone.
    expect(await ledgerItem(db, saved.no)).toBeNull();
    expect(await snapStatus(db, saved.no, '13900000000')).toBeNull();
    expect((await snapStatus(db, saved.no, '139 1234 5670'))?.status).toBe('pending');

    expect(await act(reviewer, saved.no, 'accept', {}, t('2026-09-29T10:00:00'))).toMatchObject({ ok: true, to: 'accepted' });
    // No unit given: the category's default unit. Wed 30 Sep + 3 working days: 1-7 Oct are the holiday,
    // Thu 8 and Fri 9 count, and Sat 10 Oct is a 调休 working day: the deadline is its end.
    const assigned = await act(reviewer, saved.no, 'assign', {}, t('2026-09-30T10:00:00'));
    expect(assigned.ok).toBe(true);
    let [row] = await db.select().from(issues).where(eq(issues.id, saved.id));
    expect(row!.unitId).toBe(unitA);
    expect(row!.deadlineAt!.toISOString()).toBe(t('2026-10-10T23:59:59.999').toISOString());

    // Another unit's handler: the item does not exist for them.
    expect(await itemForActor(db, saved.no, handlerB)).toBeNull();
    expect(await act(handlerB, saved.no, 'start', {}, t('2026-09-30T11:00:00'))).toMatchObject({ ok: false, notFound: true });
    expect((await itemForActor(db, saved.no, handlerA))?.reporterPhone).toBe(PHONE);

    // 退回改派 needs a reason, is allowed within one working day, and then goes back to the reviewer.
    expect(await act(handlerA, saved.no, 'return', {}, t('2026-09-30T15:00:00'))).toMatchObject({ ok: false, field: 'publicNote' });
    expect(await act(handlerA, saved.no, 'return', { publicNote: '该路口属于相邻街道管辖' }, t('2026-09-30T15:00:00'))).toMatchObject({ ok: true, to: 'accepted' });
    [row] = await db.select().from(issues).where(eq(issues.id, saved.id));
    expect(row).toMatchObject({ status: 'accepted', unitId: null, returnCount: 1 });
    expect(await itemForActor(db, saved.no, handlerA)).toBeNull();
    expect((await ledgerQueueCounts(db, { now: t('2026-09-30T15:30:00') })).returned).toBe(1);

    // Assigned again on Wednesday: the return window ends with Thursday 8 October (the holiday in between).
    await act(reviewer, saved.no, 'assign', { unitId: unitA }, t('2026-09-30T16:00:00'));
    expect(await act(handlerA, saved.no, 'return', { publicNote: '仍不属于本单位' }, t('2026-10-09T09:00:00'))).toMatchObject({ ok: false });
    expect(await act(handlerA, saved.no, 'start', {}, t('2026-10-08T09:00:00'))).toMatchObject({ ok: true, to: 'fixing' });

    // Submission rules: an after-photo, and a note of at least 20 characters.
    expect(await act(handlerA, saved.no, 'submit', { publicNote: '已在路口安排交通协管员劝导非机动车守法通行，违法现象明显减少。' }, t('2026-10-09T10:00:00'))).toMatchObject({ ok: false, field: 'afterPhotos' });
    expect(await act(handlerA, saved.no, 'submit', { publicNote: '已整改', afterPhotos: [photo()] }, t('2026-10-09T10:00:00'))).toMatchObject({ ok: false, field: 'publicNote' });
    const note = '已在路口安排交通协管员劝导非机动车守法通行，违法现象明显减少。';
    const submitted = await act(handlerA, saved.no, 'submit', { publicNote: note, afterPhotos: [photo()] }, t('2026-10-09T10:00:00'));
    expect(submitted).toMatchObject({ ok: true, to: 'verifying', repeatedNote: false });
    // A unit cannot cross an item off.
    expect(await act(handlerA, saved.no, 'close', {}, t('2026-10-09T11:00:00'))).toMatchObject({ ok: false });
    expect(await act(reviewer, saved.no, 'close', { publicNote: '经现场核验，已整改到位' }, t('2026-10-09T15:00:00'))).toMatchObject({ ok: true, to: 'closed' });
    expect((await ledgerItem(db, saved.no, t('2026-10-09T16:00:00')))?.overdue).toBeNull();

    // Rating: only the reporter's phone, only within 7 days; 不满意 reopens to the unit with a new deadline.
    expect(await rateIssue(db, { no: saved.no, phone: '13900000000', rating: '满意', comment: '' }, undefined, t('2026-10-10T09:00:00'))).toMatchObject({ ok: false });
    expect(await rateIssue(db, { no: saved.no, phone: PHONE, rating: '满意', comment: '' }, undefined, t('2026-10-17T09:00:00'))).toMatchObject({ ok: false });
    const rated = await rateIssue(db, { no: saved.no, phone: PHONE, rating: '不满意', comment: '晚高峰仍然有人闯红灯' }, undefined, t('2026-10-12T09:00:00'));
    expect(rated).toMatchObject({ ok: true, reopened: true });
    [row] = await db.select().from(issues).where(eq(issues.id, saved.id));
    expect(row).toMatchObject({ status: 'fixing', unitId: unitA, reopenCount: 1, closedAt: null, rating: '不满意' });
    expect(row!.deadlineAt!.toISOString()).toBe(t('2026-10-15T23:59:59.999').toISOString());
    // Not closed any more: no second rating.
    expect(await rateIssue(db, { no: saved.no, phone: PHONE, rating: '满意', comment: '' }, undefined, t('2026-10-12T10:00:00'))).toMatchObject({ ok: false });

    // Every step is an event (report, accept, assign, return, assign, start, submit, close, rate, reopen) and each staff step was audited.
    const kinds = (await db.select({ kind: issueEvents.kind }).from(issueEvents).where(eq(issueEvents.issueId, saved.id)).orderBy(issueEvents.id)).map((e) => e.kind);
    expect(kinds).toEqual(['report', 'accept', 'assign', 'return', 'assign', 'start', 'submit', 'close', 'rate', 'reopen']);
    expect(audited.filter((a) => a.no === saved.no).map((a) => a.action)).toEqual(['accept', 'assign', 'return', 'assign', 'start', 'submit', 'close']);
    const photos = await db.select({ stage: issuePhotos.stage }).from(issuePhotos).where(eq(issuePhotos.issueId, saved.id));
    expect(photos.map((p) => p.stage).sort()).toEqual(['after', 'before']);

    // The reporter's view: the whole public history and the reasons for the reporter; the timeline is public.
    const status = await snapStatus(db, saved.no, PHONE, t('2026-10-12T10:00:00'));
    expect(status?.events.map((e) => e.kind)).toEqual(kinds);
    const page = await ledgerItem(db, saved.no, t('2026-10-12T10:00:00'));
    expect(page?.timeline.map((e) => e.kind)).toEqual(kinds);
    expect(page?.reporterName).toBeNull();
  });

  it('makes the reviewer’s assignment final after two returns', async () => {
    const saved = await report(t('2026-11-02T09:00:00'), { area: '梧桐社区' }, []);
    await act(reviewer, saved.no, 'accept', {}, t('2026-11-02T09:30:00'));
    for (const hour of [10, 12]) {
      await act(reviewer, saved.no, 'assign', { unitId: unitA }, t(`2026-11-02T${hour}:00:00`));
      expect(await act(handlerA, saved.no, 'return', { publicNote: '不属于本单位职责' }, t(`2026-11-02T${hour}:30:00`))).toMatchObject({ ok: true });
    }
    await act(reviewer, saved.no, 'assign', { unitId: unitA }, t('2026-11-02T14:00:00'));
    const third = await act(handlerA, saved.no, 'return', { publicNote: '不属于本单位职责' }, t('2026-11-02T14:30:00'));
    expect(third).toMatchObject({ ok: false });
    expect(third.ok ? '' : third.message).toContain('最终交办');
  });

  it('computes 超期 from the deadline and the calendar, never from a stored flag', async () => {
    const db = handle.db;
    const saved = await report(t('2026-12-01T09:00:00'), { area: '梧桐社区', description: '人行横道的斑马线磨损严重，晚上几乎看不清。' }, []);
    await act(reviewer, saved.no, 'accept', {}, t('2026-12-01T09:30:00'));
    // Tue 1 Dec + 3 working days: Friday 4 December, end of day.
    await act(reviewer, saved.no, 'assign', { unitId: unitB }, t('2026-12-01T10:00:00'));
    const before = await listLedger(db, { overdue: true }, t('2026-12-04T23:00:00'));
    expect(before.rows.map((r) => r.no)).not.toContain(saved.no);
    const after = await listLedger(db, { overdue: true }, t('2026-12-05T00:00:01'));
    expect(after.rows.map((r) => r.no)).toContain(saved.no);
    expect(after.rows.find((r) => r.no === saved.no)?.overdue).toBe('overdue');
    // Due soon on Wednesday (within 2 working days), overdue on Saturday; unit B's dashboard counts it, unit A's not.
    expect((await ledgerQueueCounts(db, { unitId: unitB, now: t('2026-12-02T10:00:00') })).dueSoon).toBe(1);
    const saturday = t('2026-12-05T10:00:00');
    const [all, ofA, ofB] = await Promise.all([ledgerQueueCounts(db, { now: saturday }), ledgerQueueCounts(db, { unitId: unitA, now: saturday }), ledgerQueueCounts(db, { unitId: unitB, now: saturday })]);
    expect(ofB.overdue).toBe(1);
    expect(all.overdue).toBe(ofA.overdue + ofB.overdue);
    // A submission after the deadline keeps it overdue until it is closed, then it is "closed late".
    await act(handlerB, saved.no, 'start', {}, t('2026-12-07T09:00:00'));
    const late = '已重新施划斑马线并增设夜间反光标识，行人过街更加醒目安全。';
    await act(handlerB, saved.no, 'submit', { publicNote: late, afterPhotos: [photo()] }, t('2026-12-07T10:00:00'));
    expect((await ledgerItem(db, saved.no, t('2026-12-07T11:00:00')))?.overdue).toBe('overdue');
    await act(reviewer, saved.no, 'close', {}, t('2026-12-07T15:00:00'));
    expect((await ledgerItem(db, saved.no, t('2026-12-08T11:00:00')))?.overdue).toBe('closed_late');
    // The same note again from the same unit is flagged (copy-paste answers).
    const again = await report(t('2026-12-08T09:00:00'), { area: '梧桐社区' }, []);
    await act(reviewer, again.no, 'accept', {}, t('2026-12-08T09:10:00'));
    await act(reviewer, again.no, 'assign', { unitId: unitB }, t('2026-12-08T09:20:00'));
    expect(await act(handlerB, again.no, 'submit', { publicNote: late, afterPhotos: [photo()] }, t('2026-12-08T10:00:00'))).toMatchObject({ ok: true, repeatedNote: true });
  });

  it('offers open items of the same category and area for 我也遇到, one support per visitor', async () => {
    const db = handle.db;
    const saved = await report(t('2026-11-10T09:00:00'), { area: '桂花社区', description: '学校门口接送时段车辆乱停，堵住了公交站台。' }, []);
    expect((await openSimilarIssues(db, traffic, '桂花社区')).map((r) => r.no)).not.toContain(saved.no);
    await act(reviewer, saved.no, 'accept', {}, t('2026-11-10T10:00:00'));
    expect((await openSimilarIssues(db, traffic, '桂花社区')).map((r) => r.no)).toContain(saved.no);
    expect((await openSimilarIssues(db, traffic, '梧桐社区')).map((r) => r.no)).not.toContain(saved.no);
    expect(await addSupport(db, saved.no, 'visitor-1')).toEqual({ outcome: 'added', supports: 1 });
    expect(await addSupport(db, saved.no, 'visitor-1')).toEqual({ outcome: 'already', supports: 1 });
    expect(await addSupport(db, saved.no, 'visitor-2')).toEqual({ outcome: 'added', supports: 2 });
    const pending = await report(t('2026-11-10T11:00:00'), {}, []);
    expect(await addSupport(db, pending.no, 'visitor-1')).toEqual({ outcome: 'unavailable' });
  });

  it('flags the same photo sent twice for staff', async () => {
    const first = await report(t('2026-11-11T09:00:00'), {}, [photo('ffff0000ffff0000')]);
    // Two bits differ: the same photo re-encoded.
    const second = await report(t('2026-11-11T10:00:00'), {}, [photo('ffff0000ffff0003')]);
    const third = await report(t('2026-11-11T11:00:00'), {}, [photo('0000ffff0000ffff')]);
    const rows = async (id: number) => handle.db.select({ id: issuePhotos.id, dup: issuePhotos.duplicateOfPhotoId }).from(issuePhotos).where(eq(issuePhotos.issueId, id));
    const [firstPhoto] = await rows(first.id);
    expect((await rows(second.id))[0]!.dup).toBe(firstPhoto!.id);
    expect((await rows(third.id))[0]!.dup).toBeNull();
    const staffView = await itemForActor(handle.db, second.no, reviewer);
    expect(staffView?.photos[0]?.duplicateOfNo).toBe(first.no);
  });

  it('assigns in bulk, skipping items that are not 已受理', async () => {
    const a = await report(t('2026-11-12T09:00:00'), {}, []);
    const b = await report(t('2026-11-12T09:05:00'), {}, []);
    await act(reviewer, a.no, 'accept', {}, t('2026-11-12T10:00:00'));
    const result = await bulkAssign(handle.db, reviewer, [a.no, b.no], { unitId: unitB }, audit, t('2026-11-12T11:00:00'));
    expect(result.assigned).toEqual([a.no]);
    expect(result.skipped.map((s) => s.no)).toEqual([b.no]);
    // A unit handler may not assign at all.
    const refused = await bulkAssign(handle.db, handlerA, [b.no], { unitId: unitB }, audit, t('2026-11-12T11:00:00'));
    expect(refused.assigned).toEqual([]);
  });
});
