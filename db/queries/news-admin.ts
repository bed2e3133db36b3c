// 文明动态 in the editors' area: the admin list, versioned saves (optimistic concurrency), revisions,
// autosaves, status changes and channels. Every write of article content sanitizes the body here, so no
// caller can store unsanitized HTML.
import { and, asc, count, desc, eq, max, ne, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { sanitizeRichText } from '@/lib/sanitize';
import type { Db } from '../client';
import { ADMIN_COUNT_CAP, countUpTo, ONE, type CappedTotal } from './capped-count';
import { articleSnapshotColumns as snapshotColumns } from './news';
import { newsArticles, newsAutosaves, newsChannels, newsRevisions, users, type ArticleSnapshot, type ContentStatus } from '../schema';
import type { ReviewParties } from '@/lib/workflow';
import { lastSubmitterId } from './workflow';
import { titleIndexMatch } from './search-source';

type Actor = { id: number; displayName: string };

// ---------------------------------------------------------------------------------------------- list

export type AdminNewsFilter = { channelId?: number; status?: ContentStatus; authorId?: number; q?: string };

export type AdminNewsRow = {
  id: number;
  title: string;
  channelName: string;
  status: ContentStatus;
  /** The byline (作者) as printed on the public page. */
  byline: string;
  /** The account that created the article (录入人); null for imported and demo articles. */
  authorName: string | null;
  updatedAt: Date;
  publishedAt: Date | null;
  viewCount: number;
};


function adminFilter(filter: AdminNewsFilter): SQL | undefined {
  const q = filter.q?.trim();
  return and(
    filter.channelId ? eq(newsArticles.channelId, filter.channelId) : undefined,
    filter.status ? eq(newsArticles.status, filter.status) : undefined,
    filter.authorId ? eq(newsArticles.createdBy, filter.authorId) : undefined,
    // Served by the title's indexes as the site search's title part is: two characters through its bigrams,
    // three or more through its trigrams (a single character reads every title).
    q ? titleIndexMatch(newsArticles.title, [q]) : undefined,
  );
}

/** One page of the admin list, newest change first, with only the columns the list shows. */
export async function listAdminNews(db: Db, filter: AdminNewsFilter, page: number, pageSize: number): Promise<{ items: AdminNewsRow[] } & CappedTotal> {
  const where = adminFilter(filter);
  const [items, total] = await Promise.all([
    db
      .select({
        id: newsArticles.id,
        title: newsArticles.title,
        channelName: newsChannels.name,
        status: newsArticles.status,
        byline: newsArticles.author,
        authorName: users.displayName,
        updatedAt: newsArticles.updatedAt,
        publishedAt: newsArticles.publishedAt,
        viewCount: newsArticles.viewCount,
      })
      .from(newsArticles)
      .innerJoin(newsChannels, eq(newsChannels.id, newsArticles.channelId))
      .leftJoin(users, eq(users.id, newsArticles.createdBy))
      .where(where)
      .orderBy(desc(newsArticles.updatedAt), desc(newsArticles.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    countUpTo(db, db.select(ONE).from(newsArticles).where(where).$dynamic(), ADMIN_COUNT_CAP),
  ]);
  return { items, ...total };
}

/** Everyone who may have written articles, for the 作者 filter (a small table). */
export async function listNewsAuthors(db: Db) {
  return db.select({ id: users.id, displayName: users.displayName }).from(users).orderBy(asc(users.displayName), asc(users.id));
}

// -------------------------------------------------------------------------------------- one article


/** The editable fields in a fixed order, so that two snapshots compare equal when their content is. */
export function snapshotOf(row: ArticleSnapshot): ArticleSnapshot {
  return {
    title: row.title,
    subtitle: row.subtitle,
    summary: row.summary,
    body: row.body,
    coverImage: row.coverImage,
    coverAlt: row.coverAlt,
    source: row.source,
    author: row.author,
    editorName: row.editorName,
    tags: [...row.tags],
    channelId: row.channelId,
    slug: row.slug,
    pinned: row.pinned,
  };
}

export function sameSnapshot(a: ArticleSnapshot, b: ArticleSnapshot): boolean {
  return JSON.stringify(snapshotOf(a)) === JSON.stringify(snapshotOf(b));
}

function sanitized(snapshot: ArticleSnapshot): ArticleSnapshot {
  return { ...snapshotOf(snapshot), body: sanitizeRichText(snapshot.body) };
}

const creator = alias(users, 'creator');
const updater = alias(users, 'updater');

export async function findArticleForEdit(db: Db, id: number) {
  const [row] = await db
    .select({
      id: newsArticles.id,
      ...snapshotColumns,
      status: newsArticles.status,
      version: newsArticles.version,
      publishedAt: newsArticles.publishedAt,
      viewCount: newsArticles.viewCount,
      createdBy: newsArticles.createdBy,
      createdByName: creator.displayName,
      createdAt: newsArticles.createdAt,
      updatedAt: newsArticles.updatedAt,
      updatedByName: updater.displayName,
      channelName: newsChannels.name,
    })
    .from(newsArticles)
    .innerJoin(newsChannels, eq(newsChannels.id, newsArticles.channelId))
    .leftJoin(creator, eq(creator.id, newsArticles.createdBy))
    .leftJoin(updater, eq(updater.id, newsArticles.updatedBy))
    .where(eq(newsArticles.id, id))
    .limit(1);
  return row ?? null;
}

export type ArticleForEdit = NonNullable<Awaited<ReturnType<typeof findArticleForEdit>>>;

/** Is the slug used by another article? */
export async function slugTaken(db: Db, slug: string, exceptId?: number): Promise<boolean> {
  const [row] = await db
    .select({ id: newsArticles.id })
    .from(newsArticles)
    .where(and(eq(newsArticles.slug, slug), exceptId ? ne(newsArticles.id, exceptId) : undefined))
    .limit(1);
  return Boolean(row);
}

/** A unique-index violation (a slug taken between the check and the write), on either driver. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/** A new draft (version 1) and its first revision. */
export async function createArticle(
  db: Db,
  snapshot: ArticleSnapshot,
  actor: Actor,
  onCreated?: (tx: Db, created: { id: number; snapshot: ArticleSnapshot }) => Promise<void>,
): Promise<{ id: number; version: number; snapshot: ArticleSnapshot }> {
  const clean = sanitized(snapshot);
  return db.transaction(async (t) => {
    const [row] = await t
      .insert(newsArticles)
      .values({ ...clean, status: 'draft', version: 1, createdBy: actor.id, updatedBy: actor.id })
      .returning({ id: newsArticles.id });
    await t.insert(newsRevisions).values({ articleId: row!.id, version: 1, snapshot: clean, savedBy: actor.id, savedByName: actor.displayName, note: '新建' });
    await onCreated?.(t, { id: row!.id, snapshot: clean });
    return { id: row!.id, version: 1, snapshot: clean };
  });
}

export type SavedBy = { version: number; name: string; at: Date };

export type SaveResult =
  | { ok: true; changed: boolean; version: number; status: ContentStatus; before: ArticleSnapshot; after: ArticleSnapshot }
  | { ok: false; reason: 'missing' }
  | { ok: false; reason: 'refused'; message: string }
  | { ok: false; reason: 'conflict'; current: ArticleSnapshot & { status: ContentStatus }; savedBy: SavedBy };

/** Who saved the article's current version and when (from its revision, else from the row). */
async function currentSaver(db: Db, id: number, version: number, fallback: { at: Date; name: string | null }): Promise<SavedBy> {
  const [rev] = await db
    .select({ name: newsRevisions.savedByName, at: newsRevisions.createdAt })
    .from(newsRevisions)
    .where(and(eq(newsRevisions.articleId, id), eq(newsRevisions.version, version)))
    .limit(1);
  return { version, name: rev?.name ?? fallback.name ?? '其他用户', at: rev?.at ?? fallback.at };
}

/**
 * Saves new content over `baseVersion`: UPDATE … WHERE version = baseVersion, a revision of the new
 * version and the removal of the saver's autosave, in one transaction. A save from a stale copy changes
 * nothing and answers `conflict` with the current content: never last-write-wins. Saving content equal to
 * the current version is a no-op (no new version).
 */
export async function saveArticleVersion(
  db: Db,
  id: number,
  baseVersion: number,
  snapshot: ArticleSnapshot,
  actor: Actor,
  options: {
    note?: string;
    onSaved?: (tx: Db, saved: Extract<SaveResult, { ok: true }>) => Promise<void>;
    /** Checked on the locked row, so a status change made meanwhile (e.g. a force-publish) is seen. */
    refusal?: (current: { status: ContentStatus }) => string | null;
  } = {},
): Promise<SaveResult> {
  const clean = sanitized(snapshot);
  return db.transaction(async (t): Promise<SaveResult> => {
    const [current] = await t
      .select({ ...snapshotColumns, status: newsArticles.status, version: newsArticles.version, updatedAt: newsArticles.updatedAt, updatedByName: updater.displayName })
      .from(newsArticles)
      .leftJoin(updater, eq(updater.id, newsArticles.updatedBy))
      .where(eq(newsArticles.id, id))
      .for('update', { of: newsArticles })
      .limit(1);
    if (!current) return { ok: false, reason: 'missing' };
    const refused = options.refusal?.(current);
    if (refused) return { ok: false, reason: 'refused', message: refused };
    const before = snapshotOf(current);
    const conflict = async (): Promise<SaveResult> => ({
      ok: false,
      reason: 'conflict',
      current: { ...before, status: current.status },
      savedBy: await currentSaver(t, id, current.version, { at: current.updatedAt, name: current.updatedByName }),
    });
    if (current.version !== baseVersion) return conflict();
    if (sameSnapshot(before, clean)) return { ok: true, changed: false, version: current.version, status: current.status, before, after: before };

    // Articles written before revisions existed (imports, demo data): keep their content as the base revision.
    await t
      .insert(newsRevisions)
      .values({ articleId: id, version: baseVersion, snapshot: before, savedBy: null, savedByName: current.updatedByName ?? '系统导入', note: '保存前的内容', createdAt: current.updatedAt })
      .onConflictDoNothing();

    const next = baseVersion + 1;
    const updated = await t
      .update(newsArticles)
      .set({ ...clean, version: next, updatedBy: actor.id, updatedAt: new Date() })
      .where(and(eq(newsArticles.id, id), eq(newsArticles.version, baseVersion)))
      .returning({ id: newsArticles.id });
    if (updated.length === 0) return conflict();
    await t.insert(newsRevisions).values({ articleId: id, version: next, snapshot: clean, savedBy: actor.id, savedByName: actor.displayName, note: options.note ?? null });
    await t.delete(newsAutosaves).where(and(eq(newsAutosaves.articleId, id), eq(newsAutosaves.userId, actor.id)));
    const saved = { ok: true as const, changed: true, version: next, status: current.status, before, after: clean };
    // The caller's audit entry commits (or fails) together with the save.
    await options.onSaved?.(t, saved);
    return saved;
  });
}

/**
 * Moves an article from one status to another, only if it is still in `from` (and still at `version`
 * when given): a reviewer approves exactly what they read. Published articles get `publishedAt`
 * (a future time schedules them).
 */
export async function setArticleStatus(
  db: Db,
  id: number,
  change: { from: ContentStatus; to: ContentStatus; version?: number; publishedAt?: Date | null; actorId: number },
): Promise<boolean> {
  const rows = await db
    .update(newsArticles)
    .set({
      status: change.to,
      updatedAt: new Date(),
      updatedBy: change.actorId,
      ...(change.to === 'published' ? { publishedAt: change.publishedAt ?? new Date() } : {}),
    })
    .where(and(eq(newsArticles.id, id), eq(newsArticles.status, change.from), change.version ? eq(newsArticles.version, change.version) : undefined))
    .returning({ id: newsArticles.id });
  return rows.length > 0;
}

/** The article's row locked for a review step (so the version approved is the one checked). */
export async function lockArticleForReview(db: Db, id: number): Promise<{ version: number; createdBy: number | null } | null> {
  const [row] = await db.select({ version: newsArticles.version, createdBy: newsArticles.createdBy }).from(newsArticles).where(eq(newsArticles.id, id)).for('update').limit(1);
  return row ?? null;
}

/**
 * Who wrote the version under review (三审三校): the author (who created the article), whoever saved this
 * version, and whoever submitted it. Articles from before revisions (demo data, imports) name nobody.
 */
export async function newsReviewParties(db: Db, article: { id: number; version: number; createdBy: number | null }): Promise<ReviewParties> {
  const [[revision], submitterId] = await Promise.all([
    db
      .select({ savedBy: newsRevisions.savedBy })
      .from(newsRevisions)
      .where(and(eq(newsRevisions.articleId, article.id), eq(newsRevisions.version, article.version)))
      .limit(1),
    lastSubmitterId(db, 'news_article', article.id),
  ]);
  return { authorId: article.createdBy, lastEditorIds: [revision?.savedBy ?? null], submitterId };
}

// ---------------------------------------------------------------------------------------- revisions

export async function listRevisions(db: Db, articleId: number) {
  return db
    .select({ version: newsRevisions.version, savedByName: newsRevisions.savedByName, note: newsRevisions.note, createdAt: newsRevisions.createdAt })
    .from(newsRevisions)
    .where(eq(newsRevisions.articleId, articleId))
    .orderBy(desc(newsRevisions.version));
}

export async function findRevision(db: Db, articleId: number, version: number) {
  const [row] = await db
    .select({ version: newsRevisions.version, snapshot: newsRevisions.snapshot, savedByName: newsRevisions.savedByName, createdAt: newsRevisions.createdAt })
    .from(newsRevisions)
    .where(and(eq(newsRevisions.articleId, articleId), eq(newsRevisions.version, version)))
    .limit(1);
  return row ?? null;
}

// ---------------------------------------------------------------------------------------- autosaves

/** Keeps the user's unsaved work apart from the article: never touches news_articles. */
export async function upsertAutosave(db: Db, articleId: number, userId: number, baseVersion: number, snapshot: ArticleSnapshot, at: Date = new Date()): Promise<void> {
  const clean = sanitized(snapshot);
  await db
    .insert(newsAutosaves)
    .values({ articleId, userId, baseVersion, snapshot: clean, savedAt: at })
    .onConflictDoUpdate({ target: [newsAutosaves.articleId, newsAutosaves.userId], set: { baseVersion, snapshot: clean, savedAt: at } });
}

export async function findAutosave(db: Db, articleId: number, userId: number) {
  const [row] = await db
    .select({ baseVersion: newsAutosaves.baseVersion, snapshot: newsAutosaves.snapshot, savedAt: newsAutosaves.savedAt })
    .from(newsAutosaves)
    .where(and(eq(newsAutosaves.articleId, articleId), eq(newsAutosaves.userId, userId)))
    .limit(1);
  return row ?? null;
}

export async function deleteAutosave(db: Db, articleId: number, userId: number): Promise<void> {
  await db.delete(newsAutosaves).where(and(eq(newsAutosaves.articleId, articleId), eq(newsAutosaves.userId, userId)));
}

// ----------------------------------------------------------------------------------------- channels

export async function listChannelsForAdmin(db: Db) {
  const articles = db
    .select({ channelId: newsArticles.channelId, n: count().as('n') })
    .from(newsArticles)
    .groupBy(newsArticles.channelId)
    .as('articles');
  return db
    .select({ id: newsChannels.id, slug: newsChannels.slug, name: newsChannels.name, sortOrder: newsChannels.sortOrder, articleCount: sql<number>`coalesce(${articles.n}, 0)::int` })
    .from(newsChannels)
    .leftJoin(articles, eq(articles.channelId, newsChannels.id))
    .orderBy(asc(newsChannels.sortOrder), asc(newsChannels.id));
}

export async function findChannel(db: Db, id: number) {
  const [row] = await db.select({ id: newsChannels.id, slug: newsChannels.slug, name: newsChannels.name, sortOrder: newsChannels.sortOrder }).from(newsChannels).where(eq(newsChannels.id, id)).limit(1);
  return row ?? null;
}

export async function channelTaken(db: Db, field: 'slug' | 'name', value: string, exceptId?: number): Promise<boolean> {
  const column = field === 'slug' ? newsChannels.slug : newsChannels.name;
  const [row] = await db
    .select({ id: newsChannels.id })
    .from(newsChannels)
    .where(and(eq(column, value), exceptId ? ne(newsChannels.id, exceptId) : undefined))
    .limit(1);
  return Boolean(row);
}

/** A new channel at the end of the list. */
export async function insertChannel(db: Db, values: { slug: string; name: string }) {
  const [last] = await db.select({ n: max(newsChannels.sortOrder) }).from(newsChannels);
  const [row] = await db
    .insert(newsChannels)
    .values({ ...values, sortOrder: (last?.n ?? 0) + 1 })
    .returning({ id: newsChannels.id, slug: newsChannels.slug, name: newsChannels.name, sortOrder: newsChannels.sortOrder });
  return row!;
}

export async function updateChannel(db: Db, id: number, values: { slug: string; name: string }) {
  const [row] = await db.update(newsChannels).set(values).where(eq(newsChannels.id, id)).returning({ id: newsChannels.id, slug: newsChannels.slug, name: newsChannels.name });
  return row ?? null;
}

/** Swaps a channel with its neighbour and renumbers the list 1..n, in one transaction. */
export async function moveChannel(db: Db, id: number, direction: 'up' | 'down'): Promise<boolean> {
  return db.transaction(async (t) => {
    const rows = await t.select({ id: newsChannels.id }).from(newsChannels).orderBy(asc(newsChannels.sortOrder), asc(newsChannels.id)).for('update');
    const index = rows.findIndex((r) => r.id === id);
    const other = direction === 'up' ? index - 1 : index + 1;
    if (index < 0 || other < 0 || other >= rows.length) return false;
    [rows[index], rows[other]] = [rows[other]!, rows[index]!];
    for (const [i, row] of rows.entries()) await t.update(newsChannels).set({ sortOrder: i + 1 }).where(eq(newsChannels.id, row.id));
    return true;
  });
}

/** Deletes an empty channel; a channel with articles is kept and its article count returned. */
export async function deleteChannel(db: Db, id: number): Promise<{ ok: true; channel: { slug: string; name: string } } | { ok: false; articles: number } | null> {
  return db.transaction(async (t) => {
    const channel = await findChannel(t, id);
    if (!channel) return null;
    const [used] = await t.select({ n: count() }).from(newsArticles).where(eq(newsArticles.channelId, id));
    if ((used?.n ?? 0) > 0) return { ok: false as const, articles: used!.n };
    await t.delete(newsChannels).where(eq(newsChannels.id, id));
    return { ok: true as const, channel: { slug: channel.slug, name: channel.name } };
  });
}
