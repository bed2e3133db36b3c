ALTER TABLE "issues" ADD COLUMN "unit_assigned_at" timestamp with time zone;--> statement-breakpoint
-- Backfill: the first 'assign' event of each item to the unit that holds it now (unit figures count from it).
UPDATE "issues" SET "unit_assigned_at" = "first_assign"."at"
FROM (SELECT "issue_id", "actor_unit_id", min("created_at") AS "at" FROM "issue_events" WHERE "kind" = 'assign' GROUP BY "issue_id", "actor_unit_id") AS "first_assign"
WHERE "first_assign"."issue_id" = "issues"."id" AND "first_assign"."actor_unit_id" = "issues"."unit_id";--> statement-breakpoint
CREATE INDEX "issues_unit_figures_idx" ON "issues" USING btree ("unit_id","unit_assigned_at","status","closed_at","submitted_at","deadline_at","planned_date","reopen_count","rating") WHERE "issues"."unit_assigned_at" is not null;--> statement-breakpoint
CREATE INDEX "issues_area_status_idx" ON "issues" USING btree ("area","status");--> statement-breakpoint
CREATE INDEX "issues_open_idx" ON "issues" USING btree ("created_at","id","status","deadline_at","planned_date","submitted_at","unit_id","category_id","area") WHERE "issues"."status" in ('assigned', 'fixing', 'planned', 'verifying');