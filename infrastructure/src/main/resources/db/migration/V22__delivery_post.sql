-- The post a Create carries, so the outcomes of a post's fan-out are recorded in batches
-- per post (one DeliveryReport event for many servers). Rows enqueued before this column
-- keep NULL and have their outcomes recorded one by one on the copy, as before.
ALTER TABLE federation.delivery ADD COLUMN post_id TEXT;
