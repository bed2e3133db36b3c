import { index, integer, pgEnum, pgTable, serial, text } from 'drizzle-orm/pg-core';
import { createdAt } from './common';
import { PRIVATE_FILE_PURPOSES } from '../../lib/enums';

/** What a citizen's attachment belongs to. */
export const privateFilePurpose = pgEnum('private_file_purpose', PRIVATE_FILE_PURPOSES);

/**
 * Files citizens attach to recommendations and objections. They are kept in the file store as
 * private/<storage_key>.<format>, apart from the public media, and served only to signed-in staff: they may show people,
 * documents or phone numbers. Images are re-encoded by sharp (metadata stripped); PDFs are kept as sent
 * after the bytes were sniffed and scanned for scripts.
 */
export const privateFiles = pgTable(
  'private_files',
  {
    id: serial('id').primaryKey(),
    storageKey: text('storage_key').notNull().unique(),
    purpose: privateFilePurpose('purpose').notNull(),
    // The sniffed type: 'webp' for images (after re-encoding) or 'pdf'.
    format: text('format').notNull(),
    originalName: text('original_name').notNull(),
    bytes: integer('bytes').notNull(),
    // The submission that owns the file (recommendation or objection id), set when the submission is saved.
    ownerId: integer('owner_id'),
    createdAt: createdAt(),
  },
  (t) => [index('private_files_owner_idx').on(t.purpose, t.ownerId)],
);
