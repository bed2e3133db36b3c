// Files kept in the database (server/storage.ts, PostgreSQL backend): uploaded images' WebP sizes,
// citizens' private attachments and credit import files, so that every instance on every machine
// sees the same files and db:backup carries them. PGlite keeps them in DATA_DIR instead, and a
// backup of it writes them as rows of this table (db/backup.ts), so a dump restores into either engine.
import { sql } from 'drizzle-orm';
import { check, customType, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** bytea as bytes: node-postgres returns a Buffer, PGlite a Uint8Array; both are Uint8Arrays. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength)),
});

export const storedFiles = pgTable(
  'stored_files',
  {
    // A relative path such as uploads/<storage key>/800.webp or private/<storage key>.pdf: the same
    // name the local backend uses under DATA_DIR. Its extension names the content type.
    key: text('key').primaryKey(),
    contentType: text('content_type').notNull(),
    // Stored out of line and uncompressed (migration 0012): images and PDFs are compressed already,
    // and large files are read back in slices.
    bytes: bytea('bytes').notNull(),
    size: integer('size').notNull(),
    // Millisecond precision: the local folder keeps this as the file's modification time.
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    // Serves "every size of this upload" (key LIKE 'uploads/<key>/%') whatever the database's collation.
    index('stored_files_key_prefix_idx').on(t.key.op('text_pattern_ops')),
    check('stored_files_size_check', sql`${t.size} = octet_length(${t.bytes})`),
  ],
);
