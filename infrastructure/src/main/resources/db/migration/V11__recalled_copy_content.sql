-- When a post's copy on a server is recalled by a Delete, the post's text in the Creates and
-- Updates sent there is erased from the outbox (their addressing and dates stay); this marks
-- the rows done.
ALTER TABLE federation.delivery ADD COLUMN content_erased_at TIMESTAMPTZ;
