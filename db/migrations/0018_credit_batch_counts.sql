CREATE TABLE "credit_batch_counts" (
	"batch_id" integer PRIMARY KEY NOT NULL,
	"entries" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "credit_batch_counts" ADD CONSTRAINT "credit_batch_counts_batch_id_credit_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."credit_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Each statement on credit_entries adds its own difference per batch (entries it inserted, deleted, or moved
-- from one batch to another). Deltas, not recounts: an UPSERT takes the batch's row lock, so two writers
-- adding to one batch at the same time both count; keys in batch order, so that they lock in one order.
CREATE FUNCTION "credit_entries_batch_counts_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM credit_batch_counts;
  ELSIF TG_OP = 'INSERT' THEN
    INSERT INTO credit_batch_counts AS c (batch_id, entries)
    SELECT batch_id, count(*)::int FROM new_rows WHERE batch_id IS NOT NULL GROUP BY batch_id ORDER BY batch_id
    ON CONFLICT (batch_id) DO UPDATE SET entries = c.entries + excluded.entries;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO credit_batch_counts AS c (batch_id, entries)
    SELECT batch_id, -count(*)::int FROM old_rows WHERE batch_id IS NOT NULL GROUP BY batch_id ORDER BY batch_id
    ON CONFLICT (batch_id) DO UPDATE SET entries = c.entries + excluded.entries;
  ELSE
    INSERT INTO credit_batch_counts AS c (batch_id, entries)
    SELECT d.batch_id, sum(d.n)::int FROM (
      SELECT n.batch_id, 1 AS n FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE n.batch_id IS DISTINCT FROM o.batch_id
      UNION ALL
      SELECT o.batch_id, -1 FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE n.batch_id IS DISTINCT FROM o.batch_id
    ) AS d
    WHERE d.batch_id IS NOT NULL GROUP BY d.batch_id ORDER BY d.batch_id
    ON CONFLICT (batch_id) DO UPDATE SET entries = c.entries + excluded.entries;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "credit_entries_batch_counts_insert" AFTER INSERT ON "credit_entries" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION credit_entries_batch_counts_sync();--> statement-breakpoint
CREATE TRIGGER "credit_entries_batch_counts_update" AFTER UPDATE ON "credit_entries" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION credit_entries_batch_counts_sync();--> statement-breakpoint
CREATE TRIGGER "credit_entries_batch_counts_delete" AFTER DELETE ON "credit_entries" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION credit_entries_batch_counts_sync();--> statement-breakpoint
CREATE TRIGGER "credit_entries_batch_counts_truncate" AFTER TRUNCATE ON "credit_entries" FOR EACH STATEMENT EXECUTE FUNCTION credit_entries_batch_counts_sync();--> statement-breakpoint
-- Backfill from the entries there are.
INSERT INTO credit_batch_counts (batch_id, entries) SELECT batch_id, count(*)::int FROM credit_entries WHERE batch_id IS NOT NULL GROUP BY batch_id;
