// Site search on both engines: Chinese substring and bigram matching on the demo data, checked against a
// plain scan of what is public; either script finds the same; ranking; the public filters; and the plans
// of two- and three-character queries on tables of realistic size (served by the GIN indexes).
import { and, desc, eq, inArray, lt, ne, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { CREDIT_PAGE_SIZE, lookupPublicCredit, publicCredit, publicNameMatches } from '@/db/queries/credit';
import { likeContains } from '@/lib/lookup-text';
import { publicNews } from '@/db/queries/news';
import { publicPeople } from '@/db/queries/people';
import { COUNT_CAP, matchKeysQuery, searchEachKind, searchPublic, SEARCH_PAGE_SIZE, type SearchKind } from '@/db/queries/search';
import { seedDemo } from '@/db/seed/demo';
import { creditBatches, creditCategories, creditEntries, goodPeople, goodPeopleBatches, newsArticles, newsChannels } from '@/db/schema';
import { cityDay } from '@/lib/dates';
import { bigrams, parseSearchQuery } from '@/lib/search-text';
import { engine, freshDatabase } from './helpers';
import { fillerFrom, runnable } from './search-fixtures';


/** Every hit of one tab, page after page. */
async function allHits(db: Db, raw: string, tab: SearchKind) {
  const hits = [];
  for (let page = 1; ; page++) {
    const result = await searchPublic(db, runnable(raw), { tab, page });
    hits.push(...result.hits);
    if (page >= result.pageCount) return { hits, counts: result.counts };
  }
}

const ids = (hits: { id: number }[]) => hits.map((h) => h.id);
const sorted = (list: number[]) => [...list].sort((a, b) => a - b);

describe(`site search on ${engine}`, () => {
  let handle: DbHandle;
  let db: Db;
  const today = cityDay();

  beforeAll(async () => {
    handle = await freshDatabase();
    db = handle.db;
    await seedDemo(db, { today });
  });
  afterAll(async () => {
    await handle.close();
  });

  /** What a plain scan finds: public items whose lower-cased search text contains every word. */
  async function scan(kind: SearchKind, words: string[]): Promise<number[]> {
    const has = (text: string) => words.every((w) => text.toLowerCase().includes(w.toLowerCase()));
    if (kind === 'news') {
      const rows = await db.select({ id: newsArticles.id, text: newsArticles.searchText }).from(newsArticles).where(publicNews());
      return sorted(rows.filter((r) => has(r.text)).map((r) => r.id));
    }
    if (kind === 'people') {
      const rows = await db
        .select({ id: goodPeople.id, text: goodPeople.searchText })
        .from(goodPeople)
        .leftJoin(goodPeopleBatches, eq(goodPeopleBatches.id, goodPeople.batchId))
        .where(publicPeople());
      return sorted(rows.filter((r) => has(r.text)).map((r) => r.id));
    }
    const rows = await db
      .select({ id: creditEntries.id, name: creditEntries.name, kind: creditEntries.subjectKind, masking: creditCategories.personNameMasking })
      .from(creditEntries)
      .innerJoin(creditCategories, eq(creditCategories.id, creditEntries.categoryId))
      .innerJoin(creditBatches, eq(creditBatches.id, creditEntries.batchId))
      .where(publicCredit());
    return sorted(rows.filter((r) => (r.kind !== '自然人' || r.masking === 'full') && has(r.name)).map((r) => r.id));
  }

  it('computes the same bigrams in SQL as in TypeScript', async () => {
    for (const text of ['诚信江城 建设', 'ABc 诚信诚信', '文明  实践\n站', '单']) {
      const { rows } = await db.execute<{ b: string[] }>(sql`select cjk_bigrams(${text}::text) as b`);
      expect([...rows[0]!.b].sort(), text).toEqual(bigrams(text));
    }
    const { rows } = await db.execute<{ t: string }>(sql`select search_plain_text(${'<p>诚信&amp;文明</p>\n<ul><li>第二段</li></ul>'}::text) as t`);
    expect(rows[0]!.t).toBe('诚信&文明 第二段');
  });

  it('finds a seeded company by a three-character fragment of its name', async () => {
    const found = await searchEachKind(db, runnable('达物流'));
    expect(found.credit.map((h) => h.title)).toContain('江城市诚信达物流有限公司');
    const hit = found.credit.find((h) => h.title === '江城市诚信达物流有限公司')!;
    expect(hit.href).toBe(`/credit/${hit.id}`);
    expect(hit.creditCode).toMatch(/^[0-9A-Z]{18}$/);
  });

  it('finds an article by a fragment of its body only', async () => {
    const [article] = await db
      .select({ id: newsArticles.id, title: newsArticles.title, summary: newsArticles.summary, text: newsArticles.searchText })
      .from(newsArticles)
      .where(publicNews())
      .orderBy(newsArticles.id)
      .limit(1);
    const body = article!.text.split('\n')[2]!;
    // Eight letters from the middle of the body (no punctuation: it separates words), not in the title or the summary.
    const chars = Array.from(body);
    let fragment = '';
    for (let at = Math.floor(chars.length / 2); at < chars.length - 8; at++) {
      fragment = chars.slice(at, at + 8).join('');
      if (/^[\p{L}\p{N}]+$/u.test(fragment) && !article!.title.includes(fragment) && !article!.summary.includes(fragment)) break;
    }
    expect(fragment).toMatch(/^[\p{L}\p{N}]{8}$/u);
    const { hits } = await allHits(db, fragment, 'news');
    expect(ids(hits)).toContain(article!.id);
    expect(sorted(ids(hits))).toEqual(await scan('news', [fragment]));
  });

  it('finds news and credit entries with the two-character 诚信, exactly what a plain scan finds, and 誠信 finds the same', async () => {
    const news = await allHits(db, '诚信', 'news');
    const credit = await allHits(db, '诚信', 'credit');
    const people = await allHits(db, '诚信', 'people');
    const ledger = await allHits(db, '诚信', 'ledger');
    expect(news.hits.length).toBeGreaterThan(0);
    expect(credit.hits.length).toBeGreaterThan(0);
    expect(sorted(ids(news.hits))).toEqual(await scan('news', ['诚信']));
    expect(sorted(ids(credit.hits))).toEqual(await scan('credit', ['诚信']));
    expect(sorted(ids(people.hits))).toEqual(await scan('people', ['诚信']));
    expect(news.counts).toEqual({ news: Math.min(news.hits.length, COUNT_CAP + 1), people: people.hits.length, credit: credit.hits.length, ledger: ledger.hits.length });

    const traditional = await searchPublic(db, runnable('誠信'), { tab: 'all' });
    const simplified = await searchPublic(db, runnable('诚信'), { tab: 'all' });
    expect(traditional).toEqual(simplified);
    const { counts } = simplified;
    expect(simplified.hits).toHaveLength(Math.min(SEARCH_PAGE_SIZE, counts.news + counts.people + counts.credit));
  });

  it('needs every word of a multi-word query and mixes two- and three-character words', async () => {
    const { hits } = await allHits(db, '诚信 江城 志愿服务', 'news');
    expect(sorted(ids(hits))).toEqual(await scan('news', ['诚信', '江城', '志愿服务']));
    const { hits: none } = await allHits(db, '诚信 不存在的词语', 'news');
    expect(none).toEqual([]);
  });

  it('ranks title matches above body matches, newest first within each', async () => {
    const { hits } = await allHits(db, '诚信', 'news');
    const inTitle = hits.map((h) => h.title.includes('诚信'));
    expect(inTitle).toContain(true);
    expect(inTitle).toContain(false);
    expect(inTitle.indexOf(false)).toBe(inTitle.lastIndexOf(true) + 1);
    for (const group of [true, false]) {
      const dates = hits.filter((h, i) => inTitle[i] === group).map((h) => h.date!);
      expect(dates).toEqual([...dates].sort().reverse());
    }
    // Across kinds too: on 全部, every title match comes before every body match.
    const all = await searchPublic(db, runnable('诚信'), { tab: 'all', page: 1 });
    const titles = all.hits.map((h) => h.title.includes('诚信'));
    expect(titles.indexOf(false) === -1 || titles.indexOf(false) > titles.lastIndexOf(true)).toBe(true);
  });

  it('never shows unpublished articles, unpublished people, expired entries or masked persons', async () => {
    const hidden = await db.select({ id: newsArticles.id, title: newsArticles.title }).from(newsArticles).where(ne(newsArticles.status, 'published'));
    expect(hidden.length).toBeGreaterThan(0);
    for (const article of hidden) expect(ids((await searchEachKind(db, runnable(article.title))).news)).not.toContain(article.id);

    const drafts = await db
      .select({ id: goodPeople.id, name: goodPeople.name, deed: goodPeople.deed })
      .from(goodPeople)
      .leftJoin(goodPeopleBatches, eq(goodPeopleBatches.id, goodPeople.batchId))
      .where(ne(goodPeopleBatches.status, 'published'));
    expect(drafts.length).toBeGreaterThan(0);
    for (const person of drafts.slice(0, 5)) {
      const deedStart = Array.from(person.deed).slice(0, 12).join('');
      expect(ids((await searchEachKind(db, runnable(deedStart))).people)).not.toContain(person.id);
    }

    const expired = await db.select({ id: creditEntries.id, name: creditEntries.name }).from(creditEntries).where(lt(creditEntries.publicationEnd, today));
    expect(expired.length).toBeGreaterThan(0);
    for (const entry of expired) expect(ids((await searchEachKind(db, runnable(entry.name))).credit)).not.toContain(entry.id);

    const [masked] = await db
      .select({ id: creditEntries.id, name: creditEntries.name })
      .from(creditEntries)
      .innerJoin(creditCategories, eq(creditCategories.id, creditEntries.categoryId))
      .where(and(eq(creditEntries.subjectKind, '自然人'), eq(creditCategories.personNameMasking, 'masked'), eq(creditEntries.name, '欧阳建国')));
    expect(masked).toBeDefined();
    for (const fragment of ['欧阳建国', '欧阳', '建国', '阳建国']) {
      const found = await searchEachKind(db, runnable(fragment));
      expect(ids(found.credit)).not.toContain(masked!.id);
      expect(JSON.stringify(found)).not.toContain('欧阳建国');
    }
  });

  it('finds an entry by its full credit code, in either case', async () => {
    const [company] = await db.select({ id: creditEntries.id, code: creditEntries.creditCode }).from(creditEntries).where(eq(creditEntries.name, '江城市诚信达物流有限公司'));
    const result = await searchPublic(db, runnable(company!.code!.toLowerCase()), { tab: 'all' });
    expect(ids(result.hits)).toEqual([company!.id]);
    expect(result.counts).toEqual({ news: 0, people: 0, credit: 1, ledger: 0 });
    const wrong = company!.code!.slice(0, 17) + (company!.code!.endsWith('0') ? '1' : '0');
    expect(parseSearchQuery(wrong)).toMatchObject({ kind: 'badCode' });
  });

  describe('query plans at realistic size', () => {
    beforeAll(async () => {
      // A few thousand more rows, so that the planner weighs an index against a scan as it would in production.
      const [channel] = await db.select({ id: newsChannels.id }).from(newsChannels).limit(1);
      const [category] = await db.select({ id: creditCategories.id, list: creditCategories.list }).from(creditCategories).limit(1);
      const [batch] = await db.select({ id: creditBatches.id }).from(creditBatches).where(eq(creditBatches.status, 'published')).limit(1);
      const words = ['城市', '街道', '社区', '公园', '学校', '医院', '广场', '河道', '菜场', '车站', '绿化', '路灯'];
      const filler = fillerFrom(words);
      for (let start = 0; start < 4000; start += 500) {
        await db.insert(newsArticles).values(
          Array.from({ length: 500 }, (_, k) => {
            const i = start + k;
            return {
              channelId: channel!.id,
              title: `规模测试${filler(i, 4)}`,
              summary: filler(i + 1, 10),
              body: `<p>${filler(i + 2, 60)}</p>`,
              status: 'published' as const,
              publishedAt: new Date(Date.now() - (i + 10) * 3_600_000),
            };
          }),
        );
      }
      for (let start = 0; start < 6000; start += 1000) {
        await db.insert(creditEntries).values(
          Array.from({ length: 1000 }, (_, k) => {
            const i = start + k;
            return {
              list: category!.list,
              categoryId: category!.id,
              subjectKind: '法人企业' as const,
              name: `江城${filler(i, 3)}有限公司`,
              reason: '规模测试',
              authority: '江城市市场监督管理局',
              decisionDate: today,
              listedDate: today,
              publicationEnd: '2999-12-31',
              batchId: batch!.id,
              dedupeKey: `search-plan-${i}`,
            };
          }),
        );
      }
      // As autovacuum would in production (PGlite has none): statistics, and GIN pending lists merged.
      await db.execute(sql`VACUUM ANALYZE news_articles`);
      await db.execute(sql`VACUUM ANALYZE credit_entries`);
      await db.execute(sql`VACUUM ANALYZE good_people`);
    });

    // The query every search runs first (matches found through the GIN indexes, up to COUNT_CAP + 1), and
    // the title part that a word with more matches than that is ranked by.
    async function plan(kind: SearchKind, raw: string, part: 'all' | 'title' = 'all'): Promise<string> {
      const builder = matchKeysQuery(db, kind, runnable(raw), part)!.limit(COUNT_CAP + 1);
      const { rows } = await db.execute<{ 'QUERY PLAN': string }>(sql`EXPLAIN ${builder}`);
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    }

    it('serves two-character words from the bigram indexes and longer fragments from the trigram indexes', async () => {
      expect(await plan('news', '诚信')).toMatch(/Bitmap Index Scan on news_articles_search_bigrams_idx/);
      expect(await plan('news', '诚信江城')).toMatch(/Bitmap Index Scan on news_articles_(search|title)_trgm_idx/);
      expect(await plan('news', '诚信', 'title')).toMatch(/Bitmap Index Scan on news_articles_title_bigrams_idx/);
      expect(await plan('news', '诚信江城', 'title')).toMatch(/Bitmap Index Scan on news_articles_title_trgm_idx/);
      expect(await plan('credit', '诚信')).toMatch(/Bitmap Index Scan on credit_entries_search_bigrams_idx/);
      expect(await plan('credit', '诚信达')).toMatch(/Bitmap Index Scan on credit_entries_name_trgm_idx/);
      for (const [kind, raw] of [['news', '诚信'], ['news', '诚信江城'], ['credit', '诚信'], ['credit', '诚信达']] as const) {
        expect(await plan(kind, raw), `${kind} ${raw}`).not.toMatch(/Seq Scan on (news_articles|credit_entries)/);
      }
    });

    it('ranks a capped word and pages a credit lookup exactly as a plain sort of every match would', async () => {
      // News: title matches newest first, then the rest newest first (公园 has more than COUNT_CAP matches).
      const inTitle = sql<boolean>`${newsArticles.title} ilike '%公园%'`;
      const plainNews = await db
        .select({ id: newsArticles.id })
        .from(newsArticles)
        .where(and(publicNews(), sql`${newsArticles.searchBigrams} @> ARRAY['公园']`))
        .orderBy(sql`${inTitle} desc`, desc(newsArticles.publishedAt), desc(newsArticles.id))
        .limit(2 * SEARCH_PAGE_SIZE);
      const news = [1, 2].map((page) => searchPublic(db, runnable('公园'), { tab: 'news', page }));
      expect((await Promise.all(news)).flatMap((r) => ids(r.hits))).toEqual(plainNews.map((r) => r.id));
      // Credit lookup, newest decision first: within the cap (sorted matches) and over it (index walk).
      for (const fragment of ['公园广场', '有限公司', '诚信']) {
        const plain = await db
          .select({ id: creditEntries.id })
          .from(creditEntries)
          .innerJoin(creditCategories, eq(creditCategories.id, creditEntries.categoryId))
          .innerJoin(creditBatches, eq(creditBatches.id, creditEntries.batchId))
          .where(and(publicCredit(), publicNameMatches(likeContains(fragment))))
          .orderBy(desc(creditEntries.decisionDate), desc(creditEntries.id));
        const pages = await Promise.all([1, 2].map((page) => lookupPublicCredit(db, { fragment }, page)));
        expect(pages.flatMap((p) => p.rows.map((r) => r.id)), fragment).toEqual(plain.slice(0, 2 * CREDIT_PAGE_SIZE).map((r) => r.id));
        expect(pages[0]!.total, fragment).toBe(Math.min(plain.length, COUNT_CAP));
        expect(pages[0]!.capped, fragment).toBe(plain.length > COUNT_CAP);
      }
      const capped = await lookupPublicCredit(db, { fragment: '有限公司' });
      expect(capped.capped).toBe(true);
    });

    it('still finds exactly what a plain scan finds among the extra rows', async () => {
      for (const raw of ['诚信', '诚信达', '公园广场', '绿化路灯']) {
        const words = raw.split(' ');
        expect(sorted(ids((await allHits(db, raw, 'credit')).hits)), raw).toEqual(await scan('credit', words));
      }
      const parks = await searchPublic(db, runnable('公园'), { tab: 'news' });
      expect(parks.counts.news).toBe(COUNT_CAP + 1); // capped: shown as 1000+
      expect(parks.pageCount).toBe(COUNT_CAP / SEARCH_PAGE_SIZE);
      const ranked = await db.select({ id: newsArticles.id }).from(newsArticles).where(inArray(newsArticles.id, ids(parks.hits)));
      expect(ranked).toHaveLength(SEARCH_PAGE_SIZE);
    });
  });
});
