-- Why a post of an account that shares did not go to the fediverse (consent_outdated:
-- the person has yet to accept the current explanation). Null for posts shared, kept off
-- by the person's choice, or published before this existed.
ALTER TABLE sharing_status.post ADD COLUMN fediverse_withheld TEXT;

-- The eligible-country list the accounts were last reviewed against: a start that finds
-- another list reviews every sharing account, and records the list only once all are done.
CREATE TABLE privacy.applied_eligibility (
    id         INT PRIMARY KEY CHECK (id = 1),
    countries  TEXT        NOT NULL,
    applied_at TIMESTAMPTZ NOT NULL
);
