-- Grid's PostgreSQL schema, part 6: the article index of Grid:Storage=Postgres (PostgresArticleIndex), beside the
-- grain state. One row per article: its list line as the JSON the list hands out, the columns the list filters and orders
-- by, and a tsvector of its title (weight A), summary (B) and paragraphs (C). Arabic words reach the vector already
-- normalized by Grid (ArabicSearchNormalizer) through the 'simple' configuration; every other word through 'english'
-- (stemmed). submitted_at is .NET ticks (UTC), the precision a list cursor carries. seq numbers rows as they are first
-- stored: a search by rank pages up to the newest row its first page saw.
CREATE TABLE grid_article_index
(
    id text PRIMARY KEY,
    seq bigint GENERATED ALWAYS AS IDENTITY,
    status smallint NOT NULL,
    submitted_at bigint NOT NULL,
    feed text,
    item text NOT NULL,
    search tsvector NOT NULL DEFAULT ''::tsvector
);

CREATE UNIQUE INDEX grid_article_index_seq ON grid_article_index (seq);
CREATE INDEX grid_article_index_newest ON grid_article_index (submitted_at DESC, id);
CREATE INDEX grid_article_index_status_newest ON grid_article_index (status, submitted_at DESC, id);
CREATE INDEX grid_article_index_feed_newest ON grid_article_index (feed, submitted_at DESC, id) WHERE feed IS NOT NULL;
CREATE INDEX grid_article_index_search ON grid_article_index USING gin (search);

-- Deleted articles, by the submission time of the copy that was deleted: a record made before the deletion (submitted no
-- later) is refused, an article submitted again afterwards is a new one and is listed.
CREATE TABLE grid_article_index_removed
(
    id text PRIMARY KEY,
    submitted_at bigint NOT NULL
);
