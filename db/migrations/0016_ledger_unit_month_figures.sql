CREATE TABLE "unit_month_figures" (
	"unit_id" integer NOT NULL,
	"month" date NOT NULL,
	"assigned" integer DEFAULT 0 NOT NULL,
	"closed" integer DEFAULT 0 NOT NULL,
	"on_time" integer DEFAULT 0 NOT NULL,
	"reopened" integer DEFAULT 0 NOT NULL,
	"reopen_base" integer DEFAULT 0 NOT NULL,
	"rated" integer DEFAULT 0 NOT NULL,
	"satisfied" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "unit_month_figures_unit_id_month_pk" PRIMARY KEY("unit_id","month")
);
--> statement-breakpoint
ALTER TABLE "unit_month_figures" ADD CONSTRAINT "unit_month_figures_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "issues_open_status_idx" ON "issues" USING btree ("status","unit_id","unit_assigned_at","deadline_at","planned_date","submitted_at","category_id","area","created_at") WHERE "issues"."status" in ('assigned', 'fixing', 'planned', 'verifying');--> statement-breakpoint
CREATE INDEX "issues_unit_durations_idx" ON "issues" USING btree ("unit_id",(date_trunc('milliseconds', "closed_at" at time zone 'UTC') - date_trunc('milliseconds', "unit_assigned_at" at time zone 'UTC')),"unit_assigned_at","closed_at") WHERE "issues"."status" = 'closed' and "issues"."closed_at" is not null and "issues"."unit_assigned_at" is not null;--> statement-breakpoint
-- Recounts unit_month_figures for the given (unit, month) keys from the items (issues_unit_figures_idx):
-- the one definition of the stored counts, shared by the trigger below, the backfill and the scale seed.
-- The counts are those of db/queries/ledger/unit-figures.ts before this table (and lib/unit-stats
-- unitCounts): the public items first assigned to the unit within the city month.
CREATE FUNCTION "unit_month_figures_refresh"("p_units" integer[], "p_months" date[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality(p_units), 0) = 0 THEN
    RETURN;
  END IF;
  -- Each key's row is locked first (created when missing), in one order. A concurrent writer of the same
  -- unit's month waits here until the other commits; the recount below is a new statement, so under READ
  -- COMMITTED its snapshot includes that commit: neither writer's change is lost.
  INSERT INTO unit_month_figures (unit_id, month)
    SELECT DISTINCT k.u, k.m FROM unnest(p_units, p_months) AS k(u, m) ORDER BY 1, 2
    ON CONFLICT DO NOTHING;
  PERFORM 1 FROM unit_month_figures f
    WHERE (f.unit_id, f.month) IN (SELECT k.u, k.m FROM unnest(p_units, p_months) AS k(u, m))
    ORDER BY f.unit_id, f.month FOR UPDATE;
  UPDATE unit_month_figures f
    SET assigned = c.assigned, closed = c.closed, on_time = c.on_time, reopened = c.reopened,
        reopen_base = c.reopen_base, rated = c.rated, satisfied = c.satisfied
    FROM (
      SELECT k.u, k.m,
        count(i.unit_assigned_at)::int AS assigned,
        count(*) FILTER (WHERE i.status = 'closed' AND i.closed_at IS NOT NULL)::int AS closed,
        -- On time: closed, and neither the last submission nor (without one) the closure after the deadline
        -- in force (the planned day's end, else the assignment's deadline), at whole milliseconds.
        count(*) FILTER (WHERE i.status = 'closed' AND i.closed_at IS NOT NULL
          AND (date_trunc('milliseconds', coalesce(i.submitted_at, i.closed_at))
               > coalesce(((i.planned_date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai' - interval '1 millisecond'), date_trunc('milliseconds', i.deadline_at))) IS NOT TRUE)::int AS on_time,
        count(*) FILTER (WHERE i.reopen_count > 0)::int AS reopened,
        count(*) FILTER (WHERE i.reopen_count > 0 OR (i.status = 'closed' AND i.closed_at IS NOT NULL))::int AS reopen_base,
        count(i.rating)::int AS rated,
        count(*) FILTER (WHERE i.rating IN ('满意', '基本满意'))::int AS satisfied
      FROM (SELECT DISTINCT k.u, k.m FROM unnest(p_units, p_months) AS k(u, m)) AS k
      LEFT JOIN issues i ON i.unit_id = k.u
        AND i.unit_assigned_at >= (k.m::timestamp AT TIME ZONE 'Asia/Shanghai')
        AND i.unit_assigned_at < ((k.m + interval '1 month') AT TIME ZONE 'Asia/Shanghai')
        AND i.status IN ('accepted', 'assigned', 'fixing', 'planned', 'verifying', 'closed')
      GROUP BY k.u, k.m
    ) AS c
    WHERE f.unit_id = c.u AND f.month = c.m;
  DELETE FROM unit_month_figures f
    WHERE f.assigned = 0 AND (f.unit_id, f.month) IN (SELECT k.u, k.m FROM unnest(p_units, p_months) AS k(u, m));
END
$$;--> statement-breakpoint
-- Every key from scratch (the backfill below, and the scale seed after its load with the triggers off).
CREATE FUNCTION "unit_month_figures_rebuild"() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  keys_u integer[];
  keys_m date[];
BEGIN
  DELETE FROM unit_month_figures;
  SELECT array_agg(k.u), array_agg(k.m) INTO keys_u, keys_m FROM (
    SELECT DISTINCT unit_id AS u, date_trunc('month', unit_assigned_at AT TIME ZONE 'Asia/Shanghai')::date AS m
    FROM issues WHERE unit_id IS NOT NULL AND unit_assigned_at IS NOT NULL) AS k;
  PERFORM unit_month_figures_refresh(keys_u, keys_m);
END
$$;--> statement-breakpoint
-- The trigger: after each statement on issues, the (unit, month) keys of the rows it inserted or deleted,
-- and of both the old and the new version of the rows whose counted columns it changed, are recounted.
-- Statement-level with transition tables: a bulk statement recounts each key once.
CREATE FUNCTION "issues_unit_month_figures_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  keys_u integer[];
  keys_m date[];
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM unit_month_figures;
    RETURN NULL;
  ELSIF TG_OP = 'INSERT' THEN
    SELECT array_agg(k.u), array_agg(k.m) INTO keys_u, keys_m FROM (
      SELECT DISTINCT unit_id AS u, date_trunc('month', unit_assigned_at AT TIME ZONE 'Asia/Shanghai')::date AS m
      FROM new_rows WHERE unit_id IS NOT NULL AND unit_assigned_at IS NOT NULL) AS k;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(k.u), array_agg(k.m) INTO keys_u, keys_m FROM (
      SELECT DISTINCT unit_id AS u, date_trunc('month', unit_assigned_at AT TIME ZONE 'Asia/Shanghai')::date AS m
      FROM old_rows WHERE unit_id IS NOT NULL AND unit_assigned_at IS NOT NULL) AS k;
  ELSE
    SELECT array_agg(k.u), array_agg(k.m) INTO keys_u, keys_m FROM (
      SELECT DISTINCT v.u, date_trunc('month', v.a AT TIME ZONE 'Asia/Shanghai')::date AS m
      FROM old_rows o JOIN new_rows n ON n.id = o.id
      CROSS JOIN LATERAL (VALUES (o.unit_id, o.unit_assigned_at), (n.unit_id, n.unit_assigned_at)) AS v(u, a)
      WHERE v.u IS NOT NULL AND v.a IS NOT NULL
        AND (o.unit_id, o.unit_assigned_at, o.status, o.closed_at, o.submitted_at, o.deadline_at, o.planned_date, o.reopen_count, o.rating)
            IS DISTINCT FROM (n.unit_id, n.unit_assigned_at, n.status, n.closed_at, n.submitted_at, n.deadline_at, n.planned_date, n.reopen_count, n.rating)) AS k;
  END IF;
  PERFORM unit_month_figures_refresh(keys_u, keys_m);
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "issues_unit_month_figures_insert" AFTER INSERT ON "issues" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION issues_unit_month_figures_sync();--> statement-breakpoint
CREATE TRIGGER "issues_unit_month_figures_update" AFTER UPDATE ON "issues" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION issues_unit_month_figures_sync();--> statement-breakpoint
CREATE TRIGGER "issues_unit_month_figures_delete" AFTER DELETE ON "issues" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION issues_unit_month_figures_sync();--> statement-breakpoint
CREATE TRIGGER "issues_unit_month_figures_truncate" AFTER TRUNCATE ON "issues" FOR EACH STATEMENT EXECUTE FUNCTION issues_unit_month_figures_sync();--> statement-breakpoint
-- Backfill from the items there are.
SELECT unit_month_figures_rebuild();
--> statement-breakpoint
-- Statistics for the new table and the expression index (PGlite has no autovacuum to gather them).
ANALYZE "unit_month_figures";--> statement-breakpoint
ANALYZE "issues";
