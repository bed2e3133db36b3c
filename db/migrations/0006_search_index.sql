ALTER TABLE "news_articles" ADD COLUMN "search_text" text GENERATED ALWAYS AS (search_line(title) || chr(10) || search_line(summary) || chr(10) || search_plain_text(body)) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "news_articles" ADD COLUMN "search_bigrams" text[] GENERATED ALWAYS AS (cjk_bigrams(title || ' ' || summary || ' ' || search_plain_text(body))) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "good_people" ADD COLUMN "search_text" text GENERATED ALWAYS AS (search_line(name) || chr(10) || search_line(region || ' ' || coalesce(unit, '')) || chr(10) || search_line(deed) || chr(10) || search_line(story)) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "good_people" ADD COLUMN "search_bigrams" text[] GENERATED ALWAYS AS (cjk_bigrams(name || ' ' || region || ' ' || coalesce(unit, '') || ' ' || deed || ' ' || story)) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "credit_entries" ADD COLUMN "search_bigrams" text[] GENERATED ALWAYS AS (cjk_bigrams(name)) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "news_articles_search_trgm_idx" ON "news_articles" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "news_articles_search_bigrams_idx" ON "news_articles" USING gin ("search_bigrams");--> statement-breakpoint
CREATE INDEX "good_people_search_trgm_idx" ON "good_people" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "good_people_search_bigrams_idx" ON "good_people" USING gin ("search_bigrams");--> statement-breakpoint
CREATE INDEX "credit_entries_search_bigrams_idx" ON "credit_entries" USING gin ("search_bigrams");