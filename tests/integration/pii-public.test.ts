// Personal numbers (ID, mobile, bank card) on both engines: numbers planted into old rows, as if typed
// before the forms screened for them, come out masked from every public query (lists, pages, lookups,
// search, feeds, the public-view export); staff forms refuse them and save them masked on request; a
// citizen's comment with a phone is refused; an approved comment can be taken down.
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DbHandle } from '@/db/client';
import { listAuditEntries } from '@/db/queries/audit';
import {
  findLatestPublicCreditBatch,
  findPublicCreditBatch,
  findPublicCreditEntry,
  listPublicCredit,
  listPublicCreditBatches,
  listPublicCreditOfBatch,
  listPublicEntriesOfBatch,
  lookupPublicCredit,
} from '@/db/queries/credit';
import { iteratePublicCreditExport } from '@/db/queries/credit-admin/export';
import { insertCreditBatch } from '@/db/queries/credit-admin/batches';
import {
  addArticleViews,
  findAdjacentArticles,
  findPublicArticle,
  listFeedItems,
  listHeadlineNews,
  listMostViewedNews,
  listPublicNews,
  listPublicNewsByTag,
  listRelatedArticles,
} from '@/db/queries/news';
import {
  findLatestPublicBatch,
  findPublicBatchByMonth,
  findPublicPerson,
  findVisiblePerson,
  listApprovedComments,
  listFilteredPeople,
  listPublicBatches,
  listPublicBatchesWithCounts,
  listPublicPeopleCards,
  listPublicPeopleOfBatch,
} from '@/db/queries/people';
import { moderateComment } from '@/db/queries/people-admin/comments';
import { searchSite } from '@/db/queries/search';
import { insertUser } from '@/db/queries/users';
import { seedDemo } from '@/db/seed/demo';
import { creditBatches, creditCategories, creditEntries, goodPeople, goodPeopleBatches, goodPersonComments, newsArticles } from '@/db/schema';
import type { AuthUser } from '@/server/auth';
import { cityDay } from '@/lib/dates';
import { describePii, findPii } from '@/lib/pii-detect';
import { actionContext } from './action-context';
import { engine, freshDatabase } from './helpers';

// Database and signed-in user through tests/integration/action-context.ts; citizens' actions read the
// request's address.
vi.mock('next/headers', () => ({ headers: async () => new Headers({ 'x-forwarded-for': '203.0.113.41' }), cookies: async () => ({ get: () => undefined, set: () => undefined }) }));

const PHONE = '13812345678';
const PHONE_SPACED = '139 8765 4321';
const ID = '420102197803151311';
const ID_OTHER = '11010519491231002X';
const CARD = '6222021234567890128';
/** A word that makes the planted rows easy to search for. */
const WORD = '打码核验';

let handle: DbHandle;
let today: string;
let admin: AuthUser;
const planted = { entryId: 0, entryName: '', batchId: 0, articleId: 0, articleSlug: '', channelId: 0, tags: [] as string[], personId: 0, peopleBatchId: 0, peopleMonth: '', commentId: 0 };

const asAuth = (u: Awaited<ReturnType<typeof insertUser>>): AuthUser => ({ ...u, disabled: false, sessionVersion: 1 });

function form(values: Record<string, string | number>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, String(value));
  return data;
}

/** The redirect an action ended with (its digest), or the state it answered. */
async function outcome(promise: Promise<unknown>): Promise<{ redirect: string } | { state: Record<string, unknown> }> {
  try {
    return { state: (await promise) as Record<string, unknown> };
  } catch (error) {
    const digest = String((error as { digest?: string }).digest ?? '');
    if (!digest.includes('NEXT_REDIRECT')) throw error;
    return { redirect: digest };
  }
}

/** Personal numbers anywhere in a value, described so that a failure says where. */
function leaks(value: unknown): string[] {
  const text = JSON.stringify(value);
  return describePii(text, findPii(text));
}

beforeAll(async () => {
  handle = await freshDatabase();
  actionContext.db = handle.db;
  today = cityDay();
  await seedDemo(handle.db, { today });
  admin = asAuth(await insertUser(handle.db, { username: 'pii-admin', displayName: '打码管理员', role: 'admin', passwordHash: 'x' }));

  // A public credit entry about a company, and its batch.
  const [entry] = await listPublicCredit(handle.db, { list: 'black', pageSize: 50 }).then((page) => page.rows.filter((r) => r.subjectKind === '法人企业'));
  planted.entryId = entry!.id;
  planted.entryName = `江城市${WORD}建材有限公司`;
  await handle.db
    .update(creditEntries)
    .set({
      name: planted.entryName,
      legalRep: `张某（身份证${ID}）`,
      reason: `拖欠工资，欠薪涉及工人李某（身份证号${ID_OTHER}，电话${PHONE}），工资卡${CARD}。`,
      authority: `江城市人社局（经办人${PHONE_SPACED}）`,
      basisDoc: `江人社监〔2026〕12号 ${PHONE}`,
    })
    .where(eq(creditEntries.id, planted.entryId));
  const [batch] = await handle.db.select({ id: creditEntries.batchId }).from(creditEntries).where(eq(creditEntries.id, planted.entryId));
  planted.batchId = batch!.id!;
  const [oldBatch] = await handle.db.select({ title: creditBatches.title }).from(creditBatches).where(eq(creditBatches.id, planted.batchId));
  await handle.db.update(creditBatches).set({ title: `${oldBatch!.title}（联系${PHONE}）` }).where(eq(creditBatches.id, planted.batchId));

  // A public article: numbers in every text field, the body's split across inline tags and in an alt text.
  const { items } = await listPublicNews(handle.db, { page: 1, pageSize: 50 });
  const article = items[0]!;
  const full = await findPublicArticle(handle.db, String(article.id));
  planted.articleId = article.id;
  planted.articleSlug = full!.slug ?? String(article.id);
  planted.channelId = full!.channelId;
  planted.tags = [...full!.tags, PHONE];
  await handle.db
    .update(newsArticles)
    .set({
      title: `${WORD}：寻找好心人${PHONE}`,
      subtitle: `身份证${ID}`,
      summary: `${WORD}，联系${PHONE_SPACED}，捐款账号${CARD}`,
      body: `<p>${WORD}，联系电话<strong>138</strong>1234<em>5678</em>。</p><p><img src="/media/0123456789abcdef0123456789abcdef/640.webp" alt="户主${ID}"></p><p>账户 6222 0212 3456 7890 128</p>`,
      source: `通讯员${PHONE}`,
      author: `记者${PHONE}`,
      editorName: `编辑${PHONE}`,
      coverAlt: `联系${PHONE}`,
      tags: planted.tags,
    })
    .where(eq(newsArticles.id, planted.articleId));
  await addArticleViews(handle.db, [[planted.articleId, 99_999]], today);

  // A public 好人 in a published batch, and an approved comment on the profile.
  const { rows: people } = await listFilteredPeople(handle.db, {}, 1, 50);
  const [person] = await handle.db.select({ id: goodPeople.id, batchId: goodPeople.batchId }).from(goodPeople).where(inArray(goodPeople.id, people.map((p) => p.id)));
  planted.personId = person!.id;
  await handle.db
    .update(goodPeople)
    .set({ name: `${WORD}`, region: `幸福社区${PHONE}`, unit: `某单位${PHONE_SPACED}`, deed: `${WORD}，多年来照顾邻居，邻居电话${PHONE}，为人称道。`, story: `身份证${ID}，银行卡${CARD}。`, honors: `荣誉${PHONE}`, photoAlt: `照片${PHONE}` })
    .where(eq(goodPeople.id, planted.personId));
  if (person!.batchId) {
    planted.peopleBatchId = person!.batchId;
    const [b] = await handle.db.select({ month: goodPeopleBatches.month, title: goodPeopleBatches.title }).from(goodPeopleBatches).where(eq(goodPeopleBatches.id, person!.batchId));
    planted.peopleMonth = b!.month;
    await handle.db.update(goodPeopleBatches).set({ title: `${b!.title}${PHONE}` }).where(eq(goodPeopleBatches.id, person!.batchId));
  }
  const [comment] = await handle.db
    .insert(goodPersonComments)
    .values({ personId: planted.personId, nickname: `网友${PHONE}`, body: `向你学习！我的电话${PHONE_SPACED}，身份证${ID}`, status: 'approved', flaggedWords: [] })
    .returning({ id: goodPersonComments.id });
  planted.commentId = comment!.id;
});

afterAll(async () => {
  actionContext.db = null;
  actionContext.user = undefined;
  await handle?.close();
});

describe(`numbers planted in old rows are masked in every public read on ${engine}`, () => {
  it('credit lists, the entry page, lookups, batches and the public-view export', async () => {
    const db = handle.db;
    const detail = await findPublicCreditEntry(db, planted.entryId);
    expect(detail?.reason).toBe(`拖欠工资，欠薪涉及工人李某（身份证号110105********002X，电话138****5678），工资卡${'*'.repeat(15)}0128。`);
    expect(detail?.authority).toBe('江城市人社局（经办人139 **** 4321）');
    expect(detail?.basisDoc).toBe('江人社监〔2026〕12号 138****5678');
    const lists = await Promise.all([
      listPublicCredit(db, { list: 'black', pageSize: 100 }),
      lookupPublicCredit(db, { fragment: WORD }),
      listPublicCreditOfBatch(db, planted.batchId, { pageSize: 100 }),
      listPublicEntriesOfBatch(db, planted.batchId, 'black', 100),
      listPublicCreditBatches(db),
      findPublicCreditBatch(db, planted.batchId),
      findLatestPublicCreditBatch(db),
    ]);
    const exported = [];
    for await (const rows of iteratePublicCreditExport(db, { q: WORD })) exported.push(...rows);
    expect(exported.map((r) => r.id)).toEqual([planted.entryId]);
    expect(exported[0]?.legalRep).toBe('张某（身份证420102********1311）');
    expect((lists[1] as { rows: { id: number }[] }).rows.map((r) => r.id)).toEqual([planted.entryId]);
    expect(JSON.stringify(lists[5])).toContain('138****5678');
    expect(leaks([detail, lists, exported])).toEqual([]);
  });

  it('news lists, the article (HTML masked in its text, markup kept), neighbours, related, most viewed, tags and feeds', async () => {
    const db = handle.db;
    const article = await findPublicArticle(db, planted.articleSlug);
    expect(article?.body).toBe(`<p>${WORD}，联系电话<strong>138</strong>****<em>5678</em>。</p><p><img src="/media/0123456789abcdef0123456789abcdef/640.webp" alt="户主420102********1311"></p><p>账户 **** **** **** ***0 128</p>`);
    expect(article?.title).toBe(`${WORD}：寻找好心人138****5678`);
    expect(article?.tags).toContain('138****5678');
    const { items: channelItems } = await listPublicNews(db, { page: 1, pageSize: 100, channelId: planted.channelId });
    const neighbours = await Promise.all(channelItems.map((a) => findAdjacentArticles(db, { id: a.id, channelId: planted.channelId })));
    expect(neighbours.some((n) => n.prev?.id === planted.articleId || n.next?.id === planted.articleId)).toBe(true);
    const related = await Promise.all(channelItems.map(async (a) => listRelatedArticles(db, { id: a.id, channelId: planted.channelId, tags: (await findPublicArticle(db, String(a.id)))!.tags })));
    expect(related.flat().some((r) => r.id === planted.articleId)).toBe(true);
    const reads = await Promise.all([
      listHeadlineNews(db, 50),
      listPublicNews(db, { page: 1, pageSize: 100 }),
      listPublicNewsByTag(db, PHONE, { page: 1, pageSize: 20 }),
      listMostViewedNews(db, { today }),
      listFeedItems(db, {}),
      listFeedItems(db, { channelId: planted.channelId }),
    ]);
    expect(reads[3][0]?.id).toBe(planted.articleId);
    expect(reads[4].some((f) => f.id === planted.articleId)).toBe(true);
    expect(leaks([article, neighbours, related, reads])).toEqual([]);
  });

  it('好人 cards, the profile, batches and approved comments', async () => {
    const db = handle.db;
    const profile = await findPublicPerson(db, planted.personId);
    expect(profile?.deed).toBe(`${WORD}，多年来照顾邻居，邻居电话138****5678，为人称道。`);
    const visible = await findVisiblePerson(db, planted.personId);
    const reads = await Promise.all([
      listFilteredPeople(db, {}, 1, 100),
      listPublicPeopleCards(db, {}),
      listPublicBatches(db),
      listPublicBatchesWithCounts(db),
      findLatestPublicBatch(db),
      planted.peopleBatchId ? listPublicPeopleOfBatch(db, planted.peopleBatchId) : [],
      planted.peopleMonth ? findPublicBatchByMonth(db, planted.peopleMonth) : null,
      listApprovedComments(db, planted.personId, 1, 20),
    ]);
    expect(reads[7].rows.find((c) => c.id === planted.commentId)).toMatchObject({ nickname: '网友138****5678', body: '向你学习！我的电话139 **** 4321，身份证420102********1311' });
    expect(leaks([profile, visible, reads])).toEqual([]);
  });

  it('search results, before their snippets are cut', async () => {
    const found = await searchSite(handle.db, WORD);
    expect(found.news.map((h) => h.id)).toContain(planted.articleId);
    expect(found.people.map((h) => h.id)).toContain(planted.personId);
    expect(found.credit.map((h) => h.id)).toContain(planted.entryId);
    expect(found.credit.find((h) => h.id === planted.entryId)?.text).toContain('138****5678');
    expect(leaks(found)).toEqual([]);
  });

  it('the detector sees the planted numbers in the stored rows (the masking above is not an empty test)', async () => {
    const [entry] = await handle.db.select({ reason: creditEntries.reason }).from(creditEntries).where(eq(creditEntries.id, planted.entryId));
    const [article] = await handle.db.select({ body: newsArticles.body }).from(newsArticles).where(eq(newsArticles.id, planted.articleId));
    expect(findPii(entry!.reason).map((h) => h.kind)).toEqual(['idNumber', 'phone', 'bankCard']);
    expect(article!.body).toContain('<strong>138</strong>1234<em>5678</em>');
  });
});

describe(`forms screen personal numbers on ${engine}`, () => {
  it('a staff credit entry with an ID number in 列入事由 gets a field error, then is saved masked on request', async () => {
    const { createCreditEntryAction } = await import('@/app/(admin)/admin/credit/entries/actions');
    actionContext.user = admin;
    const batchId = (await insertCreditBatch(handle.db, '打码测试第1期', admin.id))!;
    const [category] = await handle.db.select({ id: creditCategories.id }).from(creditCategories).where(eq(creditCategories.name, '失信被执行人'));
    const values = {
      batchId,
      categoryId: category!.id,
      subjectKind: '法人企业',
      name: '江城市打码测试建材有限公司',
      creditCode: '91420100MA4K00001U',
      legalRep: '王五',
      idNumber: '',
      reason: `拒不履行生效判决，涉及案外人身份证号${ID}，联系电话${PHONE}。`,
      amount: '5000',
      authority: '江城市中级人民法院',
      basisDoc: '（2026）江01执200号',
      decisionDate: today,
      listedDate: today,
      publicationEnd: '',
      publicationEndReason: '',
    };
    const refused = await outcome(createCreditEntryAction({}, form(values)));
    expect(refused).toMatchObject({ state: { fieldErrors: { reason: expect.stringMatching(/^请勿填写身份证号、手机号或银行卡号等个人信息（第\d+个字附近）$/) }, piiFields: ['reason'] } });
    expect((refused as { state: { values: Record<string, string> } }).state.values.reason).toBe(values.reason); // typed text kept
    const saved = await outcome(createCreditEntryAction({}, form({ ...values, maskPii: '1' })));
    expect(saved).toMatchObject({ redirect: expect.stringContaining('/admin/credit/entries/') });
    const [row] = await handle.db.select({ reason: creditEntries.reason }).from(creditEntries).where(eq(creditEntries.name, values.name));
    expect(row!.reason).toBe('拒不履行生效判决，涉及案外人身份证号420102********1311，联系电话138****5678。');
  });

  it('a staff form built on the shared field builders (好人) refuses, then saves masked through guardedAction', async () => {
    const { createGoodPerson } = await import('@/app/(admin)/admin/good-people/actions');
    actionContext.user = admin;
    const values = { name: '林晓燕', photo: '', gender: '', birthYear: '', region: '江南区', unit: '', category: '助人为乐', level: '市级好人', batchId: '', term: '', deed: `多年来坚持每周到社区照料独居老人，风雨无阻，联系电话${PHONE}。`, story: `银行卡${CARD}`, honors: '' };
    const refused = await outcome(createGoodPerson({}, form(values)));
    expect(refused).toMatchObject({ state: { piiFields: ['deed', 'story'] } });
    const saved = await outcome(createGoodPerson({}, form({ ...values, maskPii: '1' })));
    const id = Number(/\/admin\/good-people\/(\d+)\?created=1/.exec((saved as { redirect: string }).redirect)![1]);
    const [row] = await handle.db.select({ deed: goodPeople.deed, story: goodPeople.story }).from(goodPeople).where(eq(goodPeople.id, id));
    expect(row).toEqual({ deed: '多年来坚持每周到社区照料独居老人，风雨无阻，联系电话138****5678。', story: `银行卡${'*'.repeat(15)}0128` });
  });

  it('a citizen’s comment with a phone is refused with the Chinese message and nothing is stored', async () => {
    const { commentAction } = await import('@/app/(public)/good-people/actions');
    const before = await handle.db.select({ id: goodPersonComments.id }).from(goodPersonComments);
    const state = await commentAction({}, form({ personId: planted.personId, nickname: '', body: `写得真好，想认识一下，我的手机${PHONE_SPACED}` }));
    expect(state.fieldErrors?.body).toMatch(/^请勿填写身份证号、手机号或银行卡号等个人信息（第\d+个字附近）$/);
    expect(state.values?.body).toContain(PHONE_SPACED);
    expect(state.piiFields).toBeUndefined(); // citizens are not offered masking
    expect(await handle.db.select({ id: goodPersonComments.id }).from(goodPersonComments)).toHaveLength(before.length);
  });

  it('a pending comment with a number is approved only masked; an approved one can be taken down, audited', async () => {
    const { moderatePeopleComment } = await import('@/app/(admin)/admin/good-people/comments/actions');
    actionContext.user = admin;
    const [pending] = await handle.db
      .insert(goodPersonComments)
      .values({ personId: planted.personId, nickname: '路人', body: `好人一生平安，我电话${PHONE}`, status: 'pending', flaggedWords: [] })
      .returning({ id: goodPersonComments.id });
    const refused = await moderatePeopleComment({}, form({ id: pending!.id, decision: 'approve' }));
    expect(refused).toMatchObject({ piiFields: ['body'], fieldErrors: { body: expect.stringContaining('不能原样通过') } });
    expect(await moderatePeopleComment({}, form({ id: pending!.id, decision: 'approve', maskPii: '1' }))).toMatchObject({ ok: true });
    const [approved] = await handle.db.select().from(goodPersonComments).where(eq(goodPersonComments.id, pending!.id));
    expect(approved).toMatchObject({ status: 'approved', body: '好人一生平安，我电话138****5678' });

    expect(await moderatePeopleComment({}, form({ id: planted.commentId, decision: 'takeDown', reason: '' }))).toMatchObject({ fieldErrors: { reason: expect.stringContaining('撤下的理由') } });
    expect(await moderatePeopleComment({}, form({ id: planted.commentId, decision: 'takeDown', reason: '含有个人信息' }))).toMatchObject({ ok: true });
    const { rows } = await listApprovedComments(handle.db, planted.personId, 1, 50);
    expect(rows.map((c) => c.id)).not.toContain(planted.commentId);
    expect(rows.map((c) => c.id)).toContain(pending!.id);
    const [takenDown] = await handle.db.select({ status: goodPersonComments.status, rejectReason: goodPersonComments.rejectReason }).from(goodPersonComments).where(eq(goodPersonComments.id, planted.commentId));
    expect(takenDown).toEqual({ status: 'rejected', rejectReason: '含有个人信息' });
    // Taken down once: a second take-down (or an approval of it) finds nothing to do.
    expect(await moderateComment(handle.db, planted.commentId, 'takeDown', admin)).toBeNull();
    const audit = await listAuditEntries(handle.db, { entityType: 'good_person_comment' }, 1, 50);
    expect(JSON.stringify(audit)).toContain('comment.take_down');
  });
});
