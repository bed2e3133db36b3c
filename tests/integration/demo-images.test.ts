// The demo data set's pictures on both engines, each with its own file store: stored through the media
// library, one per article and per 好人, all described as 示意图, with WebP sizes the pages can list in srcset.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count, isNull } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { listHeadlineNews } from '@/db/queries/news';
import { listPublicPeopleCards, findLatestPublicBatch } from '@/db/queries/people';
import { goodPeople, mediaAssets, newsArticles } from '@/db/schema';
import { seedDemo } from '@/db/seed/demo';
import { cityDay } from '@/lib/dates';
import { seedDemoImages } from '@/server/demo-images';
import { openMediaVariant } from '@/server/media';
import { databaseFileStore, folderFileStore, type FileStore } from '@/server/storage';
import { engine, freshDatabase } from './helpers';

describe(`demo pictures on ${engine}`, () => {
  let handle: DbHandle;
  let store: FileStore;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-images-'));
  let seconds = 0;

  beforeAll(async () => {
    handle = await freshDatabase();
    store = engine === 'postgres' ? databaseFileStore(handle.db) : folderFileStore(dataDir);
    await seedDemo(handle.db, { today: cityDay() });
    const started = Date.now();
    await seedDemoImages(handle.db, { store });
    seconds = (Date.now() - started) / 1000;
  });
  afterAll(async () => {
    await handle?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('stores a few dozen illustrations in the media library, quickly, each marked 示意图', async () => {
    const assets = await handle.db.select().from(mediaAssets);
    expect(assets.length).toBeGreaterThanOrEqual(24);
    expect(assets.length).toBeLessThanOrEqual(48);
    for (const asset of assets) {
      expect(asset.alt).toContain('示意图');
      expect(asset.variants.map((v) => v.width)).toContain(320);
    }
    expect(seconds).toBeLessThan(30);
  });

  it('gives every article a cover and every 好人 a photo, described as 示意图', async () => {
    const [bare] = await handle.db.select({ n: count() }).from(newsArticles).where(isNull(newsArticles.coverImage));
    expect(bare!.n).toBe(0);
    const [noPhoto] = await handle.db.select({ n: count() }).from(goodPeople).where(isNull(goodPeople.photo));
    expect(noPhoto!.n).toBe(0);
    const people = await handle.db.select({ alt: goodPeople.photoAlt }).from(goodPeople);
    expect(people.every((p) => p.alt?.includes('示意图') && p.alt.includes('非本人照片'))).toBe(true);
  });

  it('serves the sizes from the store and lists them with the public rows for srcset', async () => {
    const [lead] = await listHeadlineNews(handle.db, 1);
    expect(lead!.coverImage).toMatch(/^[0-9a-f]{32}$/);
    expect(lead!.coverAlt).toContain('示意图');
    expect(lead!.coverVariants!.map((v) => v.width).sort((a, b) => a - b)).toEqual([320, 800, 1200]);
    const file = await openMediaVariant(lead!.coverImage!, '320.webp', store);
    expect(file).not.toBeNull();
    const batch = await findLatestPublicBatch(handle.db);
    const [card] = await listPublicPeopleCards(handle.db, { batchId: batch!.id });
    expect(card!.photoVariants!.map((v) => v.width).sort((a, b) => a - b)).toEqual([320, 800]);
    const bytes = file!.body instanceof Uint8Array ? file!.body : new Uint8Array(await new Response(file!.body).arrayBuffer());
    expect((await sharp(bytes).metadata()).format).toBe('webp');
  });
});
