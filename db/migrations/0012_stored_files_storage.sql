-- Stored files are images and PDFs, compressed already: keep them out of line and uncompressed, so that
-- reading a slice (server/storage.ts streams large files) fetches only the chunks it needs.
ALTER TABLE "stored_files" ALTER COLUMN "bytes" SET STORAGE EXTERNAL;
