// 三审三校 on both engines, through the actions: whoever wrote, last changed or submitted what is under review
// may not approve it (news articles, 好人 profiles, monthly 好人榜, 红黑榜 batches); another reviewer may; an
// admin may only with a written reason, which the review trail and the audit log keep.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DbHandle } from '@/db/client';
import { listAuditEntries } from '@/db/queries/audit';
import { createCreditEntry, updateCreditEntry } from '@/db/queries/credit-admin/entries';
import { createBatch, findBatch } from '@/db/queries/people-admin/batches';
import { createPerson, findPersonForEdit, type PersonFields } from '@/db/queries/people-admin/people';
import { findArticleForEdit } from '@/db/queries/news-admin';
import { insertUser, type AuthUser } from '@/db/queries/users';
import { listReviewEvents } from '@/db/queries/workflow';
import { creditBatches, creditCategories, newsChannels } from '@/db/schema';
import { validateCreditEntry, type ValidCreditEntry } from '@/lib/credit-entry';
import { addDays, cityDay } from '@/lib/dates';
import { eq } from 'drizzle-orm';
import { engine, freshDatabase } from './helpers';

const ctx = vi.hoisted(() => ({ db: null as unknown, user: null as unknown }));
vi.mock('@/server/auth', () => ({ currentUser: async () => ctx.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
vi.mock('@/db/client', async (original) => ({ ...(await original<typeof import('@/db/client')>()), getDb: async () => ctx.db }));

let handle: DbHandle;
let editor: AuthUser;
let reviewer: AuthUser;
let otherReviewer: AuthUser;
let admin: AuthUser;
let channelId: number;
const asAuth = (u: Awaited<ReturnType<typeof insertUser>>): AuthUser => ({ ...u, disabled: false, sessionVersion: 1 });
const today = cityDay();

function form(values: Record<string, string | number>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, String(value));
  return data;
}

/** The state an action answered with, or its redirect as { redirect }. */
async function run(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  return promise.then(
    (state) => state as Record<string, unknown>,
    (e: unknown) => {
      const digest = String((e as { digest?: string }).digest ?? '');
      if (!digest.includes('NEXT_REDIRECT')) throw e;
      return { redirect: digest };
    },
  );
}

const as = (user: AuthUser) => {
  ctx.user = user;
};

async function auditOf(entityType: string, entityId: number) {
  return (await listAuditEntries(handle.db, { entityType, entityId: String(entityId) }, 1, 50)).rows;
}

beforeAll(async () => {
  handle = await freshDatabase();
  ctx.db = handle.db;
  editor = asAuth(await insertUser(handle.db, { username: 'sod-editor', displayName: '甲编辑', role: 'editor', passwordHash: 'x' }));
  reviewer = asAuth(await insertUser(handle.db, { username: 'sod-reviewer', displayName: '乙审核', role: 'reviewer', passwordHash: 'x' }));
  otherReviewer = asAuth(await insertUser(handle.db, { username: 'sod-reviewer2', displayName: '丙审核', role: 'reviewer', passwordHash: 'x' }));
  admin = asAuth(await insertUser(handle.db, { username: 'sod-admin', displayName: '丁管理员', role: 'admin', passwordHash: 'x' }));
  [{ id: channelId }] = (await handle.db.insert(newsChannels).values({ slug: 'yaowen', name: '要闻', sortOrder: 1 }).returning({ id: newsChannels.id })) as [{ id: number }];
  await handle.db.insert(creditCategories).values({ list: 'black', name: '食品药品安全', periodMonths: 12, sortOrder: 1 });
});

afterAll(async () => {
  await handle?.close();
});

describe(`separation of duties for news articles on ${engine}`, () => {
  const article = (title: string) => ({
    title,
    subtitle: '',
    summary: '社区志愿者开展文明劝导。',
    body: '<p>社区志愿者在路口开展文明劝导。</p>',
    coverImage: '',
    source: '江城市文明办',
    author: '李明',
    editorName: '王芳',
    tags: '',
    channelId: String(channelId),
    slug: '',
  });

  async function writeAndSubmit(author: AuthUser, title: string): Promise<number> {
    const { createNewsArticle, saveNewsArticle } = await import('@/app/(admin)/admin/news/actions');
    as(author);
    const created = await run(createNewsArticle({}, form(article(title))));
    const id = Number(/\/admin\/news\/(\d+)/.exec(String(created.redirect))![1]);
    expect(await saveNewsArticle({}, form({ ...article(title), id, version: 1, intent: 'submit' }))).toMatchObject({ ok: true });
    return id;
  }

  it("refuses the author's approval and lets another reviewer publish", async () => {
    const { reviewNewsArticle } = await import('@/app/(admin)/admin/news/review-actions');
    const id = await writeAndSubmit(reviewer, '审核员自己撰写的文章不能自己通过');
    as(reviewer);
    const refused = await run(reviewNewsArticle({}, form({ id, version: 1, action: 'approve' })));
    expect(refused.message).toContain('您是此内容的作者');
    expect(refused.message).toContain('三审三校');
    // An override reason from a reviewer changes nothing.
    expect((await run(reviewNewsArticle({}, form({ id, version: 1, action: 'approve', overrideReason: '我想自己发' })))).message).toContain('您是此内容的作者');
    expect((await findArticleForEdit(handle.db, id))!.status).toBe('pending');

    as(otherReviewer);
    expect(await run(reviewNewsArticle({}, form({ id, version: 1, action: 'approve' })))).toMatchObject({ redirect: expect.stringContaining('done=approve') });
    expect((await findArticleForEdit(handle.db, id))!.status).toBe('published');
    expect((await auditOf('news_article', id)).map((r) => r.action)).toContain('news.approve');
  });

  it("refuses the approval of whoever saved the version under review, and of whoever submitted it", async () => {
    const { saveNewsArticle } = await import('@/app/(admin)/admin/news/actions');
    const { reviewNewsArticle } = await import('@/app/(admin)/admin/news/review-actions');
    const id = await writeAndSubmit(editor, '编辑撰写审核员修改的文章');
    // The reviewer corrects the pending article: the version under review is now theirs.
    as(reviewer);
    expect(await saveNewsArticle({}, form({ ...article('编辑撰写审核员修改过的文章'), id, version: 1 }))).toMatchObject({ ok: true, version: 2 });
    expect((await run(reviewNewsArticle({}, form({ id, version: 2, action: 'approve' })))).message).toContain('由您最后修改');

    // Rejected, fixed by the editor, resubmitted by the other reviewer: that reviewer may not approve it.
    expect(await run(reviewNewsArticle({}, form({ id, version: 2, action: 'reject', reason: '请核对标题' })))).toMatchObject({ redirect: expect.stringContaining('done=reject') });
    as(editor);
    expect(await saveNewsArticle({}, form({ ...article('编辑撰写并修改好的文章'), id, version: 2 }))).toMatchObject({ ok: true, version: 3 });
    as(otherReviewer);
    expect(await run(reviewNewsArticle({}, form({ id, version: 3, action: 'submit' })))).toMatchObject({ redirect: expect.stringContaining('done=submit') });
    expect((await run(reviewNewsArticle({}, form({ id, version: 3, action: 'approve' })))).message).toContain('由您提交');
    // The first reviewer took no part in version 3 and submitted nothing: they may.
    as(reviewer);
    expect(await run(reviewNewsArticle({}, form({ id, version: 3, action: 'approve' })))).toMatchObject({ redirect: expect.stringContaining('done=approve') });
  });

  it('lets an admin approve their own article only with a written reason, kept in the trail and the audit log', async () => {
    const { reviewNewsArticle } = await import('@/app/(admin)/admin/news/review-actions');
    const id = await writeAndSubmit(admin, '管理员撰写的紧急通知');
    as(admin);
    const missing = await run(reviewNewsArticle({}, form({ id, version: 1, action: 'approve' })));
    expect(missing.fieldErrors).toEqual({ overrideReason: expect.stringContaining('越权审核理由') });
    expect((await findArticleForEdit(handle.db, id))!.status).toBe('pending');

    const reason = '夜间防汛紧急通知，其他审核人员不在岗';
    expect(await run(reviewNewsArticle({}, form({ id, version: 1, action: 'approve', overrideReason: reason })))).toMatchObject({ redirect: expect.stringContaining('done=approve') });
    expect((await findArticleForEdit(handle.db, id))!.status).toBe('published');
    const override = (await auditOf('news_article', id)).find((r) => r.action === 'news.approve_override');
    expect(override).toMatchObject({ actorId: admin.id, note: `越权审核（您是此内容的作者）：${reason}`, after: { status: 'published' } });
    expect((await listReviewEvents(handle.db, 'news_article', id)).at(-1)).toMatchObject({ toStatus: 'published', reason: `越权审核（您是此内容的作者）：${reason}` });
  });
});

describe(`separation of duties for 好人 on ${engine}`, () => {
  const fields = (overrides: Partial<PersonFields> = {}): PersonFields => ({
    name: '王秀兰',
    photo: null,
    photoAlt: null,
    gender: '女',
    birthYear: 1958,
    region: '东湖区 幸福街道',
    unit: null,
    category: '孝老爱亲',
    level: '市级好人',
    batchId: null,
    term: null,
    deed: '二十年如一日照顾瘫痪在床的婆婆和邻居家的孤寡老人，从不言苦从不言累。',
    story: '她每天早上为老人送早餐。',
    honors: '',
    ...overrides,
  });

  it("refuses the approval of a profile's author and last editor; another reviewer publishes it", async () => {
    const { reviewGoodPerson } = await import('@/app/(admin)/admin/good-people/actions');
    const id = await createPerson(handle.db, fields({ level: '道德模范', term: 6 }), reviewer.id);
    as(editor);
    expect(await run(reviewGoodPerson({}, form({ id, version: 1, action: 'submit' })))).toMatchObject({ redirect: expect.stringContaining('done=submit') });
    as(reviewer);
    expect((await run(reviewGoodPerson({}, form({ id, version: 1, action: 'approve' })))).message).toContain('您是此内容的作者');
    as(otherReviewer);
    expect(await run(reviewGoodPerson({}, form({ id, version: 1, action: 'approve' })))).toMatchObject({ redirect: expect.stringContaining('done=approve') });
    expect((await findPersonForEdit(handle.db, id))!.status).toBe('published');
  });

  it('refuses the approval of a batch to whoever changed its people or submitted it; an admin overrides with a reason', async () => {
    const { addPersonToBatch, reviewPeopleBatch } = await import('@/app/(admin)/admin/good-people/batches/actions');
    const batch = (await createBatch(handle.db, { month: '2034-01', title: '2034年1月 身边好人榜' }, editor.id))!;
    await createPerson(handle.db, fields({ name: '甲', level: '身边好人', batchId: batch.id }), editor.id);
    const added = await createPerson(handle.db, fields({ name: '乙', level: '身边好人' }), editor.id);
    // The reviewer changes the batch's people.
    as(reviewer);
    expect(await run(addPersonToBatch({}, form({ batchId: batch.id, personId: added })))).toMatchObject({ ok: true });
    as(otherReviewer);
    expect(await run(reviewPeopleBatch({}, form({ id: batch.id, action: 'submit' })))).toMatchObject({ redirect: expect.stringContaining('done=submit') });
    expect((await run(reviewPeopleBatch({}, form({ id: batch.id, action: 'approve' })))).message).toContain('由您提交');
    as(reviewer);
    expect((await run(reviewPeopleBatch({}, form({ id: batch.id, action: 'approve' })))).message).toContain('由您最后修改');
    // An admin who took no part may approve without a reason; reject it first to show the override.
    as(admin);
    expect(await run(reviewPeopleBatch({}, form({ id: batch.id, action: 'reject', reason: '请补充事迹' })))).toMatchObject({ redirect: expect.stringContaining('done=reject') });
    expect(await run(reviewPeopleBatch({}, form({ id: batch.id, action: 'submit' })))).toMatchObject({ redirect: expect.stringContaining('done=submit') });
    expect((await run(reviewPeopleBatch({}, form({ id: batch.id, action: 'approve' })))).fieldErrors).toEqual({ overrideReason: expect.stringContaining('越权审核理由') });
    expect((await findBatch(handle.db, batch.id))!.status).toBe('pending');
    expect(await run(reviewPeopleBatch({}, form({ id: batch.id, action: 'approve', overrideReason: '月底前须发布，审核人员均参与了编排' })))).toMatchObject({ redirect: expect.stringContaining('done=approve') });
    expect((await findBatch(handle.db, batch.id))!.status).toBe('published');
    const override = (await auditOf('people_batch', batch.id)).find((r) => r.action === 'people_batch.approve_override');
    expect(override).toMatchObject({ actorId: admin.id, note: '越权审核（此次审核由您提交）：月底前须发布，审核人员均参与了编排' });
  });

  it("lets a reviewer who took no part approve a batch", async () => {
    const { reviewPeopleBatch } = await import('@/app/(admin)/admin/good-people/batches/actions');
    const batch = (await createBatch(handle.db, { month: '2034-02', title: '2034年2月 身边好人榜' }, editor.id))!;
    await createPerson(handle.db, fields({ name: '丙', level: '身边好人', batchId: batch.id }), editor.id);
    as(editor);
    expect(await run(reviewPeopleBatch({}, form({ id: batch.id, action: 'submit' })))).toMatchObject({ redirect: expect.stringContaining('done=submit') });
    as(reviewer);
    expect(await run(reviewPeopleBatch({}, form({ id: batch.id, action: 'approve' })))).toMatchObject({ redirect: expect.stringContaining('done=approve') });
  });
});

describe(`separation of duties for 红黑榜 batches on ${engine}`, () => {
  async function entry(n: number): Promise<ValidCreditEntry> {
    const [category] = await handle.db.select().from(creditCategories).where(eq(creditCategories.name, '食品药品安全'));
    const checked = validateCreditEntry(
      {
        list: 'black',
        categoryId: category!.id,
        subjectKind: '法人企业',
        name: `江城分权测试食品第${n}有限公司`,
        creditCode: ['91420100MA4K00001U', '91420100MA4K00002Y', '91420100MA4K000032'][n - 1]!,
        legalRep: '王五',
        idNumber: '',
        reason: '销售过期食品，经查证属实，依法作出行政处罚。',
        amount: '',
        authority: '江城市市场监督管理局',
        basisDoc: `江市监罚〔2026〕${n}号`,
        decisionDate: addDays(today, -20),
        listedDate: addDays(today, -1),
        publicationEnd: '',
        publicationEndReason: '',
      },
      [category!],
      today,
    );
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
    return checked.entry;
  }

  async function newBatch(title: string, by: AuthUser): Promise<number> {
    const { createCreditBatch } = await import('@/app/(admin)/admin/credit/batches/actions');
    as(by);
    const created = await run(createCreditBatch({}, form({ title })));
    return Number(/batches\/(\d+)/.exec(String(created.redirect))![1]);
  }
  const versionOf = async (id: number) => (await handle.db.select({ version: creditBatches.version }).from(creditBatches).where(eq(creditBatches.id, id)))[0]!.version;

  it("refuses the approval of the batch's creator and of an entry's last editor; another reviewer publishes", async () => {
    const { reviewCreditBatch } = await import('@/app/(admin)/admin/credit/batches/actions');
    const batchId = await newBatch('分权测试第1期', reviewer);
    const created = await createCreditEntry(handle.db, batchId, await entry(1), editor.id);
    if (!created.ok) throw new Error(created.message);
    await createCreditEntry(handle.db, batchId, await entry(2), editor.id);
    // The other reviewer corrects one entry: they are its last editor.
    const corrected = { ...(await entry(1)), legalRep: '王武' };
    expect(await updateCreditEntry(handle.db, created.id, 1, corrected, otherReviewer)).toMatchObject({ ok: true });
    as(editor);
    expect(await run(reviewCreditBatch({}, form({ id: batchId, version: await versionOf(batchId), action: 'submit' })))).toMatchObject({ redirect: expect.stringContaining('done=submit') });

    as(reviewer);
    expect((await run(reviewCreditBatch({}, form({ id: batchId, version: await versionOf(batchId), action: 'approve' })))).message).toContain('您是此内容的作者');
    as(otherReviewer);
    expect((await run(reviewCreditBatch({}, form({ id: batchId, version: await versionOf(batchId), action: 'approve' })))).message).toContain('由您最后修改');
    expect((await handle.db.select().from(creditBatches).where(eq(creditBatches.id, batchId)))[0]!.status).toBe('pending');
    const third = asAuth(await insertUser(handle.db, { username: 'sod-reviewer3', displayName: '戊审核', role: 'reviewer', passwordHash: 'x' }));
    as(third);
    expect(await run(reviewCreditBatch({}, form({ id: batchId, version: await versionOf(batchId), action: 'approve' })))).toMatchObject({ redirect: expect.stringContaining('done=approve') });
    expect((await auditOf('credit_batch', batchId)).map((r) => r.action)).toContain('credit_batch.approve');
  });

  it('lets an admin approve a batch they filled only with a written reason, audited', async () => {
    const { reviewCreditBatch } = await import('@/app/(admin)/admin/credit/batches/actions');
    const batchId = await newBatch('分权测试第2期', editor);
    await createCreditEntry(handle.db, batchId, await entry(3), admin.id);
    as(editor);
    expect(await run(reviewCreditBatch({}, form({ id: batchId, version: await versionOf(batchId), action: 'submit' })))).toMatchObject({ redirect: expect.stringContaining('done=submit') });
    as(admin);
    expect((await run(reviewCreditBatch({}, form({ id: batchId, version: await versionOf(batchId), action: 'approve' })))).fieldErrors).toEqual({ overrideReason: expect.stringContaining('越权审核理由') });
    expect(await run(reviewCreditBatch({}, form({ id: batchId, version: await versionOf(batchId), action: 'approve', overrideReason: '条目由管理员代录，已电话核对原件' })))).toMatchObject({
      redirect: expect.stringContaining('done=approve'),
    });
    const override = (await auditOf('credit_batch', batchId)).find((r) => r.action === 'credit_batch.approve_override');
    expect(override).toMatchObject({ actorId: admin.id, note: '越权审核（待审核的版本由您最后修改）：条目由管理员代录，已电话核对原件', after: { status: 'published' } });
  });
});
