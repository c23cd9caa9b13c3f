-- Every claim asks, for each due row, whether its copy has a Delete, whether a Delete's
-- Create is still pending, and whether its server is unavailable. PostgreSQL answers each by
-- hashing the rows that could say yes, once per claim; with only the general indexes that
-- was a scan of the whole outbox and of every known server (13 ms a claim at 10,000
-- servers, half of PostgreSQL's time in a fan-out). These partial indexes hold only those
-- rows: the Deletes, the pending Creates and Updates, the unavailable servers.
CREATE INDEX delivery_recall ON federation.delivery (copy_id) WHERE purpose = 'POST_DELETE';
CREATE INDEX delivery_pending_post ON federation.delivery (copy_id)
    WHERE state = 'pending' AND purpose IN ('POST_CREATE', 'POST_UPDATE');
CREATE INDEX server_unavailable ON federation.server (host) WHERE unavailable_since IS NOT NULL;
