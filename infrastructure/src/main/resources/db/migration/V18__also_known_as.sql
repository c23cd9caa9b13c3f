-- The person's other accounts (actor IRIs, one per line), served as the actor's alsoKnownAs
-- so that a server moving one of them here accepts the move. Cleared on erasure.
ALTER TABLE directory.account ADD COLUMN also_known_as TEXT;
