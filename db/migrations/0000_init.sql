CREATE TYPE "public"."content_status" AS ENUM('draft', 'pending', 'published', 'rejected', 'offline');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('admin', 'reviewer', 'editor');--> statement-breakpoint
CREATE TYPE "public"."gender" AS ENUM('男', '女');--> statement-breakpoint
CREATE TYPE "public"."good_person_category" AS ENUM('助人为乐', '见义勇为', '诚实守信', '敬业奉献', '孝老爱亲');--> statement-breakpoint
CREATE TYPE "public"."good_person_level" AS ENUM('身边好人', '市级好人', '道德模范');--> statement-breakpoint
CREATE TYPE "public"."credit_entry_status" AS ENUM('public', 'removed', 'revoked');--> statement-breakpoint
CREATE TYPE "public"."credit_list" AS ENUM('red', 'black');--> statement-breakpoint
CREATE TYPE "public"."credit_name_masking" AS ENUM('masked', 'full');--> statement-breakpoint
CREATE TYPE "public"."credit_subject_kind" AS ENUM('法人企业', '个体工商户', '自然人', '机关事业单位/社会组织');--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" "user_role" NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"session_version" integer DEFAULT 1 NOT NULL,
	"password_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" integer,
	"actor_name" text NOT NULL,
	"ip" text,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "site_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "news_articles" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text,
	"channel_id" integer NOT NULL,
	"title" text NOT NULL,
	"subtitle" text,
	"summary" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"cover_image" text,
	"cover_alt" text,
	"source" text DEFAULT '' NOT NULL,
	"author" text DEFAULT '' NOT NULL,
	"editor_name" text DEFAULT '' NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" "content_status" DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"pinned" boolean DEFAULT false NOT NULL,
	"view_count" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "news_channels" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "news_channels_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "good_people" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"photo" text,
	"photo_alt" text,
	"gender" "gender",
	"birth_year" smallint,
	"region" text NOT NULL,
	"unit" text,
	"category" "good_person_category" NOT NULL,
	"level" "good_person_level" NOT NULL,
	"batch_id" integer,
	"term" smallint,
	"deed" text NOT NULL,
	"story" text DEFAULT '' NOT NULL,
	"honors" text DEFAULT '' NOT NULL,
	"like_count" integer DEFAULT 0 NOT NULL,
	"status" "content_status" DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "good_people_batches" (
	"id" serial PRIMARY KEY NOT NULL,
	"month" text NOT NULL,
	"title" text NOT NULL,
	"status" "content_status" DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "good_people_batches_month_unique" UNIQUE("month")
);
--> statement-breakpoint
CREATE TABLE "credit_batches" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"status" "content_status" DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credit_batches_title_unique" UNIQUE("title")
);
--> statement-breakpoint
CREATE TABLE "credit_categories" (
	"id" serial PRIMARY KEY NOT NULL,
	"list" "credit_list" NOT NULL,
	"name" text NOT NULL,
	"period_months" smallint NOT NULL,
	"person_name_masking" "credit_name_masking" DEFAULT 'masked' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "credit_categories_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "credit_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"list" "credit_list" NOT NULL,
	"category_id" integer NOT NULL,
	"subject_kind" "credit_subject_kind" NOT NULL,
	"name" text NOT NULL,
	"credit_code" text,
	"legal_rep" text,
	"id_number" text,
	"id_number_masked" text,
	"reason" text NOT NULL,
	"amount" numeric(16, 2),
	"authority" text NOT NULL,
	"basis_doc" text DEFAULT '' NOT NULL,
	"decision_date" date NOT NULL,
	"listed_date" date NOT NULL,
	"publication_end" date NOT NULL,
	"publication_end_reason" text,
	"status" "credit_entry_status" DEFAULT 'public' NOT NULL,
	"status_reason" text,
	"status_changed_at" timestamp with time zone,
	"batch_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "news_articles" ADD CONSTRAINT "news_articles_channel_id_news_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."news_channels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_articles" ADD CONSTRAINT "news_articles_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "good_people" ADD CONSTRAINT "good_people_batch_id_good_people_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."good_people_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_entries" ADD CONSTRAINT "credit_entries_category_id_credit_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."credit_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_entries" ADD CONSTRAINT "credit_entries_batch_id_credit_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."credit_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "news_articles_slug_idx" ON "news_articles" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "news_articles_public_idx" ON "news_articles" USING btree ("status","published_at");--> statement-breakpoint
CREATE INDEX "news_articles_channel_idx" ON "news_articles" USING btree ("channel_id","status","published_at");--> statement-breakpoint
CREATE INDEX "news_articles_tags_idx" ON "news_articles" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "good_people_batch_idx" ON "good_people" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "good_people_public_idx" ON "good_people" USING btree ("status","level","category");--> statement-breakpoint
CREATE INDEX "credit_entries_public_idx" ON "credit_entries" USING btree ("list","category_id","publication_end");--> statement-breakpoint
CREATE INDEX "credit_entries_code_idx" ON "credit_entries" USING btree ("credit_code");--> statement-breakpoint
CREATE INDEX "credit_entries_batch_idx" ON "credit_entries" USING btree ("batch_id");