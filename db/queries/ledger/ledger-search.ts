// 问题整改台账 in the site search: public items matched by place and description (public fields only:
// never the reporter, the phone or staff notes). The title part is the place (address).
import { and, desc, eq, inArray } from 'drizzle-orm';
import { formatDay } from '@/lib/dates';
import { ISSUE_STATUS_LABELS } from '@/lib/enums';
import { maskPublicFields } from '@/lib/pii-detect';
import type { Db } from '../../client';
import { issueCategories, issues, units } from '../../schema';
import { NAME_WALK_ROW_COST } from '@/lib/lookup-plan';
import { FENCE } from '../capped-count';
import { titleFlag, titleIndexMatch, titlePart, walkSource, wordsMatch, type RunnableQuery, type SearchHit, type SearchSource } from '../search-source';
import { publicIssues } from './ledger';

const words = (query: RunnableQuery) => (query.kind === 'words' ? query.words : null);

/** The table, or (bounded) its newest `bound` public rows (search-source.ts). */
function issueSource(db: Db, bound: number | null) {
  const { id, status, createdAt, address, searchText, searchBigrams } = issues;
  return walkSource(db, issues, bound, { columns: { id, status, createdAt, address, searchText, searchBigrams }, visible: publicIssues(), newest: [createdAt, id] });
}

export const ledgerSearch: SearchSource = {
  // Places and descriptions are short texts kept in the row: a walk's row test is as cheap as a name's.
  stats: { table: 'issues', column: 'search_bigrams', walkRowCost: NAME_WALK_ROW_COST },

  matchKeys(db, query, part) {
    const w = words(query);
    if (!w) return null;
    const match = part === 'title' ? titleIndexMatch(issues.address, w) : wordsMatch(w, issues.searchText, issues.searchBigrams);
    // The matches through the GIN indexes, planned on their own behind the fence (see news-search.ts): left
    // to itself the planner walked the date index testing cjk_bigrams(address) on every row.
    const fenced = db
      .select({ id: issues.id, address: issues.address, status: issues.status, createdAt: issues.createdAt })
      .from(issues)
      .where(match)
      .offset(FENCE)
      .as('issues');
    return db
      .select({ id: issues.id, titleMatch: titleFlag(part, issues.address, w), at: issues.createdAt })
      .from(fenced)
      .where(and(publicIssues(), part === 'rest' ? titlePart('rest', issues.address, w) : undefined))
      .$dynamic();
  },

  walkKeys(db, query, part, bound) {
    const w = words(query);
    if (!w) return null;
    return db
      .select({ id: issues.id, titleMatch: titleFlag(part, issues.address, w), at: issues.createdAt })
      .from(issueSource(db, bound))
      .where(and(publicIssues(), wordsMatch(w, issues.searchText, issues.searchBigrams), titlePart(part, issues.address, w)))
      .orderBy(desc(issues.createdAt), desc(issues.id));
  },

  async hits(db, ids) {
    const found = new Map<number, SearchHit>();
    if (ids.length === 0) return found;
    const rows = await db
      .select({ id: issues.id, no: issues.no, status: issues.status, address: issues.address, description: issues.description, category: issueCategories.name, unitName: units.name, createdAt: issues.createdAt })
      .from(issues)
      .innerJoin(issueCategories, eq(issueCategories.id, issues.categoryId))
      .leftJoin(units, eq(units.id, issues.unitId))
      .where(and(publicIssues(), inArray(issues.id, ids)));
    for (const raw of rows) {
      const r = maskPublicFields(raw);
      found.set(r.id, {
        kind: 'ledger',
        id: r.id,
        href: `/ledger/${r.no}`,
        title: r.address,
        text: r.description,
        date: formatDay(r.createdAt),
        label: `${r.category} · ${ISSUE_STATUS_LABELS[r.status]}${r.unitName ? ` · ${r.unitName}` : ''}`,
        creditCode: null,
      });
    }
    return found;
  },
};
