-- The ledger: one row per event that says who holds what of an account (a disclosure the
-- recipient acknowledged, a deletion asked and its outcome, consent, a post's revisions).
-- A streaming projection, so it can be rebuilt; the as-of answers fold its rows up to T.
CREATE SCHEMA ledger;
CREATE TABLE ledger.fact (
    event_id         TEXT PRIMARY KEY,
    position         BIGINT      NOT NULL,
    account_id       TEXT        NOT NULL,
    kind             TEXT        NOT NULL,
    occurred_at      TIMESTAMPTZ NOT NULL,
    post_id          TEXT,
    copy_id          TEXT,
    destination_kind TEXT,
    destination_key  TEXT,
    platform         TEXT,
    channel          TEXT,
    consent_version  TEXT,
    remote_id        TEXT,
    inbox            TEXT,
    detail           TEXT
);
CREATE INDEX fact_account_time ON ledger.fact (account_id, occurred_at, position);
CREATE INDEX fact_post_time ON ledger.fact (post_id, occurred_at, position) WHERE post_id IS NOT NULL;
CREATE INDEX fact_copy ON ledger.fact (copy_id) WHERE copy_id IS NOT NULL;

-- Reads of an account's privacy record by anyone but the account itself. Not a projection:
-- no event says who read what, so a rebuild must never drop it.
CREATE TABLE privacy.auditor_read (
    read_id    BIGSERIAL PRIMARY KEY,
    read_at    TIMESTAMPTZ NOT NULL,
    reader     TEXT        NOT NULL,
    account_id TEXT        NOT NULL,
    question   TEXT        NOT NULL
);
CREATE INDEX auditor_read_account ON privacy.auditor_read (account_id, read_at);
