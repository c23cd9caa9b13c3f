-- The node that made a delivery's last attempt (its JVM name, pid@host/instance), kept after
-- the lease is gone: operators see which node talks to a failing server, and a test proves
-- that several nodes share one fan-out.
ALTER TABLE federation.delivery ADD COLUMN last_attempt_by VARCHAR(128);
