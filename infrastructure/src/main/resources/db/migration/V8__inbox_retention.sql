-- Settled inbox activities are deleted once older than weft.federation.inbox.retention;
-- this finds them without reading the rows still queued.
CREATE INDEX inbox_activity_settled ON federation.inbox_activity (processed_at) WHERE state <> 'RECEIVED';
