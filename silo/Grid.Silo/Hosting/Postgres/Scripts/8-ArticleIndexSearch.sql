-- Grid's PostgreSQL schema, part 8: the article search kept to the searching cluster's rows inside the index, and a
-- small vector to rank by.
--
-- The search's GIN index held the text alone: a search found every cluster's matching rows in it and only then, row by
-- row in the table, dropped the other clusters' (Grid:ClusterId). With btree_gin (a contrib extension shipped with
-- PostgreSQL, trusted: a database owner may create it) the index holds (service_id, search), and a search reads only its
-- own cluster's matches. Where the extension cannot be created the old index stays: searches stay correct, only slower
-- on a database many clusters share.
--
-- search_head is the title and summary part of the vector (weights A and B, made from it by the server): a search by
-- rank scores that, a few hundred bytes kept in the row, instead of unpacking every match's whole vector, which is
-- several KB kept out of line. Safe to run again.
DO $search$
BEGIN
    BEGIN
        CREATE EXTENSION IF NOT EXISTS btree_gin;
    EXCEPTION WHEN OTHERS THEN
        RAISE WARNING 'btree_gin could not be created (%): the article search keeps its text-only index', SQLERRM;
    END;
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'btree_gin') THEN
        CREATE INDEX IF NOT EXISTS grid_article_index_service_search ON grid_article_index USING gin (service_id, search);
        DROP INDEX IF EXISTS grid_article_index_search;
    END IF;
END
$search$;

ALTER TABLE grid_article_index ADD COLUMN IF NOT EXISTS search_head tsvector GENERATED ALWAYS AS (ts_filter(search, '{a,b}')) STORED;
ALTER TABLE grid_article_index ALTER COLUMN search_head SET STORAGE MAIN;
