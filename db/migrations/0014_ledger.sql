CREATE TYPE "public"."calendar_day_kind" AS ENUM('holiday', 'workday');--> statement-breakpoint
CREATE TYPE "public"."issue_event_kind" AS ENUM('report', 'accept', 'reject', 'duplicate', 'assign', 'return', 'start', 'plan', 'submit', 'close', 'redo', 'rate', 'reopen', 'publish_photo', 'support');--> statement-breakpoint
CREATE TYPE "public"."issue_photo_stage" AS ENUM('before', 'after');--> statement-breakpoint
CREATE TYPE "public"."issue_rating" AS ENUM('满意', '基本满意', '不满意');--> statement-breakpoint
CREATE TYPE "public"."issue_source" AS ENUM('随手拍', '督查', '测评', '12345');--> statement-breakpoint
CREATE TYPE "public"."issue_status" AS ENUM('pending', 'accepted', 'rejected', 'duplicate', 'assigned', 'fixing', 'planned', 'verifying', 'closed');--> statement-breakpoint
CREATE TYPE "public"."unit_kind" AS ENUM('市直部门', '街道/乡镇', '社区/村', '包联单位');--> statement-breakpoint
ALTER TYPE "public"."user_role" ADD VALUE 'unit';--> statement-breakpoint
ALTER TYPE "public"."private_file_purpose" ADD VALUE 'issue';--> statement-breakpoint
CREATE TABLE "issue_categories" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"default_unit_id" integer,
	"deadline_days" smallint NOT NULL,
	"urgent_hours" smallint NOT NULL,
	"photos_public" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "issue_categories_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "issue_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"issue_id" bigint NOT NULL,
	"kind" "issue_event_kind" NOT NULL,
	"from_status" "issue_status",
	"to_status" "issue_status",
	"actor_user_id" integer,
	"actor_unit_id" integer,
	"public_note" text,
	"internal_note" text,
	"reporter_note" text,
	"repeated_note" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "issue_photos" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"issue_id" bigint NOT NULL,
	"stage" "issue_photo_stage" NOT NULL,
	"private_file_id" integer NOT NULL,
	"public_media_key" text,
	"dhash" text,
	"duplicate_of_photo_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "issue_supports" (
	"issue_id" bigint NOT NULL,
	"visitor_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "issue_supports_issue_id_visitor_id_pk" PRIMARY KEY("issue_id","visitor_id")
);
--> statement-breakpoint
CREATE TABLE "issues" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"no" text NOT NULL,
	"source" "issue_source" NOT NULL,
	"category_id" integer NOT NULL,
	"description" text NOT NULL,
	"address" text NOT NULL,
	"area" text DEFAULT '' NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"public_lat" double precision,
	"public_lng" double precision,
	"reporter_name" text,
	"reporter_name_public" boolean DEFAULT false NOT NULL,
	"reporter_phone" text,
	"visitor_id" text,
	"flagged_words" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" "issue_status" DEFAULT 'pending' NOT NULL,
	"unit_id" integer,
	"urgent" boolean DEFAULT false NOT NULL,
	"assigned_at" timestamp with time zone,
	"deadline_at" timestamp with time zone,
	"planned_date" date,
	"submitted_at" timestamp with time zone,
	"return_count" smallint DEFAULT 0 NOT NULL,
	"reopen_count" smallint DEFAULT 0 NOT NULL,
	"closed_at" timestamp with time zone,
	"rating" "issue_rating",
	"rating_comment" text,
	"rated_at" timestamp with time zone,
	"duplicate_of_id" bigint,
	"supports" integer DEFAULT 0 NOT NULL,
	"document_no" text,
	"created_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_text" text GENERATED ALWAYS AS (address || ' ' || description) STORED NOT NULL,
	"search_bigrams" text[] GENERATED ALWAYS AS (cjk_bigrams(address || ' ' || description)) STORED NOT NULL,
	CONSTRAINT "issues_no_unique" UNIQUE("no")
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" "unit_kind" NOT NULL,
	"parent_id" integer,
	"areas" text[] DEFAULT '{}'::text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "units_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "work_calendar_days" (
	"date" date PRIMARY KEY NOT NULL,
	"kind" "calendar_day_kind" NOT NULL,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "unit_id" integer;--> statement-breakpoint
ALTER TABLE "issue_categories" ADD CONSTRAINT "issue_categories_default_unit_id_units_id_fk" FOREIGN KEY ("default_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issue_events" ADD CONSTRAINT "issue_events_issue_id_issues_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."issues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issue_events" ADD CONSTRAINT "issue_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issue_events" ADD CONSTRAINT "issue_events_actor_unit_id_units_id_fk" FOREIGN KEY ("actor_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issue_photos" ADD CONSTRAINT "issue_photos_issue_id_issues_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."issues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issue_photos" ADD CONSTRAINT "issue_photos_private_file_id_private_files_id_fk" FOREIGN KEY ("private_file_id") REFERENCES "public"."private_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issue_supports" ADD CONSTRAINT "issue_supports_issue_id_issues_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."issues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issues" ADD CONSTRAINT "issues_category_id_issue_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."issue_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issues" ADD CONSTRAINT "issues_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issues" ADD CONSTRAINT "issues_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "issue_events_issue_idx" ON "issue_events" USING btree ("issue_id","created_at");--> statement-breakpoint
CREATE INDEX "issue_events_unit_idx" ON "issue_events" USING btree ("actor_unit_id","kind","created_at");--> statement-breakpoint
CREATE INDEX "issue_photos_issue_idx" ON "issue_photos" USING btree ("issue_id","stage");--> statement-breakpoint
CREATE INDEX "issue_photos_dhash_idx" ON "issue_photos" USING btree ("dhash");--> statement-breakpoint
CREATE INDEX "issues_status_created_idx" ON "issues" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "issues_created_idx" ON "issues" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "issues_category_idx" ON "issues" USING btree ("category_id","created_at");--> statement-breakpoint
CREATE INDEX "issues_unit_idx" ON "issues" USING btree ("unit_id","status","created_at");--> statement-breakpoint
CREATE INDEX "issues_area_idx" ON "issues" USING btree ("area","created_at");--> statement-breakpoint
CREATE INDEX "issues_deadline_idx" ON "issues" USING btree ("status","deadline_at");--> statement-breakpoint
CREATE INDEX "issues_similar_idx" ON "issues" USING btree ("category_id","area","status");--> statement-breakpoint
CREATE INDEX "issues_search_trgm_idx" ON "issues" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "issues_search_bigrams_idx" ON "issues" USING gin ("search_bigrams");--> statement-breakpoint
CREATE INDEX "issues_address_trgm_idx" ON "issues" USING gin ("address" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "issues_address_bigrams_idx" ON "issues" USING gin (cjk_bigrams("address"));--> statement-breakpoint
CREATE INDEX "units_parent_idx" ON "units" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "units_areas_idx" ON "units" USING gin ("areas");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_unit_role" CHECK (("users"."role"::text = 'unit') = ("users"."unit_id" is not null));