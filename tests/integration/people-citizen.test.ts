// 好人榜, citizen side, on both engines: likes (one per voter per day, counted without a race, only for
// visible people), comments (shown only once approved), reports (3 browsers hide a comment),
// recommendations with their receipt look-up, and the public list filters.
import { createHash } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { addComment, addPersonViews, findRecommendationStatus, insertRecommendation, likePerson, reportComment, saveRecommendation } from '@/db/queries/people-citizen';
import { listPrivateFiles } from '@/db/queries/private-files';
import { findVisiblePerson, listApprovedComments, listCandidates, listFilteredPeople, listPublicBatchesWithCounts, listPublicModels, listPublicYears } from '@/db/queries/people';
import { goodPeople, goodPeopleBatches, goodPersonComments, goodPersonRecommendations } from '@/db/schema';
import { seedDemo } from '@/db/seed/demo';
import { addDays, cityDay } from '@/lib/dates';
import { engine, freshDatabase } from './helpers';

// Voter and reporter keys as the actions store them: a hash of the browser cookie.
const browserKey = (cookie: string) => createHash('sha256').update(cookie).digest('hex');
/** A report from a browser on an address of its own (or an unknown address). */
const reporter = (browser: string, address: string | null = `addr-${browser}`) => ({ reporterKey: browserKey(browser), addressKey: address && browserKey(address) });

const today = cityDay();
let handle: DbHandle;
let publicId: number;
let draftId: number;
let draftBatchId: number;

beforeAll(async () => {
  handle = await freshDatabase();
  await seedDemo(handle.db, { today });
  const [pub] = await handle.db.select({ id: goodPeople.id }).from(goodPeople).where(eq(goodPeople.level, '身边好人')).orderBy(goodPeople.id).limit(1);
  const [draft] = await handle.db.select({ id: goodPeople.id, batchId: goodPeople.batchId }).from(goodPeople).where(eq(goodPeople.status, 'draft')).limit(1);
  publicId = pub!.id;
  draftId = draft!.id;
  draftBatchId = draft!.batchId!;
});

afterAll(async () => {
  await handle.close();
});

const likeCountOf = async (id: number) => (await handle.db.select({ n: goodPeople.likeCount }).from(goodPeople).where(eq(goodPeople.id, id)))[0]!.n;

describe(`likes on ${engine}`, () => {
  it('counts one like per voter per day; a second like is refused and changes nothing', async () => {
    const before = await likeCountOf(publicId);
    const first = await likePerson(handle.db, publicId, browserKey('voter-a'), today);
    expect(first).toEqual({ outcome: 'liked', likeCount: before + 1 });
    const second = await likePerson(handle.db, publicId, browserKey('voter-a'), today);
    expect(second).toEqual({ outcome: 'already', likeCount: before + 1 });
    expect(await likeCountOf(publicId)).toBe(before + 1);
    // The next day the same browser may like again.
    expect(await likePerson(handle.db, publicId, browserKey('voter-a'), addDays(today, 1))).toMatchObject({ outcome: 'liked', likeCount: before + 2 });
  });

  it('opens public profiles with their batch, as no candidate', async () => {
    const person = await findVisiblePerson(handle.db, publicId, today);
    expect(person).toMatchObject({ id: publicId, candidate: false });
    expect(person!.batchMonth).toMatch(/^\d{4}-\d{2}$/);
  });

  it('counts 20 voters liking at the same moment exactly 20 times', async () => {
    const before = await likeCountOf(publicId);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => likePerson(handle.db, publicId, browserKey(`crowd-${i}`), today)));
    expect(results.every((r) => r.outcome === 'liked')).toBe(true);
    expect(await likeCountOf(publicId)).toBe(before + 20);
  });

  it('refuses likes for a draft person outside a voting window, and takes them inside one', async () => {
    await handle.db.update(goodPeopleBatches).set({ votingStart: null, votingEnd: null }).where(eq(goodPeopleBatches.id, draftBatchId));
    expect(await likePerson(handle.db, draftId, browserKey('voter-b'), today)).toEqual({ outcome: 'unavailable' });
    expect(await likeCountOf(draftId)).toBe(0);
    expect(await findVisiblePerson(handle.db, draftId, today)).toBeNull();

    await handle.db.update(goodPeopleBatches).set({ votingStart: addDays(today, -1), votingEnd: addDays(today, 2) }).where(eq(goodPeopleBatches.id, draftBatchId));
    expect(await likePerson(handle.db, draftId, browserKey('voter-b'), today)).toEqual({ outcome: 'liked', likeCount: 1 });
    const candidate = await findVisiblePerson(handle.db, draftId, today);
    expect(candidate).toMatchObject({ id: draftId, candidate: true, batchMonth: null });
    expect((await listCandidates(handle.db, today)).map((p) => p.id)).toContain(draftId);
    // After the window closes the candidate disappears again.
    expect(await findVisiblePerson(handle.db, draftId, addDays(today, 3))).toBeNull();
    expect(await likePerson(handle.db, draftId, browserKey('voter-c'), addDays(today, 3))).toEqual({ outcome: 'unavailable' });
    // A rejected person of the same batch is never a candidate.
    await handle.db.update(goodPeople).set({ status: 'rejected' }).where(eq(goodPeople.id, draftId));
    expect(await likePerson(handle.db, draftId, browserKey('voter-d'), today)).toEqual({ outcome: 'unavailable' });
    await handle.db.update(goodPeople).set({ status: 'draft' }).where(eq(goodPeople.id, draftId));
    await handle.db.update(goodPeopleBatches).set({ votingStart: null, votingEnd: null }).where(eq(goodPeopleBatches.id, draftBatchId));
  });

  it('counts page views only for visible people', async () => {
    const views = async (id: number) => (await handle.db.select({ n: goodPeople.viewCount }).from(goodPeople).where(eq(goodPeople.id, id)))[0]!.n;
    const before = await views(publicId);
    expect(await addPersonViews(handle.db, publicId, 2, today)).toBe(true);
    expect(await views(publicId)).toBe(before + 2);
    expect(await addPersonViews(handle.db, draftId, 1, today)).toBe(false);
    expect(await views(draftId)).toBe(0);
  });
});

describe(`comments and reports on ${engine}`, () => {
  const approve = (id: number) => handle.db.update(goodPersonComments).set({ status: 'approved' }).where(eq(goodPersonComments.id, id));
  const statusOf = async (id: number) => (await handle.db.select({ s: goodPersonComments.status, n: goodPersonComments.reportCount }).from(goodPersonComments).where(eq(goodPersonComments.id, id)))[0]!;

  it('keeps a comment pending, out of the public list, until it is approved', async () => {
    const id = await addComment(handle.db, { personId: publicId, nickname: '网友', body: '向好人学习，为好人点赞！', flaggedWords: [] }, today);
    expect(id).toBeTypeOf('number');
    expect((await statusOf(id!)).s).toBe('pending');
    expect((await listApprovedComments(handle.db, publicId, 1, 20)).rows.map((c) => c.id)).not.toContain(id);
    await approve(id!);
    const listed = await listApprovedComments(handle.db, publicId, 1, 20);
    expect(listed.rows[0]).toMatchObject({ id, nickname: '网友', body: '向好人学习，为好人点赞！' });
  });

  it('stores the sensitive words found, and refuses comments on people citizens cannot see', async () => {
    const id = await addComment(handle.db, { personId: publicId, nickname: '路人', body: '加微信领红包', flaggedWords: ['加微信'] }, today);
    const [row] = await handle.db.select({ f: goodPersonComments.flaggedWords }).from(goodPersonComments).where(eq(goodPersonComments.id, id!));
    expect(row!.f).toEqual(['加微信']);
    expect(await addComment(handle.db, { personId: draftId, nickname: '网友', body: '不应保存的评论内容', flaggedWords: [] }, today)).toBeNull();
  });

  it('hides an approved comment after reports from 3 browsers, not after 2; the same browser counts once', async () => {
    const id = (await addComment(handle.db, { personId: publicId, nickname: '网友', body: '一条会被举报的评论内容', flaggedWords: [] }, today))!;
    // Not yet approved: reports are not taken.
    expect(await reportComment(handle.db, id, reporter('r1'))).toBe('unavailable');
    await approve(id);
    expect(await reportComment(handle.db, id, reporter('r1'))).toBe('counted');
    expect(await reportComment(handle.db, id, reporter('r1', 'another-address'))).toBe('already');
    expect(await reportComment(handle.db, id, reporter('r2'))).toBe('counted');
    expect(await statusOf(id)).toEqual({ s: 'approved', n: 2 });
    expect(await reportComment(handle.db, id, reporter('r3'))).toBe('counted');
    expect(await statusOf(id)).toEqual({ s: 'hidden', n: 3 });
    expect((await listApprovedComments(handle.db, publicId, 1, 50)).rows.map((c) => c.id)).not.toContain(id);
  });

  it('counts reports from one address once, whatever browser ids they carry; unknown addresses by browser only', async () => {
    const id = (await addComment(handle.db, { personId: publicId, nickname: '网友', body: '一条被同一地址反复举报的评论', flaggedWords: [] }, today))!;
    await approve(id);
    expect(await reportComment(handle.db, id, reporter('s1', 'office'))).toBe('counted');
    expect(await reportComment(handle.db, id, reporter('s2', 'office'))).toBe('already');
    expect(await reportComment(handle.db, id, reporter('s3', 'office'))).toBe('already');
    expect(await statusOf(id)).toEqual({ s: 'approved', n: 1 });
    expect(await reportComment(handle.db, id, reporter('s4', null))).toBe('counted');
    expect(await reportComment(handle.db, id, reporter('s4', null))).toBe('already');
    expect(await statusOf(id)).toEqual({ s: 'approved', n: 2 });
  });

  it('counts reports arriving together without losing one', async () => {
    const id = (await addComment(handle.db, { personId: publicId, nickname: '网友', body: '另一条会被同时举报的评论', flaggedWords: [] }, today))!;
    await approve(id);
    const results = await Promise.all(['x1', 'x2', 'x3', 'x4'].map((k) => reportComment(handle.db, id, reporter(k))));
    // Three reports hide it; the fourth finds it hidden already, and a hidden comment takes no reports.
    expect(results.filter((r) => r === 'counted')).toHaveLength(3);
    expect(results.filter((r) => r === 'unavailable')).toHaveLength(1);
    expect(await statusOf(id)).toEqual({ s: 'hidden', n: 3 });
  });
});

describe(`recommendations on ${engine}`, () => {
  const input = {
    nomineeName: '陈志远',
    region: '江城市东湖区',
    category: '助人为乐' as const,
    deed: '二十年如一日照顾社区孤寡老人，风雨无阻为他们送饭、打扫卫生、陪同就医。',
    story: '',
    recommenderName: '王丽',
    recommenderPhone: '13912345678',
    flaggedWords: [],
    photoIds: [],
  };

  it('gives a receipt number and finds the status only with the matching phone', async () => {
    const saved = await insertRecommendation(handle.db, input, today);
    expect(saved.receiptNo).toMatch(new RegExp(`^TJ${today.replaceAll('-', '')}-[2-9A-Z]{6}$`));
    const found = await findRecommendationStatus(handle.db, saved.receiptNo, '13912345678');
    expect(found).toMatchObject({ receiptNo: saved.receiptNo, nomineeName: '陈志远', status: 'pending', publicPersonId: null, rejectReason: null });
    expect(await findRecommendationStatus(handle.db, saved.receiptNo, '13912345679')).toBeNull();
    expect(await findRecommendationStatus(handle.db, 'TJ20200101-AAAAAA', '13912345678')).toBeNull();
    // Spaces, dashes and +86 typed at the look-up do not matter; a landline stored by an older version without its dash is found too.
    expect(await findRecommendationStatus(handle.db, saved.receiptNo, '+86 139-1234-5678')).toMatchObject({ receiptNo: saved.receiptNo });
    const landline = await insertRecommendation(handle.db, { ...input, recommenderPhone: '02788886666' }, today);
    for (const typed of ['027-88886666', '027 8888 6666', '02788886666']) {
      expect(await findRecommendationStatus(handle.db, landline.receiptNo, typed), typed).toMatchObject({ receiptNo: landline.receiptNo });
    }
  });

  it('saves the photos with the recommendation and links them to it', async () => {
    const photo = { storageKey: 'a'.repeat(32), format: 'webp' as const, bytes: 1234, originalName: 'photo.jpg' };
    const saved = await saveRecommendation(handle.db, input, [photo, { ...photo, storageKey: 'b'.repeat(32) }], today);
    const [row] = await handle.db.select({ ids: goodPersonRecommendations.photoIds }).from(goodPersonRecommendations).where(eq(goodPersonRecommendations.id, saved.id));
    expect(row!.ids).toHaveLength(2);
    const files = await listPrivateFiles(handle.db, row!.ids);
    expect(files.map((f) => [f.purpose, f.ownerId])).toEqual([
      ['recommendation', saved.id],
      ['recommendation', saved.id],
    ]);
  });

  it('links the profile of an accepted recommendation only once the person is public, and shows a rejection reason', async () => {
    const a = await insertRecommendation(handle.db, input, today);
    await handle.db.update(goodPersonRecommendations).set({ status: 'accepted', personId: draftId }).where(eq(goodPersonRecommendations.receiptNo, a.receiptNo));
    expect(await findRecommendationStatus(handle.db, a.receiptNo, input.recommenderPhone)).toMatchObject({ status: 'accepted', publicPersonId: null });
    await handle.db.update(goodPersonRecommendations).set({ personId: publicId }).where(eq(goodPersonRecommendations.receiptNo, a.receiptNo));
    expect(await findRecommendationStatus(handle.db, a.receiptNo, input.recommenderPhone)).toMatchObject({ status: 'accepted', publicPersonId: publicId });

    const r = await insertRecommendation(handle.db, input, today);
    await handle.db.update(goodPersonRecommendations).set({ status: 'rejected', rejectReason: '事迹无法核实' }).where(eq(goodPersonRecommendations.receiptNo, r.receiptNo));
    expect(await findRecommendationStatus(handle.db, r.receiptNo, input.recommenderPhone)).toMatchObject({ status: 'rejected', rejectReason: '事迹无法核实' });
  });
});

describe(`public list filters on ${engine}`, () => {
  it('filters by category, level and year, and pages the results', async () => {
    const byCategory = await listFilteredPeople(handle.db, { category: '见义勇为' }, 1, 100);
    expect(byCategory.total).toBeGreaterThan(0);
    expect(byCategory.rows.every((p) => p.category === '见义勇为')).toBe(true);
    // Only public people: the draft month's people never appear.
    const ids = byCategory.rows.map((p) => p.id);
    const statuses = await handle.db.select({ s: goodPeople.status }).from(goodPeople).where(inArray(goodPeople.id, ids));
    expect(statuses.every((r) => r.s === 'published')).toBe(true);

    const models = await listFilteredPeople(handle.db, { level: '道德模范' }, 1, 100);
    expect(models.total).toBe(3);
    expect(models.rows.every((p) => p.level === '道德模范')).toBe(true);

    const page1 = await listFilteredPeople(handle.db, {}, 1, 5);
    const page2 = await listFilteredPeople(handle.db, {}, 2, 5);
    expect(page1.rows).toHaveLength(5);
    expect(page2.rows.map((p) => p.id)).not.toContain(page1.rows[0]!.id);

    const years = await listPublicYears(handle.db);
    expect(years.length).toBeGreaterThan(0);
    let sum = 0;
    for (const year of years) sum += (await listFilteredPeople(handle.db, { year }, 1, 1)).total;
    expect(sum).toBe(page1.total);
    expect((await listFilteredPeople(handle.db, { year: 1999 }, 1, 10)).total).toBe(0);
  });

  it('lists the archive with counts and the 道德模范 with their term', async () => {
    const archive = await listPublicBatchesWithCounts(handle.db);
    expect(archive).toHaveLength(3);
    expect(archive.every((b) => b.people === 15)).toBe(true);
    const models = await listPublicModels(handle.db);
    expect(models.map((m) => m.term)).toEqual([5, 5, 5]);
  });
});
