-- Crypto-shredding: one key per data subject, wrapped with the engine's encryption key.
-- A subject is found by a keyed digest of its id; an erased subject keeps a tombstone row
-- (no key, erased_at set) so no fresh key is ever made for it again.
CREATE SCHEMA privacy;
CREATE TABLE privacy.subject_key (
    key_id         TEXT PRIMARY KEY,
    subject_digest TEXT NOT NULL UNIQUE,
    nonce          BYTEA,
    wrapped_key    BYTEA,
    created_at     TIMESTAMPTZ NOT NULL,
    erased_at      TIMESTAMPTZ
);

-- How far LegacyEventSealing got in sealing the events stored before sealing existed.
CREATE TABLE privacy.legacy_sealing (last_global_index BIGINT NOT NULL);
INSERT INTO privacy.legacy_sealing VALUES (-1);
