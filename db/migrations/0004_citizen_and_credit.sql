CREATE TYPE "public"."comment_status" AS ENUM('pending', 'approved', 'rejected', 'hidden');--> statement-breakpoint
CREATE TYPE "public"."recommendation_status" AS ENUM('pending', 'accepted', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."credit_objection_kind" AS ENUM('objection', 'repair');--> statement-breakpoint
CREATE TYPE "public"."credit_objection_status" AS ENUM('submitted', 'verifying', 'passed', 'failed', 'completed');--> statement-breakpoint
CREATE TYPE "public"."private_file_purpose" AS ENUM('recommendation', 'objection');--> statement-breakpoint
CREATE TABLE "good_person_comment_reports" (
	"comment_id" integer NOT NULL,
	"reporter_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "good_person_comments" (
	"id" serial PRIMARY KEY NOT NULL,
	"person_id" integer NOT NULL,
	"nickname" text DEFAULT '网友' NOT NULL,
	"body" text NOT NULL,
	"flagged_words" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" "comment_status" DEFAULT 'pending' NOT NULL,
	"report_count" integer DEFAULT 0 NOT NULL,
	"reject_reason" text,
	"moderated_by" integer,
	"moderated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "good_person_likes" (
	"person_id" integer NOT NULL,
	"day" date NOT NULL,
	"voter_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "good_person_likes_person_id_day_voter_key_pk" PRIMARY KEY("person_id","day","voter_key")
);
--> statement-breakpoint
CREATE TABLE "good_person_recommendations" (
	"id" serial PRIMARY KEY NOT NULL,
	"receipt_no" text NOT NULL,
	"nominee_name" text NOT NULL,
	"region" text NOT NULL,
	"category" "good_person_category" NOT NULL,
	"deed" text NOT NULL,
	"story" text DEFAULT '' NOT NULL,
	"photo_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"recommender_name" text NOT NULL,
	"recommender_phone" text NOT NULL,
	"flagged_words" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" "recommendation_status" DEFAULT 'pending' NOT NULL,
	"reject_reason" text,
	"person_id" integer,
	"handled_by" integer,
	"handled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "good_person_recommendations_receipt_no_unique" UNIQUE("receipt_no")
);
--> statement-breakpoint
CREATE TABLE "credit_entry_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"entry_id" bigint NOT NULL,
	"source" text NOT NULL,
	"objection_id" integer,
	"reason" text,
	"before" jsonb NOT NULL,
	"after" jsonb NOT NULL,
	"actor_id" integer,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credit_objection_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"objection_id" integer NOT NULL,
	"from_status" "credit_objection_status",
	"to_status" "credit_objection_status" NOT NULL,
	"note" text,
	"actor_id" integer,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credit_objections" (
	"id" serial PRIMARY KEY NOT NULL,
	"tracking_no" text NOT NULL,
	"kind" "credit_objection_kind" NOT NULL,
	"entry_id" bigint NOT NULL,
	"applicant_name" text NOT NULL,
	"applicant_phone" text NOT NULL,
	"explanation" text NOT NULL,
	"attachment_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"flagged_words" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" "credit_objection_status" DEFAULT 'submitted' NOT NULL,
	"outcome" text,
	"resolution" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credit_objections_tracking_no_unique" UNIQUE("tracking_no")
);
--> statement-breakpoint
CREATE TABLE "private_files" (
	"id" serial PRIMARY KEY NOT NULL,
	"storage_key" text NOT NULL,
	"purpose" "private_file_purpose" NOT NULL,
	"format" text NOT NULL,
	"original_name" text NOT NULL,
	"bytes" integer NOT NULL,
	"owner_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "private_files_storage_key_unique" UNIQUE("storage_key")
);
--> statement-breakpoint
ALTER TABLE "good_people" ADD COLUMN "view_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "good_people_batches" ADD COLUMN "voting_start" date;--> statement-breakpoint
ALTER TABLE "good_people_batches" ADD COLUMN "voting_end" date;--> statement-breakpoint
ALTER TABLE "good_people_batches" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "credit_batches" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "credit_entries" ADD COLUMN "dedupe_key" text;--> statement-breakpoint
UPDATE "credit_entries" SET "dedupe_key" = 'legacy:' || "id"::text WHERE "dedupe_key" IS NULL;--> statement-breakpoint
ALTER TABLE "credit_entries" ALTER COLUMN "dedupe_key" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "credit_entries" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "good_person_comment_reports" ADD CONSTRAINT "good_person_comment_reports_comment_id_good_person_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."good_person_comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "good_person_comments" ADD CONSTRAINT "good_person_comments_person_id_good_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."good_people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "good_person_likes" ADD CONSTRAINT "good_person_likes_person_id_good_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."good_people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "good_person_recommendations" ADD CONSTRAINT "good_person_recommendations_person_id_good_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."good_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_entry_history" ADD CONSTRAINT "credit_entry_history_entry_id_credit_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."credit_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_objection_events" ADD CONSTRAINT "credit_objection_events_objection_id_credit_objections_id_fk" FOREIGN KEY ("objection_id") REFERENCES "public"."credit_objections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_objections" ADD CONSTRAINT "credit_objections_entry_id_credit_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."credit_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "good_person_comment_reports_key" ON "good_person_comment_reports" USING btree ("comment_id","reporter_key");--> statement-breakpoint
CREATE INDEX "good_person_comments_person_idx" ON "good_person_comments" USING btree ("person_id","status","created_at");--> statement-breakpoint
CREATE INDEX "good_person_comments_status_idx" ON "good_person_comments" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "good_person_recommendations_status_idx" ON "good_person_recommendations" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "credit_entry_history_entry_idx" ON "credit_entry_history" USING btree ("entry_id","at");--> statement-breakpoint
CREATE INDEX "credit_objection_events_idx" ON "credit_objection_events" USING btree ("objection_id","at");--> statement-breakpoint
CREATE INDEX "credit_objections_status_idx" ON "credit_objections" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "credit_objections_entry_idx" ON "credit_objections" USING btree ("entry_id");--> statement-breakpoint
CREATE INDEX "private_files_owner_idx" ON "private_files" USING btree ("purpose","owner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_entries_dedupe_key" ON "credit_entries" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "credit_entries_name_trgm_idx" ON "credit_entries" USING gin ("name" gin_trgm_ops);