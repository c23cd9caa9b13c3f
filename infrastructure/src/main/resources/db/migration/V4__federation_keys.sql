-- Key pairs of local actors: one row per account that federates, and 'instance' for the
-- server's own actor. Public keys are in clear (they are published in the actor document);
-- private keys are AES-256-GCM encrypted with the key named by key_id, the owner id bound in
-- as associated data. Erasing an account's keys removes the key material and keeps the row,
-- marked erased_at, so no node mints fresh keys for a deleted account.
CREATE SCHEMA IF NOT EXISTS federation;
CREATE TABLE federation.actor_key (
    owner_id              TEXT PRIMARY KEY,
    rsa_public            BYTEA,   -- X.509 SubjectPublicKeyInfo, DER
    rsa_private_nonce     BYTEA,
    rsa_private           BYTEA,   -- PKCS#8 DER, encrypted
    ed25519_public        BYTEA,
    ed25519_private_nonce BYTEA,
    ed25519_private       BYTEA,
    key_id                TEXT,
    created_at            TIMESTAMPTZ NOT NULL,
    erased_at             TIMESTAMPTZ
);

-- WebFinger and actor fetches look accounts up by handle in any case; handles are unique
-- case-insensitively (registry.handle_claim), so this finds at most one row.
CREATE INDEX IF NOT EXISTS account_handle_lower ON directory.account (lower(handle));
