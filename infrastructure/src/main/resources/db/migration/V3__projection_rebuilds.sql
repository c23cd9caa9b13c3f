-- One row per projection: the current or last rebuild, visible from every node.
CREATE TABLE projection_rebuild (
    name         TEXT PRIMARY KEY,
    state        TEXT NOT NULL,          -- rebuilding, succeeded, failed
    node         TEXT NOT NULL,
    started_at   TIMESTAMPTZ NOT NULL,
    finished_at  TIMESTAMPTZ,
    events_done  BIGINT NOT NULL,
    events_total BIGINT NOT NULL,
    error        TEXT
);
