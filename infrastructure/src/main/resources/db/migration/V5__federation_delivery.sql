-- The durable outbox. A row is one signed POST of one activity to one inbox. It is
-- pending until delivered or failed for good; a worker claims it by setting a lease
-- and pushing next_attempt_at to the lease's end, so a crashed worker's row simply
-- becomes due again and the claim query needs no second condition.
CREATE SCHEMA IF NOT EXISTS federation;

CREATE TABLE federation.delivery (
    delivery_id      varchar(64)  PRIMARY KEY,
    account_id       varchar(64),
    purpose          varchar(32)  NOT NULL,
    activity_id      text         NOT NULL,
    activity_json    text         NOT NULL,
    inbox            text         NOT NULL,
    host             varchar(255) NOT NULL,
    copy_id          varchar(64),
    state            varchar(16)  NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
    attempts         integer      NOT NULL DEFAULT 0,
    first_attempt_at timestamptz,
    next_attempt_at  timestamptz  NOT NULL,
    lease_until      timestamptz,
    leased_by        varchar(128),
    last_http_status integer,
    last_error       text,
    last_attempt_at  timestamptz,
    created_at       timestamptz  NOT NULL,
    settled_at       timestamptz
);

-- The claim: due pending rows, oldest due first. Partial, so delivered and failed rows
-- (the bulk of the table) cost the claim nothing.
CREATE INDEX delivery_due ON federation.delivery (next_attempt_at) WHERE state = 'pending';
-- Per-server counts for operators, redelivery of a server, and expiry of unavailable ones.
CREATE INDEX delivery_host_state ON federation.delivery (host, state);

-- What Weft knows of each remote server it delivers to. A row appears on the first
-- failure or success worth recording; signature_scheme is set when the server refused
-- RFC 9421 and took draft-cavage.
CREATE TABLE federation.server (
    host              varchar(255) PRIMARY KEY,
    signature_scheme  varchar(16),
    unavailable_since timestamptz,
    last_success_at   timestamptz,
    last_failure_at   timestamptz,
    last_error        text
);

-- The UTC days on which deliveries to the host failed since its last success.
CREATE TABLE federation.server_failure_day (
    host varchar(255) NOT NULL,
    day  date         NOT NULL,
    PRIMARY KEY (host, day)
);
