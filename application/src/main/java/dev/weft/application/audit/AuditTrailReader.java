package dev.weft.application.audit;

import dev.weft.application.shared.Page;
import dev.weft.application.shared.PageRequest;
import java.time.Instant;

public interface AuditTrailReader {
    /** Entries in the order they happened; with asOf, only what had happened by then. */
    Page<AuditEntryView> entriesOf(String accountId, Instant asOf, PageRequest page);
}
