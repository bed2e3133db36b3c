// Site-wide search over public news, good people and credit entries (substring matching).
import { and, desc, eq, ilike, ne, or } from 'drizzle-orm';
import type { Db } from '../client';
import { creditBatches, creditCategories, creditEntries, goodPeople, goodPeopleBatches, newsArticles, newsChannels } from '../schema';
import { publicCredit, publicSubjectName } from './credit';
import { publicNews } from './news';
import { publicPeople } from './people';

/** `%fragment%` with LIKE's own wildcards escaped, so that a user's % or _ matches literally. */
export function containsPattern(fragment: string): string {
  return `%${fragment.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function searchSite(db: Db, query: string, limit = 20) {
  const pattern = containsPattern(query);
  const [news, people, credit] = await Promise.all([
    db
      .select({
        id: newsArticles.id,
        slug: newsArticles.slug,
        title: newsArticles.title,
        summary: newsArticles.summary,
        publishedAt: newsArticles.publishedAt,
        channelName: newsChannels.name,
      })
      .from(newsArticles)
      .innerJoin(newsChannels, eq(newsChannels.id, newsArticles.channelId))
      .where(and(publicNews(), or(ilike(newsArticles.title, pattern), ilike(newsArticles.summary, pattern), ilike(newsArticles.body, pattern))))
      .orderBy(desc(newsArticles.publishedAt))
      .limit(limit),
    db
      .select({ id: goodPeople.id, name: goodPeople.name, category: goodPeople.category, level: goodPeople.level, deed: goodPeople.deed })
      .from(goodPeople)
      .leftJoin(goodPeopleBatches, eq(goodPeopleBatches.id, goodPeople.batchId))
      .where(and(publicPeople(), or(ilike(goodPeople.name, pattern), ilike(goodPeople.deed, pattern), ilike(goodPeople.story, pattern))))
      .orderBy(desc(goodPeople.publishedAt))
      .limit(limit),
    db
      .select({
        id: creditEntries.id,
        list: creditEntries.list,
        name: creditEntries.name,
        subjectKind: creditEntries.subjectKind,
        personNameMasking: creditCategories.personNameMasking,
        category: creditCategories.name,
        creditCode: creditEntries.creditCode,
      })
      .from(creditEntries)
      .innerJoin(creditCategories, eq(creditCategories.id, creditEntries.categoryId))
      .innerJoin(creditBatches, eq(creditBatches.id, creditEntries.batchId))
      // Natural persons are found by their masked name only, never by typing a full name.
      .where(
        and(
          publicCredit(),
          or(
            eq(creditEntries.creditCode, query.toUpperCase()),
            and(ilike(creditEntries.name, pattern), or(ne(creditEntries.subjectKind, '自然人'), eq(creditCategories.personNameMasking, 'full'))),
          ),
        ),
      )
      .orderBy(desc(creditEntries.listedDate))
      .limit(limit),
  ]);
  return {
    news,
    people,
    credit: credit.map(({ personNameMasking, ...row }) => ({ ...row, name: publicSubjectName({ ...row, personNameMasking }) })),
  };
}
