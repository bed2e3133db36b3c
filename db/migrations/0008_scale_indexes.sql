CREATE INDEX "good_people_published_idx" ON "good_people" USING btree ("published_at","id");--> statement-breakpoint
CREATE INDEX "good_people_updated_idx" ON "good_people" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "credit_entries_decision_idx" ON "credit_entries" USING btree ("decision_date","id");--> statement-breakpoint
CREATE INDEX "credit_entries_listed_idx" ON "credit_entries" USING btree ("listed_date","id");--> statement-breakpoint
CREATE INDEX "credit_entries_status_idx" ON "credit_entries" USING btree ("status","id");