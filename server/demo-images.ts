// The demo data set's pictures: drawn illustrations (db/seed/illustrations.ts) rasterised with sharp and
// stored like editors' uploads, through the media library (processUpload: WebP sizes in the file store,
// a media_assets row each), then placed on the demo articles and 好人 (db/seed/images.ts).
import sharp from 'sharp';
import type { Db } from '@/db/client';
import { attachDemoImages, type AttachSummary, type StoredIllustration } from '@/db/seed/images';
import { demoCovers, demoPortraits } from '@/db/seed/illustrations';
import { processUpload, removeUploadFiles } from './media';
import { databaseFileStore, fileStore, type FileStore } from './storage';

/** The store the seed writes to: PostgreSQL's table through this handle when DATABASE_URL is set, else the folder. */
function storeFor(db: Db): FileStore {
  return process.env.DATABASE_URL ? databaseFileStore(db) : fileStore();
}

/**
 * Stores the illustrations and attaches them to the demo content. Meant right after seedDemo on a new
 * database. A failure leaves no files behind (they are removed) and no rows (one transaction).
 */
export async function seedDemoImages(db: Db, options: { store?: FileStore } = {}): Promise<AttachSummary> {
  const store = options.store ?? storeFor(db);
  const stored: StoredIllustration[] = [];
  try {
    for (const illustration of [...demoCovers(), ...demoPortraits()]) {
      const png = new Uint8Array(await sharp(Buffer.from(illustration.svg)).png({ compressionLevel: 6 }).toBuffer());
      const upload = await processUpload(png, { store });
      stored.push({ ...upload, name: illustration.name, alt: illustration.alt });
    }
    return await attachDemoImages(db, stored);
  } catch (error) {
    await Promise.all(stored.map((file) => removeUploadFiles(file.storageKey, store).catch(() => undefined)));
    throw error;
  }
}
