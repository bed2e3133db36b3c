// Puts the demo illustrations (db/seed/illustrations.ts, stored by server/demo-images.ts) into the media
// library and onto the demo content: every article gets the cover of its first tag, every 好人 the
// portrait of their category and gender. The alt texts say 示意图; nothing claims to show a real person.
import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { insertMedia, type MediaInsert } from '../queries/media';
import { goodPeople, newsArticles } from '../schema';
import { GOOD_PERSON_CATEGORIES, type GoodPersonCategory } from '../../lib/enums';
import { NEWS_TAGS, type NewsTag } from './content/news-titles';
import { coverName, portraitName } from './illustrations';

/** A stored illustration: what the media library keeps (server/media.ts processUpload) plus its name and alt. */
export type StoredIllustration = Omit<MediaInsert, 'originalName' | 'alt' | 'uploadedBy'> & { name: string; alt: string };

export type AttachSummary = { images: number; covers: number; photos: number };

/** One transaction: the media rows, then each article's cover and each person's photo. */
export async function attachDemoImages(db: Db, stored: StoredIllustration[]): Promise<AttachSummary> {
  return db.transaction(async (t) => {
    const byName = new Map<string, { storageKey: string; alt: string }>();
    for (const { name, alt, ...file } of stored) {
      const row = await insertMedia(t, { ...file, originalName: `${name}.png`, alt });
      byName.set(name, { storageKey: row.storageKey, alt });
    }
    const pick = (name: string) => {
      const found = byName.get(name);
      if (!found) throw new Error(`demo illustration ${name} was not stored`);
      return found;
    };

    let covers = 0;
    const articles = await t.select({ id: newsArticles.id, tags: newsArticles.tags }).from(newsArticles).orderBy(newsArticles.id);
    for (const article of articles) {
      const tag = article.tags.find((candidate): candidate is NewsTag => (NEWS_TAGS as readonly string[]).includes(candidate));
      if (!tag) continue;
      const cover = pick(coverName(tag, article.id));
      await t.update(newsArticles).set({ coverImage: cover.storageKey, coverAlt: cover.alt }).where(eq(newsArticles.id, article.id));
      covers += 1;
    }

    let photos = 0;
    const people = await t.select({ id: goodPeople.id, category: goodPeople.category, gender: goodPeople.gender }).from(goodPeople).orderBy(goodPeople.id);
    for (const person of people) {
      if (!(GOOD_PERSON_CATEGORIES as readonly string[]).includes(person.category)) continue;
      const gender = person.gender ?? (person.id % 2 ? '男' : '女');
      const photo = pick(portraitName(person.category as GoodPersonCategory, gender));
      await t.update(goodPeople).set({ photo: photo.storageKey, photoAlt: photo.alt }).where(eq(goodPeople.id, person.id));
      photos += 1;
    }
    return { images: stored.length, covers, photos };
  });
}
