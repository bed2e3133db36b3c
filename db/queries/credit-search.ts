// 诚信红黑榜 in the site search: public entries matched by name (or a checked credit code) only; natural
// persons in categories that mask names are never matched by name. Every match is a title match.
import { and, desc, eq, inArray, lte, ne, or, type SQL } from 'drizzle-orm';
import { cityDay } from '@/lib/dates';
import type { Db } from '../client';
import { creditBatches, creditCategories, creditEntries } from '../schema';
import { CREDIT_NAME_STATS, fencedEntries, nameMatchAllowed, publicCredit, publicSubjectName } from './credit';
import { ALL_TITLE, walkSource, wordsMatch, type RunnableQuery, type SearchHit, type SearchSource } from './search-source';

/** Needs credit_categories and credit_batches joined. */
function creditFilter(query: RunnableQuery): SQL {
  if (query.kind === 'code') return and(publicCredit(), eq(creditEntries.creditCode, query.code))!;
  return and(
    publicCredit(),
    wordsMatch(query.words, creditEntries.name, creditEntries.searchBigrams),
    or(ne(creditEntries.subjectKind, '自然人'), eq(creditCategories.personNameMasking, 'full')),
  )!;
}

/** The table, or (bounded) its newest `bound` listed rows (search-source.ts). */
function creditSource(db: Db, bound: number | null) {
  const { id, status, decisionDate, listedDate, publicationEnd, batchId, categoryId, subjectKind, name, creditCode, searchBigrams } = creditEntries;
  const columns = { id, status, decisionDate, listedDate, publicationEnd, batchId, categoryId, subjectKind, name, creditCode, searchBigrams };
  return walkSource(db, creditEntries, bound, { columns, visible: lte(listedDate, cityDay()), newest: [listedDate, id] });
}

export const creditSearch: SearchSource = {
  stats: CREDIT_NAME_STATS,
  titleOnly: true,

  matchKeys(db, query, part) {
    if (part === 'rest') return null;
    const match = query.kind === 'code' ? eq(creditEntries.creditCode, query.code) : wordsMatch(query.words, creditEntries.name, creditEntries.searchBigrams);
    return db
      .select({ id: creditEntries.id, titleMatch: ALL_TITLE.as('title_match'), at: creditEntries.listedDate })
      .from(fencedEntries(db, match))
      .innerJoin(creditCategories, eq(creditCategories.id, creditEntries.categoryId))
      .innerJoin(creditBatches, eq(creditBatches.id, creditEntries.batchId))
      .where(and(publicCredit(), query.kind === 'code' ? undefined : nameMatchAllowed()))
      .$dynamic();
  },

  // Newest listed first; there is no 'rest' part ('all' is the title part).
  walkKeys(db, query, part, bound) {
    if (part === 'rest') return null;
    return db
      .select({ id: creditEntries.id, titleMatch: ALL_TITLE.as('title_match'), at: creditEntries.listedDate })
      .from(creditSource(db, bound))
      .innerJoin(creditCategories, eq(creditCategories.id, creditEntries.categoryId))
      .innerJoin(creditBatches, eq(creditBatches.id, creditEntries.batchId))
      .where(creditFilter(query))
      .orderBy(desc(creditEntries.listedDate), desc(creditEntries.id));
  },

  async hits(db, ids) {
    const found = new Map<number, SearchHit>();
    if (ids.length === 0) return found;
    const rows = await db
      .select({
        id: creditEntries.id,
        list: creditEntries.list,
        name: creditEntries.name,
        subjectKind: creditEntries.subjectKind,
        personNameMasking: creditCategories.personNameMasking,
        category: creditCategories.name,
        creditCode: creditEntries.creditCode,
        reason: creditEntries.reason,
        listedDate: creditEntries.listedDate,
      })
      .from(creditEntries)
      .innerJoin(creditCategories, eq(creditCategories.id, creditEntries.categoryId))
      .innerJoin(creditBatches, eq(creditBatches.id, creditEntries.batchId))
      .where(and(publicCredit(), inArray(creditEntries.id, ids)));
    for (const r of rows) {
      found.set(r.id, {
        kind: 'credit',
        id: r.id,
        href: `/credit/${r.id}`,
        title: publicSubjectName(r),
        text: r.reason,
        date: r.listedDate,
        label: `${r.list === 'red' ? '守信红榜' : '失信黑榜'} · ${r.category}`,
        creditCode: r.creditCode,
      });
    }
    return found;
  },
};
