-- A post's Delete to a server waits while its Create there is pending, and a failed Create is
-- not retried once the Delete is enqueued: both look deliveries up by copy. Building the
-- index holds inserts into the outbox for as long as it takes (seconds for millions of rows).
CREATE INDEX delivery_copy ON federation.delivery (copy_id, purpose) WHERE copy_id IS NOT NULL;
