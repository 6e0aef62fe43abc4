-- Grid's PostgreSQL schema, part 7: the article index scoped by the cluster's ServiceId (Grid:ClusterId), so that two
-- Grid clusters sharing one database each list and search their own articles only; and a version on each row, so that
-- a record made for an older state of an article (by a silo whose write was slow) never overwrites a newer one (written
-- by the silo that holds the article now): a record replaces a row only when its version is at least the row's.
--
-- Rows from before scoping are one per article id, whichever cluster wrote last. Each becomes the row of every service
-- that keeps the article's grain state (OrleansStorage, state 'article', string key); its version is 0, so that
-- cluster's next record of the article replaces it. A row no service keeps a state for is kept with service_id '' (no
-- cluster lists it). Removal markers are scoped the same way. Safe to run again: it does nothing once scoped.
DO $scope$
BEGIN
    IF EXISTS (SELECT 1 FROM information_schema.columns
               WHERE table_schema = current_schema() AND table_name = 'grid_article_index' AND column_name = 'service_id') THEN
        RETURN;
    END IF;

    ALTER TABLE grid_article_index DROP CONSTRAINT grid_article_index_pkey;
    ALTER TABLE grid_article_index ADD COLUMN service_id varchar(150);
    ALTER TABLE grid_article_index ADD COLUMN version bigint NOT NULL DEFAULT 0;
    INSERT INTO grid_article_index (service_id, id, version, status, submitted_at, feed, item, search)
    SELECT s.serviceid, a.id, 0, a.status, a.submitted_at, a.feed, a.item, a.search
    FROM grid_article_index a
    JOIN (SELECT DISTINCT serviceid, grainidextensionstring FROM OrleansStorage
          WHERE graintypestring = 'article' AND grainidn0 = 0 AND grainidn1 = 0) s ON s.grainidextensionstring = a.id
    WHERE a.service_id IS NULL;
    DELETE FROM grid_article_index a
    WHERE a.service_id IS NULL AND EXISTS (SELECT 1 FROM grid_article_index c WHERE c.id = a.id AND c.service_id IS NOT NULL);
    UPDATE grid_article_index SET service_id = '' WHERE service_id IS NULL;
    ALTER TABLE grid_article_index ALTER COLUMN service_id SET NOT NULL;
    ALTER TABLE grid_article_index ADD PRIMARY KEY (service_id, id);

    DROP INDEX grid_article_index_newest;
    DROP INDEX grid_article_index_status_newest;
    DROP INDEX grid_article_index_feed_newest;
    CREATE INDEX grid_article_index_newest ON grid_article_index (service_id, submitted_at DESC, id);
    CREATE INDEX grid_article_index_status_newest ON grid_article_index (service_id, status, submitted_at DESC, id);
    CREATE INDEX grid_article_index_feed_newest ON grid_article_index (service_id, feed, submitted_at DESC, id) WHERE feed IS NOT NULL;

    ALTER TABLE grid_article_index_removed DROP CONSTRAINT grid_article_index_removed_pkey;
    ALTER TABLE grid_article_index_removed ADD COLUMN service_id varchar(150);
    INSERT INTO grid_article_index_removed (service_id, id, submitted_at)
    SELECT s.serviceid, r.id, r.submitted_at
    FROM grid_article_index_removed r
    JOIN (SELECT DISTINCT serviceid, grainidextensionstring FROM OrleansStorage
          WHERE graintypestring = 'article' AND grainidn0 = 0 AND grainidn1 = 0) s ON s.grainidextensionstring = r.id
    WHERE r.service_id IS NULL;
    DELETE FROM grid_article_index_removed r
    WHERE r.service_id IS NULL AND EXISTS (SELECT 1 FROM grid_article_index_removed c WHERE c.id = r.id AND c.service_id IS NOT NULL);
    UPDATE grid_article_index_removed SET service_id = '' WHERE service_id IS NULL;
    ALTER TABLE grid_article_index_removed ALTER COLUMN service_id SET NOT NULL;
    ALTER TABLE grid_article_index_removed ADD PRIMARY KEY (service_id, id);
END
$scope$;
