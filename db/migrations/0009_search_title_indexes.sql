-- Site search ranks title matches first (issue 8). When a word matches more than COUNT_CAP items, the
-- title matches are found through an index instead of a walk down the date index that may read every row:
-- two-character words through the titles' (good people: names') own bigrams, longer words through
-- trigrams. cjk_bigrams() is IMMUTABLE (migration 0005), so expression indexes need no new column.
CREATE INDEX IF NOT EXISTS "news_articles_title_bigrams_idx" ON "news_articles" USING gin (cjk_bigrams("title"));--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "good_people_name_bigrams_idx" ON "good_people" USING gin (cjk_bigrams("name"));--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "good_people_name_trgm_idx" ON "good_people" USING gin ("name" gin_trgm_ops);
