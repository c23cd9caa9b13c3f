-- Read models. Each projection owns one schema, so a rebuild can fill a twin schema
-- (CREATE TABLE ... LIKE ... INCLUDING ALL) and swap it in with two renames.
-- Positions come from each event's own timestamp and id (JdbcProjection.position), so a
-- rebuild numbers every row exactly as the live processor did.
-- No serial columns here: a twin table would share the live table's sequence.

-- Write-side lookups, kept in the command's transaction.
CREATE SCHEMA registry;
CREATE TABLE registry.handle_claim (
    handle      TEXT PRIMARY KEY,
    account_id  TEXT NOT NULL
);

CREATE SCHEMA vault;
CREATE TABLE vault.link_credential (
    link_id     TEXT PRIMARY KEY,
    account_id  TEXT NOT NULL,
    key_id      TEXT NOT NULL,
    nonce       BYTEA NOT NULL,
    ciphertext  BYTEA NOT NULL,
    stored_at   TIMESTAMPTZ NOT NULL
);

CREATE SCHEMA directory;
CREATE TABLE directory.account (
    account_id              TEXT PRIMARY KEY,
    handle                  TEXT NOT NULL,
    display_name            TEXT NOT NULL,
    public_profile          BOOLEAN NOT NULL,
    country                 TEXT NOT NULL,
    birth_date              DATE,        -- cleared when the account is deleted
    sharing_consent_version TEXT,
    created_at              TIMESTAMPTZ NOT NULL,
    deleted_at              TIMESTAMPTZ
);
CREATE TABLE directory.credential (
    credential_hash TEXT PRIMARY KEY,
    account_id      TEXT NOT NULL
);
CREATE INDEX credential_account ON directory.credential (account_id);
CREATE TABLE directory.link (
    link_id               TEXT PRIMARY KEY,
    account_id            TEXT NOT NULL,
    platform              TEXT NOT NULL,
    external_account_id   TEXT NOT NULL,
    instance_url          TEXT,
    cross_post_by_default BOOLEAN NOT NULL,
    linked_at             TIMESTAMPTZ NOT NULL
);
CREATE INDEX link_account ON directory.link (account_id);

-- Projection: timelines
CREATE SCHEMA timelines;
CREATE TABLE timelines.post (
    post_id             TEXT PRIMARY KEY,
    account_id          TEXT NOT NULL,
    position            BIGINT NOT NULL,
    text                TEXT NOT NULL,
    content_warning     TEXT,
    language            TEXT,
    visibility          TEXT NOT NULL,
    shared_to_fediverse BOOLEAN NOT NULL,
    published_at        TIMESTAMPTZ NOT NULL,
    edited_at           TIMESTAMPTZ,
    deleted_at          TIMESTAMPTZ
);
CREATE INDEX post_account_position ON timelines.post (account_id, position DESC);
CREATE TABLE timelines.remote_post (
    remote_post_id  TEXT PRIMARY KEY,
    object_id       TEXT NOT NULL,
    actor_id        TEXT NOT NULL,
    position        BIGINT NOT NULL,
    text            TEXT NOT NULL,
    content_warning TEXT,
    url             TEXT,
    published_at    TIMESTAMPTZ NOT NULL,
    deleted_at      TIMESTAMPTZ
);
CREATE INDEX remote_post_actor_position ON timelines.remote_post (actor_id, position DESC);

-- Projection: followers (who follows our accounts, and whom they follow)
CREATE SCHEMA followers;
CREATE TABLE followers.follower (
    follow_id    TEXT PRIMARY KEY,
    account_id   TEXT NOT NULL,
    actor_id     TEXT NOT NULL,
    host         TEXT NOT NULL,
    inbox        TEXT,
    shared_inbox TEXT,
    state        TEXT NOT NULL,
    position     BIGINT NOT NULL,
    requested_at TIMESTAMPTZ NOT NULL,
    accepted_at  TIMESTAMPTZ
);
CREATE INDEX follower_account_state_position ON followers.follower (account_id, state, position DESC);
CREATE INDEX follower_account_state_host ON followers.follower (account_id, state, host);
CREATE TABLE followers.follower_count (
    account_id TEXT PRIMARY KEY,
    accepted   BIGINT NOT NULL
);
CREATE TABLE followers.following (
    following_id TEXT PRIMARY KEY,
    account_id   TEXT NOT NULL,
    actor_id     TEXT NOT NULL,
    host         TEXT NOT NULL,
    inbox        TEXT,
    state        TEXT NOT NULL,
    position     BIGINT NOT NULL,
    requested_at TIMESTAMPTZ NOT NULL,
    accepted_at  TIMESTAMPTZ
);
CREATE INDEX following_account_position ON followers.following (account_id, position DESC);
CREATE INDEX following_actor_state ON followers.following (actor_id, state);

-- Projection: sharing_status (per-post copies, deletion state and engagement)
CREATE SCHEMA sharing_status;
CREATE TABLE sharing_status.post (
    post_id             TEXT PRIMARY KEY,
    account_id          TEXT NOT NULL,
    shared_to_fediverse BOOLEAN NOT NULL,
    deleted             BOOLEAN NOT NULL,
    like_count          BIGINT NOT NULL,
    reply_count         BIGINT NOT NULL,
    repost_count        BIGINT NOT NULL
);
CREATE TABLE sharing_status.copy (
    copy_id               TEXT PRIMARY KEY,
    post_id               TEXT NOT NULL,
    account_id            TEXT NOT NULL,
    kind                  TEXT NOT NULL,
    destination           TEXT NOT NULL,
    platform              TEXT,
    consent_version       TEXT,
    state                 TEXT NOT NULL,
    attempts              INT NOT NULL,
    last_http_status      INT,
    last_attempt_at       TIMESTAMPTZ,
    next_attempt_at       TIMESTAMPTZ,
    remote_id             TEXT,
    remote_url            TEXT,
    error                 TEXT,
    scheduled_at          TIMESTAMPTZ NOT NULL,
    deletion_state        TEXT,
    deletion_reason       TEXT,
    deletion_requested_at TIMESTAMPTZ,
    deletion_delivered_at TIMESTAMPTZ,
    position              BIGINT NOT NULL
);
CREATE INDEX copy_post ON sharing_status.copy (post_id);
CREATE INDEX copy_account_kind ON sharing_status.copy (account_id, kind);
CREATE TABLE sharing_status.post_like (
    post_id     TEXT NOT NULL,
    actor_id    TEXT NOT NULL,
    activity_id TEXT NOT NULL,
    liked_at    TIMESTAMPTZ NOT NULL,
    position    BIGINT NOT NULL,
    PRIMARY KEY (post_id, actor_id)
);
CREATE TABLE sharing_status.post_reply (
    post_id    TEXT NOT NULL,
    reply_id   TEXT NOT NULL,
    actor_id   TEXT NOT NULL,
    text       TEXT,
    replied_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (post_id, reply_id)
);
CREATE TABLE sharing_status.post_repost (
    post_id     TEXT NOT NULL,
    actor_id    TEXT NOT NULL,
    activity_id TEXT NOT NULL,
    reposted_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (post_id, actor_id)
);

-- Projection: deletion_requests (per-account log of every deletion asked of a destination)
CREATE SCHEMA deletion_requests;
CREATE TABLE deletion_requests.request (
    copy_id        TEXT PRIMARY KEY,
    account_id     TEXT NOT NULL,
    post_id        TEXT NOT NULL,
    kind           TEXT NOT NULL,
    destination    TEXT NOT NULL,
    platform       TEXT,
    reason         TEXT NOT NULL,
    requested_at   TIMESTAMPTZ NOT NULL,
    outcome        TEXT NOT NULL,
    outcome_reason TEXT,
    outcome_at     TIMESTAMPTZ,
    position       BIGINT NOT NULL
);
CREATE INDEX request_account_position ON deletion_requests.request (account_id, position);

-- Projection: audit (the data-sharing trail; append-only, one row per disclosed fact)
CREATE SCHEMA audit;
CREATE TABLE audit.entry (
    event_id    TEXT PRIMARY KEY,        -- one entry per event; a redelivered event adds nothing
    position    BIGINT NOT NULL,
    account_id  TEXT NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    kind        TEXT NOT NULL,
    subject     TEXT,
    recipient   TEXT,
    consent     TEXT,
    detail      TEXT
);
CREATE INDEX entry_account_position ON audit.entry (account_id, position, event_id);
