-- Site search (issue 7): Chinese has no word spaces, so search matches substrings. pg_trgm serves
-- fragments of 3+ characters; two-character words (诚信, 文明: the most common queries) produce no
-- trigram from a '%xy%' pattern, so they are served by a GIN index over each text's bigrams.
-- Both functions are IMMUTABLE so that generated columns can call them; they run the same on
-- PostgreSQL and PGlite.

-- Plain text of sanitized article HTML: tags dropped, the entities the sanitizer emits decoded,
-- whitespace collapsed to single spaces (so a search text never contains a newline of its own).
CREATE OR REPLACE FUNCTION search_plain_text(input text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT btrim(regexp_replace(
    replace(replace(replace(replace(replace(replace(
      regexp_replace(input, '<[^>]*>', ' ', 'g'),
      '&nbsp;', ' '), '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&#39;', ''''), '&amp;', '&'),
    '[[:space:]]+', ' ', 'g'))
$$;
--> statement-breakpoint
-- Every overlapping two-character substring of the lower-cased text, deduplicated; pairs with a
-- whitespace character are left out (a search word never contains whitespace). One pass over the
-- characters (unnest + lead), so long article bodies cost O(n log n), not O(n^2) as substr() would.
CREATE OR REPLACE FUNCTION cjk_bigrams(input text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT pair), '{}'::text[])
  FROM (
    SELECT ch || lead(ch) OVER (ORDER BY n) AS pair
    FROM unnest(regexp_split_to_array(regexp_replace(lower(input), '[[:space:]]+', ' ', 'g'), '')) WITH ORDINALITY AS chars(ch, n)
  ) pairs
  WHERE pair IS NOT NULL AND strpos(pair, ' ') = 0
$$;
--> statement-breakpoint
-- A plain-text field on one line: whitespace (newlines too) collapsed to single spaces. Search texts
-- join their fields with a newline, so the fields can be told apart again for snippets.
CREATE OR REPLACE FUNCTION search_line(input text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT btrim(regexp_replace(input, '[[:space:]]+', ' ', 'g'))
$$;
