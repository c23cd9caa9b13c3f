-- The inbox queue: an activity is stored here, verified and deduplicated, before Weft
-- answers 202; workers then turn it into commands. Its primary key is the dedupe.
CREATE SCHEMA IF NOT EXISTS federation;

CREATE TABLE federation.inbox_activity (
    activity_id          TEXT PRIMARY KEY,
    type                 TEXT NOT NULL,
    actor_id             TEXT NOT NULL,
    actor_host           TEXT NOT NULL,
    object_id            TEXT,
    object_type          TEXT,
    recipient_account_id TEXT,
    key_id               TEXT NOT NULL,
    signature_scheme     TEXT NOT NULL,
    body                 TEXT NOT NULL,
    state                TEXT NOT NULL,
    attempts             INT NOT NULL DEFAULT 0,
    next_attempt_at      TIMESTAMPTZ NOT NULL,
    lease_until          TIMESTAMPTZ,
    received_at          TIMESTAMPTZ NOT NULL,
    processed_at         TIMESTAMPTZ,
    outcome              TEXT
);
CREATE INDEX inbox_activity_due ON federation.inbox_activity (next_attempt_at) WHERE state = 'RECEIVED';
CREATE INDEX inbox_activity_actor ON federation.inbox_activity (actor_id);

-- An Accept or Reject must name the Follow it answers, so the follower row keeps its id.
ALTER TABLE followers.follower ADD COLUMN activity_id TEXT;

-- A remote actor's Delete drops its follows, likes, reposts and replies: found by actor.
CREATE INDEX IF NOT EXISTS follower_actor ON followers.follower (actor_id);
CREATE INDEX IF NOT EXISTS post_like_actor ON sharing_status.post_like (actor_id);
CREATE INDEX IF NOT EXISTS post_repost_actor ON sharing_status.post_repost (actor_id);
CREATE INDEX IF NOT EXISTS post_reply_actor ON sharing_status.post_reply (actor_id);
CREATE INDEX IF NOT EXISTS post_reply_reply ON sharing_status.post_reply (reply_id);

-- The last actor document fetched for each remote actor, so code that must not wait on a
-- remote server (a policy inside a projection batch) still finds inboxes, on any node.
CREATE TABLE federation.remote_actor (
    actor_id   TEXT PRIMARY KEY,
    document   TEXT NOT NULL,
    fetched_at TIMESTAMPTZ NOT NULL
);

-- The recorded recipients of an activity: who a post's Update and Delete go to.
CREATE INDEX delivery_activity ON federation.delivery (activity_id);
