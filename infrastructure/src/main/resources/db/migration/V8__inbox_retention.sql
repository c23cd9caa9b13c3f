-- A settled inbox activity loses its raw body after weft.federation.inbox.retention and the
-- whole row after weft.federation.inbox.dedupe-window. The two partial indexes find each
-- kind without reading the rows still queued or, for the erasure, those already erased.
-- Building them locks the table against inserts for as long as the build takes (seconds for
-- millions of rows); inbox requests meanwhile wait, and answer once it is done.
ALTER TABLE federation.inbox_activity ALTER COLUMN body DROP NOT NULL;
CREATE INDEX inbox_activity_unerased ON federation.inbox_activity (processed_at)
    WHERE state <> 'RECEIVED' AND body IS NOT NULL;
CREATE INDEX inbox_activity_settled ON federation.inbox_activity (processed_at) WHERE state <> 'RECEIVED';
