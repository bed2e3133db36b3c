CREATE TABLE "credit_public_spans" (
	"batch_id" integer NOT NULL,
	"list" "credit_list" NOT NULL,
	"category_id" integer NOT NULL,
	"start_day" date NOT NULL,
	"end_day" date NOT NULL,
	"entries" integer NOT NULL,
	CONSTRAINT "credit_public_spans_batch_id_list_category_id_start_day_end_day_pk" PRIMARY KEY("batch_id","list","category_id","start_day","end_day")
);
--> statement-breakpoint
DROP INDEX "credit_entries_batch_idx";--> statement-breakpoint
CREATE INDEX "credit_entries_batch_idx" ON "credit_entries" USING btree ("batch_id","decision_date","id");--> statement-breakpoint
-- Each statement on credit_entries adds its difference per span: +1 for each public entry it wrote, -1 for each
-- it removed or changed (an entry whose batch, list, category, dates or status did not change nets to zero).
-- An UPSERT takes the span's row lock, so concurrent writers add up; keys in order, so that they lock in one
-- order. Spans left with no entries are removed.
CREATE FUNCTION "credit_entries_public_spans_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM credit_public_spans;
    RETURN NULL;
  ELSIF TG_OP = 'INSERT' THEN
    INSERT INTO credit_public_spans AS c (batch_id, list, category_id, start_day, end_day, entries)
    SELECT batch_id, list, category_id, greatest(decision_date, listed_date), publication_end, count(*)::int
    FROM new_rows WHERE status = 'public' AND batch_id IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (batch_id, list, category_id, start_day, end_day) DO UPDATE SET entries = c.entries + excluded.entries;
    RETURN NULL;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO credit_public_spans AS c (batch_id, list, category_id, start_day, end_day, entries)
    SELECT batch_id, list, category_id, greatest(decision_date, listed_date), publication_end, -count(*)::int
    FROM old_rows WHERE status = 'public' AND batch_id IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (batch_id, list, category_id, start_day, end_day) DO UPDATE SET entries = c.entries + excluded.entries;
  ELSE
    INSERT INTO credit_public_spans AS c (batch_id, list, category_id, start_day, end_day, entries)
    SELECT d.batch_id, d.list, d.category_id, d.start_day, d.end_day, sum(d.n)::int FROM (
      SELECT batch_id, list, category_id, greatest(decision_date, listed_date) AS start_day, publication_end AS end_day, 1 AS n
      FROM new_rows WHERE status = 'public' AND batch_id IS NOT NULL
      UNION ALL
      SELECT batch_id, list, category_id, greatest(decision_date, listed_date), publication_end, -1
      FROM old_rows WHERE status = 'public' AND batch_id IS NOT NULL
    ) AS d
    GROUP BY 1, 2, 3, 4, 5 HAVING sum(d.n) <> 0 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (batch_id, list, category_id, start_day, end_day) DO UPDATE SET entries = c.entries + excluded.entries;
  END IF;
  DELETE FROM credit_public_spans WHERE entries = 0;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "credit_entries_public_spans_insert" AFTER INSERT ON "credit_entries" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION credit_entries_public_spans_sync();--> statement-breakpoint
CREATE TRIGGER "credit_entries_public_spans_update" AFTER UPDATE ON "credit_entries" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION credit_entries_public_spans_sync();--> statement-breakpoint
CREATE TRIGGER "credit_entries_public_spans_delete" AFTER DELETE ON "credit_entries" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION credit_entries_public_spans_sync();--> statement-breakpoint
CREATE TRIGGER "credit_entries_public_spans_truncate" AFTER TRUNCATE ON "credit_entries" FOR EACH STATEMENT EXECUTE FUNCTION credit_entries_public_spans_sync();--> statement-breakpoint
-- Backfill from the entries there are.
INSERT INTO credit_public_spans (batch_id, list, category_id, start_day, end_day, entries)
SELECT batch_id, list, category_id, greatest(decision_date, listed_date), publication_end, count(*)::int
FROM credit_entries WHERE status = 'public' AND batch_id IS NOT NULL GROUP BY 1, 2, 3, 4, 5;
