// 文明动态 in the editors' area on both engines: versioned saves (a stale save is refused and changes
// nothing), revisions and restore, autosaves apart from the article, presence, the admin list and the
// review workflow; then the server actions themselves, with the signed-in user stubbed.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { listAuditEntries } from '@/db/queries/audit';
import {
  createArticle,
  deleteChannel,
  findArticleForEdit,
  findAutosave,
  findRevision,
  insertChannel,
  isUniqueViolation,
  listAdminNews,
  listChannelsForAdmin,
  listRevisions,
  moveChannel,
  saveArticleVersion,
  setArticleStatus,
  slugTaken,
  snapshotOf,
  upsertAutosave,
} from '@/db/queries/news-admin';
import { readTagVersions } from '@/db/queries/cache-tags';
import { listOtherEditors, recordPresence } from '@/db/queries/presence';
import { insertUser, type AuthUser } from '@/db/queries/users';
import { listReviewEvents, recordReviewEvent } from '@/db/queries/workflow';
import { newsArticles, newsChannels, newsRevisions, type ArticleSnapshot } from '@/db/schema';
import type { ActionState } from '@/server/actions';
import { engine, freshDatabase } from './helpers';
import { actionContext as ctx } from './action-context';

// The actions run outside a request: the signed-in user, the database and cache updates are stubbed.

let handle: DbHandle;
let editor: AuthUser;
let otherEditor: AuthUser;
let reviewer: AuthUser;
let channelA: number;
let channelB: number;

const asAuth = (u: Awaited<ReturnType<typeof insertUser>>): AuthUser => ({ ...u, disabled: false, sessionVersion: 1 });

function snapshot(overrides: Partial<ArticleSnapshot> = {}): ArticleSnapshot {
  return {
    title: '江城市开展文明交通劝导活动',
    subtitle: null,
    summary: '志愿者在主要路口劝导行人文明出行。',
    body: '<p>志愿者在主要路口劝导行人。</p>',
    coverImage: null,
    coverAlt: null,
    source: '江城市文明办',
    author: '李明',
    editorName: '王芳',
    tags: ['交通'],
    channelId: channelA,
    slug: null,
    pinned: false,
    ...overrides,
  };
}

beforeAll(async () => {
  handle = await freshDatabase();
  ctx.db = handle.db;
  editor = asAuth(await insertUser(handle.db, { username: 'news-editor', displayName: '王编辑', role: 'editor', passwordHash: 'x' }));
  otherEditor = asAuth(await insertUser(handle.db, { username: 'news-editor2', displayName: '李编辑', role: 'editor', passwordHash: 'x' }));
  reviewer = asAuth(await insertUser(handle.db, { username: 'news-reviewer', displayName: '张审核', role: 'reviewer', passwordHash: 'x' }));
  const channels = await handle.db
    .insert(newsChannels)
    .values([
      { slug: 'yaowen', name: '要闻', sortOrder: 1 },
      { slug: 'jiceng', name: '基层动态', sortOrder: 2 },
    ])
    .returning({ id: newsChannels.id });
  channelA = channels[0]!.id;
  channelB = channels[1]!.id;
});

afterAll(async () => {
  await handle?.close();
});

describe(`versioned saves on ${engine}`, () => {
  it('creates a draft at version 1 with its first revision, body sanitized', async () => {
    const created = await createArticle(handle.db, snapshot({ body: '<p onclick="x()">正文</p><script>alert(1)</script><img src="/media/a/800.webp" onerror="alert(1)" alt="图">' }), editor);
    const article = await findArticleForEdit(handle.db, created.id);
    expect(article).toMatchObject({ status: 'draft', version: 1, createdBy: editor.id, createdByName: '王编辑', channelName: '要闻' });
    expect(article!.body).toBe('<p>正文</p><img src="/media/a/800.webp" alt="图" />');
    expect(await listRevisions(handle.db, created.id)).toEqual([expect.objectContaining({ version: 1, savedByName: '王编辑' })]);
  });

  it('saves from the current version, and refuses a stale save without changing anything', async () => {
    const { id } = await createArticle(handle.db, snapshot(), editor);
    await upsertAutosave(handle.db, id, editor.id, 1, snapshot({ title: '自动保存的标题' }));

    const first = await saveArticleVersion(handle.db, id, 1, snapshot({ title: '江城市开展文明交通劝导志愿活动' }), editor);
    expect(first).toMatchObject({ ok: true, changed: true, version: 2, status: 'draft' });
    expect(await findAutosave(handle.db, id, editor.id)).toBeNull(); // the saver's autosave is gone

    // A reviewer opened version 1 too and saves later: refused, told who saved what.
    const stale = await saveArticleVersion(handle.db, id, 1, snapshot({ title: '审核改过的标题文字' }), reviewer);
    expect(stale).toMatchObject({ ok: false, reason: 'conflict', savedBy: { version: 2, name: '王编辑' } });
    if (stale.ok || stale.reason !== 'conflict') throw new Error('expected a conflict');
    expect(stale.current.title).toBe('江城市开展文明交通劝导志愿活动');
    expect(stale.savedBy.at).toBeInstanceOf(Date);

    const article = await findArticleForEdit(handle.db, id);
    expect(article).toMatchObject({ version: 2, title: '江城市开展文明交通劝导志愿活动', updatedByName: '王编辑' });
    expect((await listRevisions(handle.db, id)).map((r) => r.version)).toEqual([2, 1]);
  });

  it('lets exactly one of two simultaneous saves from the same version through', async () => {
    const { id } = await createArticle(handle.db, snapshot(), editor);
    const results = await Promise.all([
      saveArticleVersion(handle.db, id, 1, snapshot({ title: '甲编辑同时保存的标题' }), editor),
      saveArticleVersion(handle.db, id, 1, snapshot({ title: '乙编辑同时保存的标题' }), otherEditor),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === 'conflict')).toHaveLength(1);
    const winner = results.findIndex((r) => r.ok);
    expect((await findArticleForEdit(handle.db, id))!.title).toBe(winner === 0 ? '甲编辑同时保存的标题' : '乙编辑同时保存的标题');
    expect((await listRevisions(handle.db, id)).map((r) => r.version)).toEqual([2, 1]);
  });

  it('re-checks who may edit on the locked row, so a status change made meanwhile is not overwritten', async () => {
    const { id } = await createArticle(handle.db, snapshot(), editor);
    // An admin publishes the draft (a status change does not bump the version) while its editor still edits.
    await handle.db.update(newsArticles).set({ status: 'published', publishedAt: new Date() }).where(eq(newsArticles.id, id));
    const refused = await saveArticleVersion(handle.db, id, 1, snapshot({ title: '编辑还在修改的标题' }), editor, {
      refusal: (current) => (current.status === 'draft' ? null : '已发布，编辑不能修改'),
    });
    expect(refused).toEqual({ ok: false, reason: 'refused', message: '已发布，编辑不能修改' });
    const [row] = await handle.db.select({ title: newsArticles.title, version: newsArticles.version }).from(newsArticles).where(eq(newsArticles.id, id));
    expect(row).toEqual({ title: snapshot().title, version: 1 });
  });

  it('does not make a new version when nothing changed', async () => {
    const { id } = await createArticle(handle.db, snapshot(), editor);
    expect(await saveArticleVersion(handle.db, id, 1, snapshot(), editor)).toMatchObject({ ok: true, changed: false, version: 1 });
    expect((await findArticleForEdit(handle.db, id))!.version).toBe(1);
  });

  it('restores an old revision as a new version, keeping every version', async () => {
    const { id } = await createArticle(handle.db, snapshot({ title: '第一版的标题文字' }), editor);
    await saveArticleVersion(handle.db, id, 1, snapshot({ title: '第二版的标题文字' }), editor);
    const old = await findRevision(handle.db, id, 1);
    const restored = await saveArticleVersion(handle.db, id, 2, old!.snapshot, reviewer, { note: '恢复自版本 1' });
    expect(restored).toMatchObject({ ok: true, version: 3 });
    expect((await findArticleForEdit(handle.db, id))!.title).toBe('第一版的标题文字');
    const revisions = await listRevisions(handle.db, id);
    expect(revisions.map((r) => [r.version, r.note])).toEqual([
      [3, '恢复自版本 1'],
      [2, null],
      [1, '新建'],
    ]);
  });

  it('keeps the content of an imported article (no revision yet) as its base revision on the first save', async () => {
    const [row] = await handle.db
      .insert(newsArticles)
      .values({ ...snapshot({ title: '导入的文章标题' }), status: 'published', publishedAt: new Date('2026-01-01T00:00:00Z') })
      .returning({ id: newsArticles.id });
    const saved = await saveArticleVersion(handle.db, row!.id, 1, snapshot({ title: '导入的文章标题（修订）' }), reviewer);
    expect(saved).toMatchObject({ ok: true, version: 2, status: 'published' });
    const revisions = await listRevisions(handle.db, row!.id);
    expect(revisions.map((r) => [r.version, r.savedByName])).toEqual([
      [2, '张审核'],
      [1, '系统导入'],
    ]);
    expect((await findRevision(handle.db, row!.id, 1))!.snapshot.title).toBe('导入的文章标题');
  });

  it('fails the whole save when the caller’s audit step fails (no half-saved version)', async () => {
    const { id } = await createArticle(handle.db, snapshot(), editor);
    await expect(
      saveArticleVersion(handle.db, id, 1, snapshot({ title: '不会保存的标题文字' }), editor, {
        onSaved: async () => {
          throw new Error('audit failed');
        },
      }),
    ).rejects.toThrow('audit failed');
    expect(await findArticleForEdit(handle.db, id)).toMatchObject({ version: 1, title: snapshot().title });
    expect(await findRevision(handle.db, id, 2)).toBeNull();
  });

  it('keeps slugs unique', async () => {
    await createArticle(handle.db, snapshot({ slug: 'civic-week-2026' }), editor);
    expect(await slugTaken(handle.db, 'civic-week-2026')).toBe(true);
    expect(await slugTaken(handle.db, 'civic-week-2027')).toBe(false);
    const error = await createArticle(handle.db, snapshot({ slug: 'civic-week-2026' }), editor).catch((e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
  });
});

describe(`autosave and presence on ${engine}`, () => {
  it('keeps autosaves apart: the article row never changes', async () => {
    const { id } = await createArticle(handle.db, snapshot(), editor);
    const before = await handle.db.select().from(newsArticles).where(eq(newsArticles.id, id));
    await upsertAutosave(handle.db, id, editor.id, 1, snapshot({ title: '短', body: '<p>未完成<script>x</script></p>' }));
    await upsertAutosave(handle.db, id, editor.id, 1, snapshot({ title: '短标题再改', body: '<p>未完成的第二稿</p>' }));
    await upsertAutosave(handle.db, id, otherEditor.id, 1, snapshot({ title: '另一位编辑的草稿' }));
    expect(await handle.db.select().from(newsArticles).where(eq(newsArticles.id, id))).toEqual(before);
    const mine = await findAutosave(handle.db, id, editor.id);
    expect(mine).toMatchObject({ baseVersion: 1, snapshot: { title: '短标题再改', body: '<p>未完成的第二稿</p>' } });
    expect((await findAutosave(handle.db, id, otherEditor.id))!.snapshot.title).toBe('另一位编辑的草稿');
    expect(await listRevisions(handle.db, id)).toHaveLength(1);
  });

  it('shows others who sent a heartbeat in the last minute, never oneself', async () => {
    const now = new Date();
    await recordPresence(handle.db, 'news', 42, editor, now);
    await recordPresence(handle.db, 'news', 42, otherEditor, new Date(now.getTime() - 30_000));
    await recordPresence(handle.db, 'news', 42, reviewer, new Date(now.getTime() - 90_000));
    await recordPresence(handle.db, 'news', 43, reviewer, now);
    expect((await listOtherEditors(handle.db, 'news', 42, editor.id, now)).map((p) => p.userName)).toEqual(['李编辑']);
    expect((await listOtherEditors(handle.db, 'news', 42, otherEditor.id, now)).map((p) => p.userName)).toEqual(['王编辑']);
    // A minute later without heartbeats, nobody is shown; a new heartbeat brings the user back.
    const later = new Date(now.getTime() + 61_000);
    expect(await listOtherEditors(handle.db, 'news', 42, reviewer.id, later)).toEqual([]);
    await recordPresence(handle.db, 'news', 42, otherEditor, later);
    expect((await listOtherEditors(handle.db, 'news', 42, reviewer.id, later)).map((p) => p.userName)).toEqual(['李编辑']);
  });
});

describe(`admin list on ${engine}`, () => {
  let ids: number[];
  beforeAll(async () => {
    await handle.db.execute(sql`delete from news_articles`);
    const base = Date.parse('2026-05-01T00:00:00Z');
    const rows = Array.from({ length: 25 }, (_, i) => ({
      ...snapshot({ title: i % 5 === 0 ? `志愿服务100%活动第${i}期报道` : `文明城市创建进展第${i}期`, channelId: i % 2 ? channelB : channelA }),
      status: (['draft', 'pending', 'published', 'rejected', 'offline'] as const)[i % 5],
      createdBy: i % 3 === 0 ? otherEditor.id : editor.id,
      updatedAt: new Date(base + i * 60_000),
      viewCount: i,
    }));
    ids = (await handle.db.insert(newsArticles).values(rows).returning({ id: newsArticles.id })).map((r) => r.id);
  });

  it('lists newest changes first, 20 a page, with only the shown columns', async () => {
    const { items, total } = await listAdminNews(handle.db, {}, 1, 20);
    expect(total).toBe(25);
    expect(items).toHaveLength(20);
    expect(Object.keys(items[0]!).sort()).toEqual(['authorName', 'byline', 'channelName', 'id', 'publishedAt', 'status', 'title', 'updatedAt', 'viewCount']);
    // The byline as printed publicly, and the account that entered the article.
    expect(items[0]).toMatchObject({ id: ids[24], byline: '李明', authorName: '李编辑', channelName: '要闻', status: 'offline', viewCount: 24 });
    expect((await listAdminNews(handle.db, {}, 2, 20)).items.map((r) => r.id)).toEqual(ids.slice(0, 5).reverse());
  });

  it('filters by channel, status, author and a fragment of the title (wildcards literal)', async () => {
    expect((await listAdminNews(handle.db, { channelId: channelB }, 1, 20)).total).toBe(12);
    expect((await listAdminNews(handle.db, { status: 'pending' }, 1, 20)).total).toBe(5);
    expect((await listAdminNews(handle.db, { authorId: otherEditor.id }, 1, 20)).total).toBe(9);
    const found = await listAdminNews(handle.db, { q: '志愿服务' }, 1, 20);
    expect(found.total).toBe(5);
    expect(found.items.every((r) => r.title.includes('志愿服务'))).toBe(true);
    expect((await listAdminNews(handle.db, { q: '100%' }, 1, 20)).total).toBe(5);
    expect((await listAdminNews(handle.db, { q: '%' }, 1, 20)).total).toBe(5);
    expect((await listAdminNews(handle.db, { q: '志愿' }, 1, 20)).total).toBe(5); // two characters: no trigram, still found
    const combined = await listAdminNews(handle.db, { q: '文明城市', status: 'pending', channelId: channelB, authorId: editor.id }, 1, 20);
    expect(combined.items.map((r) => r.title)).toEqual(['文明城市创建进展第11期', '文明城市创建进展第1期']);
    expect(combined.total).toBe(2);
  });
});

describe(`workflow and channels on ${engine}`, () => {
  it('moves status only from the expected status and version, with review events kept', async () => {
    const { id } = await createArticle(handle.db, snapshot(), editor);
    expect(await setArticleStatus(handle.db, id, { from: 'draft', to: 'pending', version: 1, actorId: editor.id })).toBe(true);
    await recordReviewEvent(handle.db, { entityType: 'news_article', entityId: id, from: 'draft', to: 'pending', actor: editor });
    // A second reviewer acting on the old status, or on an older version, changes nothing.
    expect(await setArticleStatus(handle.db, id, { from: 'draft', to: 'pending', actorId: editor.id })).toBe(false);
    expect(await setArticleStatus(handle.db, id, { from: 'pending', to: 'published', version: 7, actorId: reviewer.id })).toBe(false);
    const at = new Date(Date.now() + 3_600_000);
    expect(await setArticleStatus(handle.db, id, { from: 'pending', to: 'published', version: 1, publishedAt: at, actorId: reviewer.id })).toBe(true);
    await recordReviewEvent(handle.db, { entityType: 'news_article', entityId: id, from: 'pending', to: 'published', actor: reviewer, publishAt: at });
    expect(await findArticleForEdit(handle.db, id)).toMatchObject({ status: 'published', publishedAt: at, updatedByName: '张审核' });
    expect((await listReviewEvents(handle.db, 'news_article', id)).map((e) => [e.fromStatus, e.toStatus, e.actorName])).toEqual([
      ['draft', 'pending', '王编辑'],
      ['pending', 'published', '张审核'],
    ]);
  });

  it('adds, reorders and deletes channels; a channel with articles is kept', async () => {
    const added = await insertChannel(handle.db, { slug: 'zhiyuan', name: '志愿服务' });
    expect(added.sortOrder).toBe(3);
    expect(await moveChannel(handle.db, added.id, 'up')).toBe(true);
    expect((await listChannelsForAdmin(handle.db)).map((c) => c.name)).toEqual(['要闻', '志愿服务', '基层动态']);
    expect(await moveChannel(handle.db, channelA, 'up')).toBe(false);
    const used = await deleteChannel(handle.db, channelA);
    expect(used).toMatchObject({ ok: false });
    expect((used as { articles: number }).articles).toBeGreaterThan(0);
    expect(await deleteChannel(handle.db, added.id)).toEqual({ ok: true, channel: { slug: 'zhiyuan', name: '志愿服务' } });
    const counts = await listChannelsForAdmin(handle.db);
    expect(counts.map((c) => c.name)).toEqual(['要闻', '基层动态']);
    expect(counts.every((c) => typeof c.articleCount === 'number' && c.articleCount > 0)).toBe(true);
  });
});

describe(`server actions on ${engine}`, () => {
  const form = (values: Record<string, string | number>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(values)) data.set(k, String(v));
    return data;
  };
  const fields = (overrides: Record<string, string> = {}) => ({
    title: '社区志愿服务进万家活动',
    channelId: String(channelA),
    summary: '',
    body: '<p>第一段正文。</p><table><tbody><tr><th>社区</th><th>人数</th></tr><tr><td>东湖</td><td>35</td></tr></tbody></table>',
    tags: '志愿、社区',
    source: '江城市文明办',
    author: '',
    editorName: '',
    slug: '',
    coverImage: '',
    subtitle: '',
    ...overrides,
  });

  async function createViaAction(values: Record<string, string>): Promise<number> {
    const { createNewsArticle } = await import('@/app/(admin)/admin/news/actions');
    const error = await createNewsArticle({}, form(values)).catch((e: unknown) => e);
    const digest = String((error as { digest?: string }).digest ?? '');
    const match = /\/admin\/news\/(\d+)\?created=1/.exec(digest);
    if (!match) throw new Error(`expected a redirect, got ${JSON.stringify(error)}`);
    return Number(match[1]);
  }

  it('drops control characters typed into a field instead of failing the save', async () => {
    ctx.user = editor;
    const id = await createViaAction(fields({ title: '社区志愿\u0000服务进万家', source: '江城\u0007文明网' }));
    expect(await findArticleForEdit(handle.db, id)).toMatchObject({ title: '社区志愿服务进万家', source: '江城文明网' });
  });

  it('refuses to restore a version whose channel was deleted since, as a save would', async () => {
    const { restoreNewsRevision } = await import('@/app/(admin)/admin/news/[id]/history/actions');
    ctx.user = reviewer;
    const [gone] = await handle.db.insert(newsChannels).values({ slug: `gone-${Date.now()}`, name: '已删栏目', sortOrder: 99 }).returning({ id: newsChannels.id });
    const id = await createViaAction(fields({ channelId: String(gone!.id) }));
    const { saveNewsArticle } = await import('@/app/(admin)/admin/news/actions');
    expect(await saveNewsArticle({}, form({ ...fields({ title: '换到其他栏目的文章标题' }), id, version: 1 }))).toMatchObject({ ok: true });
    await handle.db.delete(newsChannels).where(eq(newsChannels.id, gone!.id));
    const refused = await restoreNewsRevision({}, form({ id, version: 2, revision: 1 }));
    expect(refused.message).toMatch(/栏目已被删除/);
    expect((await findArticleForEdit(handle.db, id))!.version).toBe(2);
  });

  it('creates, refuses a stale save with the conflict message and a diff, and keeps the text', async () => {
    const { saveNewsArticle } = await import('@/app/(admin)/admin/news/actions');
    ctx.user = editor;
    const id = await createViaAction(fields({ body: '<p>第一段正文。</p><p><img src="/x.png" onerror="alert(1)" alt="a"><script>alert(2)</script></p>' }));
    const created = await findArticleForEdit(handle.db, id);
    expect(created).toMatchObject({ status: 'draft', version: 1, summary: '第一段正文。', tags: ['志愿', '社区'] });
    expect(created!.body).not.toMatch(/onerror|script/);

    ctx.user = reviewer;
    const ok = (await saveNewsArticle({}, form({ ...fields({ title: '社区志愿服务进万家（审核修订）' }), id, version: 1 }))) as ActionState & { version?: number };
    expect(ok).toMatchObject({ ok: true, version: 2 });

    ctx.user = editor;
    const mine = fields({ title: '社区志愿服务进万家活动报道' });
    const stale = (await saveNewsArticle({}, form({ ...mine, id, version: 1 }))) as ActionState & { conflict?: { theirVersion: number; diff: { label: string }[] } };
    expect(stale.ok).toBeUndefined();
    expect(stale.message).toMatch(/^保存失败：此文章已被 张审核 于 \d{2}:\d{2} 修改（版本 2）。您的内容仍在编辑框中；请先查看差异，再决定如何合并。$/);
    expect(stale.values?.title).toBe('社区志愿服务进万家活动报道');
    expect(stale.conflict).toMatchObject({ theirVersion: 2, baseVersion: 1, savedByName: '张审核' });
    expect(stale.conflict!.diff.map((d) => d.label)).toContain('标题');
    expect(await findArticleForEdit(handle.db, id)).toMatchObject({ version: 2, title: '社区志愿服务进万家（审核修订）' });
  });

  it('lets editors change only their own drafts, and refuses taken slugs next to the field', async () => {
    const { saveNewsArticle } = await import('@/app/(admin)/admin/news/actions');
    ctx.user = editor;
    const id = await createViaAction(fields({ slug: 'volunteer-week' }));
    const again = await saveNewsArticle({}, form({ ...fields({ slug: 'volunteer-week' }), id, version: 1 }));
    expect(again.ok).toBe(true);
    ctx.user = otherEditor;
    const other = await saveNewsArticle({}, form({ ...fields(), id, version: 1 }));
    expect(other.message).toContain('其他编辑创建');
    const duplicate = await createNewsArticleState(fields({ slug: 'volunteer-week' }));
    expect(duplicate.fieldErrors?.slug).toBe('网址别名“volunteer-week”已被其他文章使用，请换一个');
    const digits = await createNewsArticleState(fields({ slug: '2026' }));
    expect(digits.fieldErrors?.slug).toContain('不能全是数字');
  });

  async function createNewsArticleState(values: Record<string, string>): Promise<ActionState> {
    const { createNewsArticle } = await import('@/app/(admin)/admin/news/actions');
    return createNewsArticle({}, form(values));
  }

  it('runs the review journey: submit, reject with a reason, fix, resubmit, publish, take offline', async () => {
    const { saveNewsArticle } = await import('@/app/(admin)/admin/news/actions');
const { reviewNewsArticle } = await import('@/app/(admin)/admin/news/review-actions');
    const review = async (values: Record<string, string | number>) => reviewNewsArticle({}, form(values)).catch((e: unknown) => ({ redirect: String((e as { digest?: string }).digest) }));
    ctx.user = editor;
    const id = await createViaAction(fields());
    expect(await saveNewsArticle({}, form({ ...fields(), id, version: 1, intent: 'submit' }))).toMatchObject({ ok: true });
    expect((await findArticleForEdit(handle.db, id))!.status).toBe('pending');
    // Pending: the editor may no longer change it.
    expect((await saveNewsArticle({}, form({ ...fields({ title: '提交后再改的标题' }), id, version: 1 }))).message).toContain('待审核');

    ctx.user = editor;
    expect(await review({ id, version: 1, action: 'approve' })).toMatchObject({ message: '您的角色不能执行“审核通过并发布”。' });
    ctx.user = reviewer;
    expect(await review({ id, version: 1, action: 'reject', reason: '' })).toMatchObject({ fieldErrors: { reason: '请填写“退回修改”的理由' } });
    expect(await review({ id, version: 1, action: 'reject', reason: '标题与正文不符，请修改' })).toMatchObject({ redirect: expect.stringContaining(`/admin/news/${id}?done=reject`) });
    expect((await findArticleForEdit(handle.db, id))!.status).toBe('rejected');

    ctx.user = editor;
    expect(await saveNewsArticle({}, form({ ...fields({ title: '社区志愿服务进万家（已修改）' }), id, version: 1, intent: 'submit' }))).toMatchObject({ ok: true, version: 2 });
    ctx.user = reviewer;
    expect(await review({ id, version: 1, action: 'approve' })).toMatchObject({ message: expect.stringContaining('当前版本 2') });
    ctx.tags.length = 0;
    expect(await review({ id, version: 2, action: 'approve' })).toMatchObject({ redirect: expect.stringContaining('done=approve') });
    expect(new Set(ctx.tags)).toEqual(new Set(['news', `news:${id}`]));
    // Recorded for the other instances on the same database too (server/cache/sync.ts).
    const versions = await readTagVersions(handle.db);
    expect(versions.get('news')).toBeGreaterThan(0);
    expect(versions.get(`news:${id}`)).toBeGreaterThan(0);
    expect(await findArticleForEdit(handle.db, id)).toMatchObject({ status: 'published', title: '社区志愿服务进万家（已修改）' });
    expect(await review({ id, version: 2, action: 'takeOffline', reason: '活动延期' })).toMatchObject({ redirect: expect.stringContaining('done=takeOffline') });

    const events = await listReviewEvents(handle.db, 'news_article', id);
    expect(events.map((e) => [e.fromStatus, e.toStatus, e.actorName, e.reason])).toEqual([
      ['draft', 'pending', '王编辑', null],
      ['pending', 'rejected', '张审核', '标题与正文不符，请修改'],
      ['rejected', 'pending', '王编辑', null],
      ['pending', 'published', '张审核', null],
      ['published', 'offline', '张审核', '活动延期'],
    ]);
    const audit = await listAuditEntries(handle.db, { entityType: 'news_article', entityId: String(id) }, 1, 50);
    expect(audit.rows.map((r) => r.action).sort()).toEqual(['news.approve', 'news.create', 'news.reject', 'news.submit', 'news.submit', 'news.take_offline', 'news.update'].sort());
  });

  it('autosaves without touching the article, even with an unfinished title', async () => {
    const { autosaveNewsArticle } = await import('@/app/(admin)/admin/news/editor-actions');
    ctx.user = editor;
    const id = await createViaAction(fields());
    const before = await handle.db.select().from(newsArticles).where(eq(newsArticles.id, id));
    const result = await autosaveNewsArticle({}, form({ ...fields({ title: '短', tags: '1 2 3 4 5 6 7 8 9' }), id, version: 1 }));
    expect(result).toMatchObject({ ok: true });
    expect(await handle.db.select().from(newsArticles).where(eq(newsArticles.id, id))).toEqual(before);
    expect((await findAutosave(handle.db, id, editor.id))!.snapshot.title).toBe('短');
    ctx.user = null;
    expect((await autosaveNewsArticle({}, form({ ...fields(), id, version: 1 }))).message).toContain('登录已过期');
  });

  it('restores a revision as a new version through the versioned save', async () => {
    const { restoreNewsRevision } = await import('@/app/(admin)/admin/news/[id]/history/actions');
const { saveNewsArticle } = await import('@/app/(admin)/admin/news/actions');
    ctx.user = editor;
    const id = await createViaAction(fields({ title: '最初版本的标题文字' }));
    await saveNewsArticle({}, form({ ...fields({ title: '第二版本的标题文字' }), id, version: 1 }));
    const stale = await restoreNewsRevision({}, form({ id, version: 1, revision: 1 }));
    expect(stale.message).toMatch(/^恢复失败：此文章已被 王编辑/);
    const done = await restoreNewsRevision({}, form({ id, version: 2, revision: 1 })).catch((e: unknown) => String((e as { digest?: string }).digest));
    expect(done).toContain(`/admin/news/${id}?restored=1`);
    expect(await findArticleForEdit(handle.db, id)).toMatchObject({ version: 3, title: '最初版本的标题文字' });
    const rows = await handle.db.select({ v: newsRevisions.version }).from(newsRevisions).where(eq(newsRevisions.articleId, id));
    expect(rows.map((r) => r.v).sort()).toEqual([1, 2, 3]);
    expect(snapshotOf((await findRevision(handle.db, id, 3))!.snapshot).title).toBe('最初版本的标题文字');
  });
});
