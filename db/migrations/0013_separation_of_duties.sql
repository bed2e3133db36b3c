ALTER TABLE "good_people" ADD COLUMN "created_by" integer;--> statement-breakpoint
ALTER TABLE "good_people" ADD COLUMN "updated_by" integer;--> statement-breakpoint
ALTER TABLE "good_people_batches" ADD COLUMN "updated_by" integer;--> statement-breakpoint
ALTER TABLE "credit_batches" ADD COLUMN "created_by" integer;--> statement-breakpoint
ALTER TABLE "credit_entries" ADD COLUMN "updated_by" integer;