// The demo data set, and the public filters that decide what citizens see, on both engines.
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { countPublicCreditByList, findPublicCreditEntry, findLatestPublicCreditBatch, listPublicEntriesOfBatch } from '@/db/queries/credit';
import { countPublicNews, findPublicArticle, listHeadlineNews, listPublicNews } from '@/db/queries/news';
import { countPublicPeople, findLatestPublicBatch, findPublicPerson, listPublicBatches } from '@/db/queries/people';
import { searchSite } from '@/db/queries/search';
import { getSetting } from '@/db/queries/settings';
import { creditEntries, goodPeople, newsArticles } from '@/db/schema';
import { isDatabaseEmpty, seedDemo } from '@/db/seed/demo';
import { cityDay } from '@/lib/dates';
import { isValidCreditCode } from '@/lib/credit-code';
import { checkIdNumber } from '@/lib/id-number';
import { engine, freshDatabase } from './helpers';

const FULL_ID = /\d{6}(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[\dX]/;

describe(`demo data and public filters on ${engine}`, () => {
  let handle: DbHandle;
  const today = cityDay();
  beforeAll(async () => {
    handle = await freshDatabase();
    expect(await isDatabaseEmpty(handle.db)).toBe(true);
    await seedDemo(handle.db, { today });
  });
  afterAll(async () => {
    await handle.close();
  });

  it('writes at least the promised amounts, and is no longer empty', async () => {
    const db = handle.db;
    expect(await isDatabaseEmpty(db)).toBe(false);
    expect(await countPublicNews(db)).toBeGreaterThanOrEqual(60);
    const batches = await listPublicBatches(db);
    expect(batches.length).toBe(3);
    // The archive beside a batch lists the newest months only.
    expect(await listPublicBatches(db, 2)).toEqual(batches.slice(0, 2));
    expect(await countPublicPeople(db)).toBeGreaterThanOrEqual(42);
    const [models] = await db.select({ n: count() }).from(goodPeople).where(eq(goodPeople.level, '道德模范'));
    expect(models!.n).toBeGreaterThanOrEqual(2);
    const [entries] = await db.select({ n: count() }).from(creditEntries);
    expect(entries!.n).toBeGreaterThanOrEqual(300);
    expect((await getSetting(db, 'siteInfo')).siteName).toBe('江城文明网');
  });

  it('writes only valid check digits and adult natural persons', async () => {
    const rows = await handle.db.select({ code: creditEntries.creditCode, id: creditEntries.idNumber }).from(creditEntries);
    for (const row of rows) {
      if (row.code) expect(isValidCreditCode(row.code), row.code).toBe(true);
      if (row.id) expect(checkIdNumber(row.id, today).ok, row.id).toBe(true);
    }
    expect(rows.filter((r) => r.id).length).toBeGreaterThanOrEqual(25);
  });

  it('is deterministic for a given day', async () => {
    const other = await freshDatabase();
    try {
      await seedDemo(other.db, { today });
      const pick = (h: DbHandle) => h.db.select({ t: newsArticles.title, p: newsArticles.publishedAt }).from(newsArticles).orderBy(newsArticles.id);
      expect(await pick(other)).toEqual(await pick(handle));
      const names = (h: DbHandle) => h.db.select({ n: creditEntries.name, c: creditEntries.creditCode }).from(creditEntries).orderBy(creditEntries.id);
      expect(await names(other)).toEqual(await names(handle));
    } finally {
      await other.close();
    }
  });

  it('writes figures as a reader expects them: 余 only after round numbers, never one figure for two things in a sentence', async () => {
    const articles = await handle.db.select({ title: newsArticles.title, body: newsArticles.body, summary: newsArticles.summary }).from(newsArticles);
    const people = await handle.db.select({ title: goodPeople.name, body: goodPeople.story, summary: goodPeople.deed }).from(goodPeople);
    for (const { title, body, summary } of [...articles, ...people]) {
      const text = `${summary}\n${body.replace(/<[^>]*>/g, '')}`;
      // "10454余人次", "651余户": an exact figure with 余 (about) is a contradiction.
      expect(text.match(/\d*[1-9]余/g), title).toBeNull();
      for (const sentence of text.split(/[。；\n]/)) {
        const figures = [...sentence.matchAll(/(\d[\d.]*万?)余/g)].map((m) => m[1]);
        expect(new Set(figures).size, `${title}: ${sentence}`).toBe(figures.length);
        // "改造背街小巷509条……实践站点509个": one figure standing for two things (years and dates aside).
        const counts = [...sentence.matchAll(/(?<![\d.])\d{3,}(?![\d年月日.])/g)].map((m) => m[0]).filter((n) => !/^(19|20)\d\d$/.test(n));
        expect(new Set(counts).size, `${title}: ${sentence}`).toBe(counts.length);
      }
    }
  });

  it('hides drafts, pending and scheduled articles', async () => {
    const db = handle.db;
    const [all] = await db.select({ n: count() }).from(newsArticles);
    expect(await countPublicNews(db)).toBeLessThan(all!.n);
    const hidden = await db.select({ id: newsArticles.id }).from(newsArticles).where(sql`${newsArticles.status} <> 'published' or ${newsArticles.publishedAt} > now()`);
    expect(hidden.length).toBeGreaterThanOrEqual(4);
    for (const { id } of hidden) expect(await findPublicArticle(db, String(id))).toBeNull();
    const { items, total } = await listPublicNews(db, { page: 1, pageSize: 500 });
    expect(items.length).toBe(total);
    expect(items.map((i) => i.id)).not.toEqual(expect.arrayContaining([hidden[0]!.id]));
    const headlines = await listHeadlineNews(db, 5);
    expect(headlines[0]!.pinned).toBe(true);
  });

  it('finds articles by slug and by id', async () => {
    const [withSlug] = await handle.db.select({ id: newsArticles.id, slug: newsArticles.slug }).from(newsArticles).where(sql`${newsArticles.slug} is not null and ${newsArticles.status} = 'published'`).limit(1);
    expect((await findPublicArticle(handle.db, withSlug!.slug!))?.id).toBe(withSlug!.id);
    expect((await findPublicArticle(handle.db, String(withSlug!.id)))?.id).toBe(withSlug!.id);
    // Odd input finds nothing instead of failing in the database (PostgreSQL refuses NUL in text).
    expect(await findPublicArticle(handle.db, 'a\u0000b')).toBeNull();
    expect(await findPublicArticle(handle.db, 'x'.repeat(5000))).toBeNull();
  });

  it('hides people of draft batches', async () => {
    const drafts = await handle.db.select({ id: goodPeople.id }).from(goodPeople).where(eq(goodPeople.status, 'draft'));
    expect(drafts.length).toBeGreaterThan(0);
    for (const { id } of drafts) expect(await findPublicPerson(handle.db, id)).toBeNull();
    const latest = await findLatestPublicBatch(handle.db);
    expect(latest!.month < today.slice(0, 7)).toBe(true);
  });

  it('hides expired and removed credit entries, computed from dates', async () => {
    const db = handle.db;
    const expired = await db.select({ id: creditEntries.id }).from(creditEntries).where(sql`${creditEntries.publicationEnd} < ${today}`);
    const removed = await db.select({ id: creditEntries.id }).from(creditEntries).where(eq(creditEntries.status, 'removed'));
    expect(expired.length).toBeGreaterThanOrEqual(30);
    expect(removed.length).toBeGreaterThanOrEqual(1);
    for (const { id } of [...expired, ...removed]) expect(await findPublicCreditEntry(db, id)).toBeNull();
    const counts = await countPublicCreditByList(db);
    const [all] = await db.select({ n: count() }).from(creditEntries);
    expect(counts.red + counts.black).toBe(all!.n - expired.length - removed.filter((r) => !expired.some((e) => e.id === r.id)).length);
  });

  it('never returns a full ID number or an unmasked person name from public queries', async () => {
    const db = handle.db;
    const batch = await findLatestPublicCreditBatch(db);
    const black = await listPublicEntriesOfBatch(db, batch!.id, 'black', 500);
    const persons = black.filter((e) => e.subjectKind === '自然人');
    expect(persons.length).toBeGreaterThan(0);
    for (const person of persons) {
      expect(person.name).toContain('*');
      expect(person.idNumberMasked).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
      const detail = await findPublicCreditEntry(db, person.id);
      expect(JSON.stringify(detail)).not.toMatch(FULL_ID);
    }
    expect(JSON.stringify(black)).not.toMatch(FULL_ID);
  });

  it('searches by name fragment and by full credit code, without revealing masked persons', async () => {
    const db = handle.db;
    const byName = await searchSite(db, '诚信达');
    expect(byName.credit.map((e) => e.name).sort()).toEqual(['临湖区诚信达便利店', '江城市诚信达物流有限公司', '江城诚信达建材商行'].sort());
    const code = byName.credit[0]!.creditCode!;
    expect((await searchSite(db, code.toLowerCase())).credit.map((e) => e.id)).toEqual([byName.credit[0]!.id]);
    expect((await searchSite(db, '欧阳建国')).credit).toHaveLength(0);
    expect((await searchSite(db, '100%_')).credit).toHaveLength(0);
  });
});
