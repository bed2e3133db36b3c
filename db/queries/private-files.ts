// Rows for citizens' attachments (the files themselves: server/private-files.ts).
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client';
import { privateFiles } from '../schema';
import type { StoredCitizenFile } from '@/lib/stored-files';

type Purpose = (typeof privateFiles.$inferInsert)['purpose'];

export async function insertPrivateFile(db: Db, file: StoredCitizenFile & { purpose: Purpose; originalName: string }): Promise<number> {
  const [row] = await db
    .insert(privateFiles)
    .values({ storageKey: file.storageKey, purpose: file.purpose, format: file.format, bytes: file.bytes, originalName: file.originalName.slice(0, 200) })
    .returning({ id: privateFiles.id });
  return row!.id;
}

/** Links uploaded files to the submission that was saved with them. */
export async function assignPrivateFiles(db: Db, ids: readonly number[], purpose: Purpose, ownerId: number): Promise<void> {
  if (ids.length === 0) return;
  await db.update(privateFiles).set({ ownerId }).where(and(inArray(privateFiles.id, [...ids]), eq(privateFiles.purpose, purpose)));
}

export async function findPrivateFile(db: Db, id: number) {
  const [row] = await db.select().from(privateFiles).where(eq(privateFiles.id, id));
  return row ?? null;
}

export async function listPrivateFiles(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db.select().from(privateFiles).where(inArray(privateFiles.id, [...ids]));
}
