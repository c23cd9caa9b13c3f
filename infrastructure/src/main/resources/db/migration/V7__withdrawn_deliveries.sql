-- A Create still held back by the federation delay when its post is deleted is withdrawn:
-- it must never go out after the Delete. 'withdrawn' rows are never claimed or redelivered.
ALTER TABLE federation.delivery DROP CONSTRAINT IF EXISTS delivery_state_check;
ALTER TABLE federation.delivery ADD CONSTRAINT delivery_state_check
    CHECK (state IN ('pending', 'delivered', 'failed', 'withdrawn'));
