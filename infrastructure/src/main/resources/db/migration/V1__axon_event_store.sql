-- Axon Framework 4.13's JDBC stores on PostgreSQL. This DDL mirrors what Axon 4.13's
-- PostgresEventTableFactory, PostgresTokenTableFactory and GenericDeadLetterTableFactory
-- generate for the snake_case EventSchema, TokenSchema and DeadLetterSchema the application
-- configures, so the Axon JDBC stores find their tables. Column names, types, nullability,
-- keys, constraints and indexes are the factories' own; only "IF NOT EXISTS" is dropped.
-- Flyway owns the schema: the engine never creates tables at start-up.
-- Dead letters: the generic factory's BLOB columns are BYTEA here, as a subclass overriding
-- serializedDataType() would give; the queue writes them with setBytes.

CREATE TABLE domain_event_entry (
    global_index         BIGSERIAL    NOT NULL,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255),
    event_identifier     VARCHAR(255) NOT NULL,
    meta_data            BYTEA,
    payload              BYTEA        NOT NULL,
    payload_revision     VARCHAR(255),
    payload_type         VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    PRIMARY KEY (global_index),
    UNIQUE (aggregate_identifier, sequence_number),
    UNIQUE (event_identifier)
);

CREATE TABLE snapshot_event_entry (
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255) NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL,
    meta_data            BYTEA,
    payload              BYTEA        NOT NULL,
    payload_revision     VARCHAR(255),
    payload_type         VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    PRIMARY KEY (aggregate_identifier, sequence_number),
    UNIQUE (event_identifier)
);

CREATE TABLE token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA        NULL,
    token_type     VARCHAR(255) NULL,
    timestamp      VARCHAR(255) NULL,
    owner          VARCHAR(255) NULL,
    PRIMARY KEY (processor_name, segment)
);

CREATE TABLE dead_letter_entry (
    dead_letter_identifier VARCHAR(255)  NOT NULL,
    processing_group       VARCHAR(255)  NOT NULL,
    sequence_identifier    VARCHAR(255)  NOT NULL,
    sequence_index         BIGINT        NOT NULL,
    message_type           VARCHAR(255)  NOT NULL,
    event_identifier       VARCHAR(255)  NOT NULL,
    timestamp              VARCHAR(255)  NOT NULL,
    payload_type           VARCHAR(255)  NOT NULL,
    payload_revision       VARCHAR(255),
    payload                BYTEA         NOT NULL,
    meta_data              BYTEA,
    type                   VARCHAR(255),
    aggregate_identifier   VARCHAR(255),
    sequence_number        BIGINT,
    token_type             VARCHAR(255),
    token                  BYTEA,
    enqueued_at            VARCHAR(255)  NOT NULL,
    last_touched           VARCHAR(255),
    processing_started     VARCHAR(255),
    cause_type             VARCHAR(255),
    cause_message          TEXT, -- the factory says VARCHAR(1023); Axon does not truncate, so a long exception message would fail the enqueue
    diagnostics            BYTEA,
    CONSTRAINT PK PRIMARY KEY (dead_letter_identifier),
    CONSTRAINT sequence_index_INDEX UNIQUE (processing_group, sequence_identifier, sequence_index)
);
CREATE INDEX processing_group_INDEX ON dead_letter_entry (processing_group);
CREATE INDEX sequence_identifier_INDEX ON dead_letter_entry (processing_group, sequence_identifier);
