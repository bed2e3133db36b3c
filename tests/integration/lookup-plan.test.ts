// Look-ups planned by frequency, on both engines (lib/lookup-plan.ts, db/queries/lookup-plan.ts): the plan
// follows the planner's statistics (the estimate of how many rows a word is in; the rule is unit-tested);
// both plans give the same rows, order and capped count, for the credit lookup and for every search tab;
// and the short result cache (server/public-lookups.ts) shows a newly published entry at once.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { insertCreditBatch } from '@/db/queries/credit-admin/batches';
import { CREDIT_NAME_STATS, lookupPublicCredit } from '@/db/queries/credit';
import { estimateMatches, planLookups, type LookupPlan } from '@/db/queries/lookup-plan';
import { chooseLookupPlan, PROBE_MATCHES } from '@/lib/lookup-plan';
import { COUNT_CAP, searchPublic, SEARCH_KINDS, type SearchTab, type SiteSearchResult } from '@/db/queries/search';
import { insertUser, type AuthUser } from '@/db/queries/users';
import { seedDemo } from '@/db/seed/demo';
import { creditBatches, creditCategories, creditEntries, newsArticles, newsChannels } from '@/db/schema';
import { creditCodeCheckChar } from '@/lib/credit-code';
import { addDays, cityDay } from '@/lib/dates';
import { cachedCreditLookup, cachedSiteSearch } from '@/server/public-lookups';
import { actionContext as ctx } from './action-context';
import { engine, freshDatabase } from './helpers';
import { fillerFrom, runnable } from './search-fixtures';

const INDEX: LookupPlan = { kind: 'index' };
/** A walk that may read the whole table: its answers must equal the index plan's. */
const WALK: LookupPlan = { kind: 'walk', bound: 1_000_000 };
/** A walk whose bound is too small to prove the count: it must fall back to the index plan. */
const SHORT_WALK: LookupPlan = { kind: 'walk', bound: 50 };
/**
 * The surely-common plan as if the statistics put the word in every row: it reads only the page, within
 * 4 × the page's rows (at least PROBE_MATCHES). Its rows and order must equal the index plan's. Its count
 * too for a word with more than COUNT_CAP public matches, and for one whose matches are too few among the
 * newest rows (it counts after all). Forced on a word that is dense among the newest rows of a small
 * table (文明 in the demo's good people), it claims "1000+" having seen at least PROBE_MATCHES matches:
 * the documented failure mode the planner's margin keeps real plans from (lib/lookup-plan.ts).
 */
const COMMON: LookupPlan = { kind: 'common', share: 1 };

/** The surely-common plan's answer against the index plan's: equal, or "1000+" after seeing PROBE_MATCHES. */
function expectCommonCount(common: number, exact: number, label: string) {
  if (common === exact) return;
  expect(common, label).toBe(COUNT_CAP + 1);
  expect(exact, label).toBeGreaterThanOrEqual(PROBE_MATCHES);
}

function expectCommonSearch(common: SiteSearchResult, byIndex: SiteSearchResult, label: string) {
  expect(common.hits, label).toEqual(byIndex.hits);
  expect(common.page, label).toBe(byIndex.page);
  for (const kind of SEARCH_KINDS) expectCommonCount(common.counts[kind], byIndex.counts[kind], `${label} ${kind}`);
  if (SEARCH_KINDS.every((kind) => common.counts[kind] === byIndex.counts[kind])) expect(common, label).toEqual(byIndex);
}


let handle: DbHandle;
let db: Db;
const today = cityDay();

beforeAll(async () => {
  handle = await freshDatabase();
  db = handle.db;
  ctx.db = db;
  await seedDemo(db, { today });
  // Enough rows that a common word is common: every name has 有限公司, one in 200 has 诚信; news titles
  // with 公园 in two of three, its body everywhere. Decision and listed dates spread over a year.
  const [channel] = await db.select({ id: newsChannels.id }).from(newsChannels).limit(1);
  const [category] = await db.select({ id: creditCategories.id, list: creditCategories.list }).from(creditCategories).where(eq(creditCategories.personNameMasking, 'masked')).limit(1);
  const [batch] = await db.select({ id: creditBatches.id }).from(creditBatches).where(eq(creditBatches.status, 'published')).limit(1);
  const words = ['城市', '街道', '社区', '学校', '医院', '广场', '河道', '菜场', '车站', '绿化', '路灯'];
  const filler = fillerFrom(words);
  for (let start = 0; start < 3000; start += 500) {
    await db.insert(newsArticles).values(
      Array.from({ length: 500 }, (_, k) => {
        const i = start + k;
        return {
          channelId: channel!.id,
          title: `${i % 3 === 0 ? '' : '公园'}规模${filler(i, 3)}`,
          summary: filler(i + 1, 6),
          body: `<p>公园${filler(i + 2, 30)}</p>`,
          status: 'published' as const,
          // Several articles per hour, so that ties on the date are ordered by id.
          publishedAt: new Date(Date.now() - (Math.floor(i / 3) + 10) * 3_600_000),
        };
      }),
    );
  }
  for (let start = 0; start < 8000; start += 1000) {
    await db.insert(creditEntries).values(
      Array.from({ length: 1000 }, (_, k) => {
        const i = start + k;
        const day = addDays(today, -(i % 365));
        return {
          list: category!.list,
          categoryId: category!.id,
          // Organisations are matched by name whatever the category's masking; a few natural persons are not.
          subjectKind: i % 97 === 0 ? ('自然人' as const) : ('法人企业' as const),
          name: `江城${i % 200 === 0 ? '诚信' : ''}${filler(i, 2)}有限公司`,
          reason: '规模测试',
          authority: '江城市市场监督管理局',
          decisionDate: addDays(day, -3),
          listedDate: day,
          // One in three already expired: the public filter drops them on either plan.
          publicationEnd: i % 3 === 0 ? addDays(today, -1) : '2999-12-31',
          batchId: batch!.id,
          dedupeKey: `lookup-plan-${i}`,
        };
      }),
    );
  }
  // A word the statistics put in most names whose entries have nearly all expired: 11,000 with 昔日, the
  // newest ones expired, only the 30 oldest still public.
  for (let start = 0; start < 11_000; start += 1000) {
    await db.insert(creditEntries).values(
      Array.from({ length: 1000 }, (_, k) => {
        const i = start + k;
        const stillPublic = i < 30;
        const day = stillPublic ? addDays(today, -500 - i) : addDays(today, -(i % 30));
        return {
          list: category!.list,
          categoryId: category!.id,
          subjectKind: '法人企业' as const,
          name: `昔日${filler(i, 2)}有限公司`,
          reason: '规模测试',
          authority: '江城市市场监督管理局',
          decisionDate: addDays(day, -3),
          listedDate: day,
          publicationEnd: stillPublic ? '2999-12-31' : addDays(today, -1),
          batchId: batch!.id,
          dedupeKey: `lookup-plan-stale-${i}`,
        };
      }),
    );
  }
  await db.execute(sql`VACUUM ANALYZE news_articles`);
  await db.execute(sql`VACUUM ANALYZE credit_entries`);
  await db.execute(sql`VACUUM ANALYZE good_people`);
  await db.execute(sql`VACUUM ANALYZE issues`);
});

afterAll(async () => {
  ctx.db = null;
  ctx.user = undefined;
  await handle?.close();
});

describe(`look-ups planned by frequency on ${engine}`, () => {
  it('estimates from the statistics: a word in most rows, a rare one, and no estimate without statistics', async () => {
    const news = { table: 'news_articles', column: 'search_bigrams' };
    const estimates = await estimateMatches(db, [CREDIT_NAME_STATS, news], ['有限公']);
    const credit = estimates.get('credit_entries.search_bigrams');
    expect(credit!.rows).toBeGreaterThan(8000);
    expect(credit!.share).toBeGreaterThan(0.9);
    expect((await estimateMatches(db, [CREDIT_NAME_STATS], ['诚信达'])).get('credit_entries.search_bigrams')!.share).toBeLessThan(0.05);
    expect((await estimateMatches(db, [news], ['公园'])).get('news_articles.search_bigrams')!.share).toBeGreaterThan(0.9);
    // The plan follows from the estimate (lib/lookup-plan.ts): a table of this size takes the index even for
    // a word in every row; a million names would walk.
    expect(await planLookups(db, [CREDIT_NAME_STATS], ['诚信达'], COUNT_CAP + 1)).toEqual([INDEX]);
    expect(chooseLookupPlan({ rows: 1_000_000, share: credit!.share }, COUNT_CAP + 1, CREDIT_NAME_STATS.walkRowCost).kind).toBe('walk');
    // A table never analysed, or one that does not exist, has no estimate: the index plan.
    expect(await planLookups(db, [{ table: 'no_such_table', column: 'search_bigrams' }], ['公园'], COUNT_CAP + 1)).toEqual([INDEX]);
  });

  it('gives the same credit lookup pages, order and capped count on either plan', async () => {
    for (const fragment of ['有限公', '有限公司', '诚信', '江城诚信', '诚信达', '广场社区', '昔日', '不存在的名称']) {
      for (const page of [1, 2, 7]) {
        const byIndex = await lookupPublicCredit(db, { fragment }, page, 20, { plan: INDEX });
        expect(await lookupPublicCredit(db, { fragment }, page, 20, { plan: WALK }), `${fragment} page ${page}`).toEqual(byIndex);
        expect(await lookupPublicCredit(db, { fragment }, page, 20, { plan: SHORT_WALK }), `${fragment} page ${page}, short walk`).toEqual(byIndex);
        const common = await lookupPublicCredit(db, { fragment }, page, 20, { plan: COMMON });
        expect(common.rows, `${fragment} page ${page}, surely common`).toEqual(byIndex.rows);
        expectCommonCount(common.capped ? COUNT_CAP + 1 : common.total, byIndex.capped ? COUNT_CAP + 1 : byIndex.total, `${fragment} page ${page}, surely common`);
        expect(await lookupPublicCredit(db, { fragment }, page), `${fragment} page ${page}, planned`).toEqual(byIndex);
      }
    }
    const common = await lookupPublicCredit(db, { fragment: '有限公' });
    expect(common).toMatchObject({ total: COUNT_CAP, capped: true });
    expect(common.rows).toHaveLength(20);
    const rare = await lookupPublicCredit(db, { fragment: '江城诚信' });
    expect(rare.capped).toBe(false);
    expect(rare.total).toBeGreaterThan(0);
  });

  it('does not claim 1000+ for a word the statistics call common when its public entries are few', async () => {
    const estimate = (await estimateMatches(db, [CREDIT_NAME_STATS], ['昔日'])).get('credit_entries.search_bigrams')!;
    expect(estimate.rows * estimate.share).toBeGreaterThan(10 * COUNT_CAP);
    const [plan] = await planLookups(db, [CREDIT_NAME_STATS], ['昔日'], COUNT_CAP + 1, 20);
    expect(plan!.kind).toBe('common');
    // The walk finds no public match among the newest entries, within its bound: the count is exact.
    for (const page of [1, 2]) {
      const planned = await lookupPublicCredit(db, { fragment: '昔日' }, page);
      expect(planned).toEqual(await lookupPublicCredit(db, { fragment: '昔日' }, page, 20, { plan: INDEX }));
      expect(planned).toMatchObject({ total: 30, capped: false });
    }
    const searched = await searchPublic(db, runnable('昔日'), { tab: 'credit' });
    expect(searched).toEqual(await searchPublic(db, runnable('昔日'), { tab: 'credit', plan: INDEX }));
    expect(searched.counts.credit).toBe(30);
    // A word that is common among the public entries too: 1000+ from the walk, the page exact.
    const [common] = await planLookups(db, [CREDIT_NAME_STATS], ['有限公'], COUNT_CAP + 1, 20);
    expect(common!.kind).toBe('common');
    expect(await lookupPublicCredit(db, { fragment: '有限公' })).toEqual(await lookupPublicCredit(db, { fragment: '有限公' }, 1, 20, { plan: INDEX }));
  });

  it('gives the same search results, tab counts and order on either plan, for common and rare words', async () => {
    const tabs: SearchTab[] = ['all', ...SEARCH_KINDS];
    for (const raw of ['公园', '有限公', '诚信', '公园 规模', '江城诚信', '诚信达', '文明']) {
      for (const tab of tabs) {
        for (const page of [1, 2]) {
          const byIndex = await searchPublic(db, runnable(raw), { tab, page, plan: INDEX });
          const label = `${raw} ${tab} page ${page}`;
          expect(await searchPublic(db, runnable(raw), { tab, page, plan: WALK }), label).toEqual(byIndex);
          expect(await searchPublic(db, runnable(raw), { tab, page, plan: SHORT_WALK }), `${label}, short walk`).toEqual(byIndex);
          expectCommonSearch(await searchPublic(db, runnable(raw), { tab, page, plan: COMMON }), byIndex, `${label}, surely common`);
          expect(await searchPublic(db, runnable(raw), { tab, page }), `${label}, planned`).toEqual(byIndex);
        }
      }
    }
    const parks = await searchPublic(db, runnable('公园'), { tab: 'news' });
    expect(parks.counts.news).toBe(COUNT_CAP + 1);
    // Title matches first (two in three titles have 公园), newest first.
    expect(parks.hits.every((h) => h.title.includes('公园'))).toBe(true);
  });
});

describe(`the short look-up cache on ${engine}`, () => {
  let editor: AuthUser;
  let reviewer: AuthUser;
  const asAuth = (u: Awaited<ReturnType<typeof insertUser>>): AuthUser => ({ ...u, disabled: false, sessionVersion: 1 });

  function form(values: Record<string, string | number>): FormData {
    const data = new FormData();
    for (const [key, value] of Object.entries(values)) data.set(key, String(value));
    return data;
  }

  /** Runs an action that ends with a redirect (Next's redirect() throws). */
  async function redirects(promise: Promise<unknown>): Promise<void> {
    const error = await promise.then(
      (state) => new Error(`expected a redirect, got ${JSON.stringify(state)}`),
      (e: unknown) => e,
    );
    if (!String((error as { digest?: string }).digest ?? '').includes('NEXT_REDIRECT')) throw error;
  }

  beforeAll(async () => {
    editor = asAuth(await insertUser(db, { username: 'plan-editor', displayName: '查询编辑', role: 'editor', passwordHash: 'x' }));
    reviewer = asAuth(await insertUser(db, { username: 'plan-reviewer', displayName: '查询审核', role: 'reviewer', passwordHash: 'x' }));
  });

  it('answers the same words again from the cache, and shows a newly published entry at once', async () => {
    const name = '江城市缓存验证科技有限公司';
    const first = await cachedCreditLookup({ fragment: '缓存验证' }, 1, 20);
    expect(first).toMatchObject({ total: 0, rows: [] });
    // The same words again, in search also typed in Traditional script: the same cached answer.
    expect(await cachedCreditLookup({ fragment: '缓存验证' }, 1, 20)).toBe(first);
    const search = await cachedSiteSearch(runnable('缓存验证'), 'all', 1);
    expect(await cachedSiteSearch(runnable('緩存驗證'), 'all', 1)).toBe(search);
    expect(search.counts.credit).toBe(0);

    const { createCreditEntryAction } = await import('@/app/(admin)/admin/credit/entries/actions');
    const { reviewCreditBatch } = await import('@/app/(admin)/admin/credit/batches/actions');
    const [category] = await db.select({ id: creditCategories.id }).from(creditCategories).where(eq(creditCategories.list, 'red')).limit(1);
    const batchId = (await insertCreditBatch(db, '缓存验证第1期', editor.id))!;
    const code17 = '91420100MA4K00777';
    ctx.user = editor;
    await redirects(
      createCreditEntryAction(
        {},
        form({
          batchId,
          categoryId: category!.id,
          subjectKind: '法人企业',
          name,
          creditCode: code17 + creditCodeCheckChar(code17),
          legalRep: '李四',
          idNumber: '',
          reason: '连续三年依法纳税，无失信记录，获评诚信经营示范企业。',
          amount: '',
          authority: '江城市市场监督管理局',
          basisDoc: '江市监〔2026〕7号',
          decisionDate: addDays(today, -5),
          listedDate: addDays(today, -1),
          publicationEnd: '',
          publicationEndReason: '',
        }),
      ),
    );
    // Saved but not yet published: still nothing public, whatever the cache holds.
    expect((await cachedCreditLookup({ fragment: '缓存验证' }, 1, 20)).total).toBe(0);
    await redirects(reviewCreditBatch({}, form({ id: batchId, version: 1, action: 'submit' })));
    ctx.user = reviewer;
    await redirects(reviewCreditBatch({}, form({ id: batchId, version: 2, action: 'approve' })));

    const after = await cachedCreditLookup({ fragment: '缓存验证' }, 1, 20);
    expect(after.rows.map((r) => r.name)).toEqual([name]);
    const searched = await cachedSiteSearch(runnable('缓存验证'), 'all', 1);
    expect(searched.counts.credit).toBe(1);
    expect(searched.hits.map((h) => h.title)).toEqual([name]);
  });
});
