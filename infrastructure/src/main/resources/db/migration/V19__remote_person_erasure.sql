-- A remote person's erasure waits until every read model that keeps something of them has
-- handled it (each needs their IRI readable to find its rows); then their key goes. Only
-- the keyed digest of the subject and the event's id are kept meanwhile, never the IRI.
CREATE TABLE privacy.pending_erasure (
    subject_digest   TEXT PRIMARY KEY,
    event_identifier TEXT NOT NULL,
    requested_at     TIMESTAMPTZ NOT NULL
);

-- The erasure finds the copies an erased person's engagement showed to be held.
CREATE INDEX copy_evidence_actor ON sharing_status.copy (evidence_actor_id) WHERE evidence_actor_id IS NOT NULL;
