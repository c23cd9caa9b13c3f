-- The deletion-request events are PostCopy's own events, so they moved into its package
-- (dev.weft.domain.distribution), which also broke the package cycle between
-- domain.deletion and domain.distribution. Stored events name their payload by class, so
-- the stored names move too; the JSON of each payload is untouched. Nodes of an older
-- version cannot read the renamed events: stop every node before starting this version.
UPDATE domain_event_entry SET payload_type = replace(payload_type, 'dev.weft.domain.deletion.', 'dev.weft.domain.distribution.')
WHERE payload_type LIKE 'dev.weft.domain.deletion.%';
UPDATE snapshot_event_entry SET payload_type = replace(payload_type, 'dev.weft.domain.deletion.', 'dev.weft.domain.distribution.')
WHERE payload_type LIKE 'dev.weft.domain.deletion.%';
UPDATE dead_letter_entry SET payload_type = replace(payload_type, 'dev.weft.domain.deletion.', 'dev.weft.domain.distribution.')
WHERE payload_type LIKE 'dev.weft.domain.deletion.%';
