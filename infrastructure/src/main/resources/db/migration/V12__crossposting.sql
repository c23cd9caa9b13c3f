-- Cross-posting: copies to linked accounts really go out.

-- The queue workers drain. One row per copy: it is published part by part, then, if asked,
-- deleted. It keeps the link's coordinates so a copy can be deleted after its link went, and
-- the post's text only until the copy is published or recalled.
CREATE SCHEMA crossposting;
CREATE TABLE crossposting.job (
    copy_id             TEXT PRIMARY KEY,
    account_id          TEXT NOT NULL,
    post_id             TEXT NOT NULL,
    link_id             TEXT NOT NULL,
    platform            TEXT NOT NULL,
    instance_url        TEXT,
    remote_account_id   TEXT,
    external_account_id TEXT,
    text                TEXT,
    content_warning     TEXT,
    language            TEXT,
    original_url        TEXT,
    visibility          TEXT NOT NULL,
    published_at        TIMESTAMPTZ NOT NULL,
    -- pending, held, published, failed, withdrawn, deleted, already_gone, nothing_to_delete, deletion_failed
    state               TEXT NOT NULL,
    parts_json          TEXT,
    spoiler_text        TEXT,
    next_part           INT NOT NULL DEFAULT 1,
    checkpoint          TEXT,
    in_flight_part      INT,
    in_flight_since     TIMESTAMPTZ,
    failures            INT NOT NULL DEFAULT 0,
    first_failure_at    TIMESTAMPTZ,
    next_attempt_at     TIMESTAMPTZ NOT NULL,
    lease_until         TIMESTAMPTZ,
    leased_by           TEXT,
    last_error          TEXT,
    deletion_reason     TEXT,
    created_at          TIMESTAMPTZ NOT NULL,
    settled_at          TIMESTAMPTZ
);
CREATE INDEX job_due ON crossposting.job (next_attempt_at) WHERE state = 'pending';
CREATE INDEX job_link ON crossposting.job (link_id);
CREATE INDEX job_post ON crossposting.job (post_id);

-- Each part the platform confirmed, with what deletes it and what replies point at.
CREATE TABLE crossposting.part (
    copy_id      TEXT NOT NULL,
    part         INT NOT NULL,
    remote_id    TEXT NOT NULL,
    remote_url   TEXT,
    cid          TEXT,
    published_at TIMESTAMPTZ NOT NULL,
    removed_at   TIMESTAMPTZ,
    PRIMARY KEY (copy_id, part)
);

-- A link's secret is now a small encrypted JSON document (token, refresh token, expiry, or
-- a Bluesky app password). Rows written before hold a bare access token: 'token'.
ALTER TABLE vault.link_credential ADD COLUMN secret_format TEXT NOT NULL DEFAULT 'token';
-- Not secret, so in clear: when the token runs out, for the renewal job.
ALTER TABLE vault.link_credential ADD COLUMN expires_at TIMESTAMPTZ;
-- Set when the link or account went but copies there are still to be deleted with it.
ALTER TABLE vault.link_credential ADD COLUMN retired_at TIMESTAMPTZ;

ALTER TABLE directory.link ADD COLUMN remote_account_id TEXT;
ALTER TABLE directory.link ADD COLUMN remote_name TEXT;
ALTER TABLE directory.link ADD COLUMN overflow TEXT NOT NULL DEFAULT 'refuse';
ALTER TABLE directory.link ADD COLUMN needs_reauthorization_at TIMESTAMPTZ;
ALTER TABLE directory.link ADD COLUMN reauthorization_reason TEXT;

ALTER TABLE sharing_status.copy ADD COLUMN parts INT;
ALTER TABLE sharing_status.copy ADD COLUMN confirmed_at TIMESTAMPTZ;
ALTER TABLE sharing_status.copy ADD COLUMN deletion_detail TEXT;
ALTER TABLE sharing_status.copy ADD COLUMN deletion_ended_at TIMESTAMPTZ;
CREATE INDEX copy_account_kind_state ON sharing_status.copy (account_id, kind, state, position DESC);
CREATE TABLE sharing_status.copy_part (
    copy_id      TEXT NOT NULL,
    part         INT NOT NULL,
    remote_id    TEXT NOT NULL,
    remote_url   TEXT,
    published_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (copy_id, part)
);

-- Copies to linked accounts scheduled before any connector existed sat 'pending' with
-- nothing to send them. They are queued now, as the promise to send them was made. Those
-- whose deletion was asked meanwhile are queued for deletion, which finds nothing published
-- and says so.
INSERT INTO crossposting.job (copy_id, account_id, post_id, link_id, platform, instance_url,
                              external_account_id, text, content_warning, language, visibility, published_at,
                              state, next_attempt_at, deletion_reason, created_at)
SELECT c.copy_id, c.account_id, c.post_id, c.destination, c.platform, l.instance_url, l.external_account_id,
       CASE WHEN c.deletion_state IS NULL THEN p.text END,
       CASE WHEN c.deletion_state IS NULL THEN p.content_warning END,
       p.language, p.visibility, p.published_at, 'pending', now(), c.deletion_reason, now()
FROM sharing_status.copy c
JOIN timelines.post p ON p.post_id = c.post_id
LEFT JOIN directory.link l ON l.link_id = c.destination
WHERE c.kind = 'LINKED_ACCOUNT' AND c.state = 'PENDING'
  AND (c.deletion_state IS NULL OR c.deletion_state = 'REQUESTED');
