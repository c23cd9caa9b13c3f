package dev.weft.application.ledger;

import java.time.Instant;
import java.util.List;

/** Who, other than the account itself, read an account's privacy record, what they asked, and when. */
public interface AuditorReadLog {
    void record(AuditorRead read);

    List<AuditorRead> readsOf(String accountId, int limit);

    record AuditorRead(Instant at, String reader, String accountId, String question) {
    }
}
