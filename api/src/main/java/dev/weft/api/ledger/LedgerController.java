package dev.weft.api.ledger;

import dev.weft.application.deletion.DeletionRequestView;
import dev.weft.application.ledger.AuditorReadLog;
import dev.weft.application.ledger.Ledger;
import dev.weft.application.shared.Clock;
import dev.weft.api.security.Access;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The auditor's questions: who held what of an account at an instant, one post's whole
 * story, the deletion-request log as it stood, and who has asked. Answers as of an instant
 * are folded from the ledger's facts up to it, never from the current state.
 */
@RestController
public class LedgerController {
    private static final int READS_SHOWN = 200;
    private final Ledger ledger;
    private final PrivacyReads reads;
    private final AuditorReadLog readLog;
    private final Access access;
    private final Clock clock;
    private final JsonMapper json;

    public LedgerController(Ledger ledger, PrivacyReads reads, AuditorReadLog readLog, Access access, Clock clock,
                            JsonMapper json) {
        this.ledger = ledger;
        this.reads = reads;
        this.readLog = readLog;
        this.access = access;
        this.clock = clock;
        this.json = json;
    }

    public record DeletionRequestsAsOf(String accountId, Instant asOf, List<DeletionRequestView> items) {
    }

    @GetMapping("/api/v1/accounts/{accountId}/holdings")
    public ResponseEntity<?> holdings(@PathVariable String accountId, @RequestParam(required = false) Instant asOf,
                                      @RequestParam(required = false) String format, HttpServletRequest request) {
        reads.allow(accountId, request);
        return LedgerExports.holdings(ledger.holdings(accountId, asOf), format, json);
    }

    @GetMapping("/api/v1/accounts/{accountId}/deletion-requests/as-of")
    public DeletionRequestsAsOf deletionRequests(@PathVariable String accountId,
                                                 @RequestParam(required = false) Instant asOf,
                                                 HttpServletRequest request) {
        reads.allow(accountId, request);
        Instant at = asOf == null ? clock.now() : asOf;
        return new DeletionRequestsAsOf(accountId, at, ledger.deletionRequests(accountId, at));
    }

    @GetMapping("/api/v1/posts/{postId}/history")
    public ResponseEntity<?> history(@PathVariable String postId, @RequestParam(required = false) String format,
                                     HttpServletRequest request) {
        reads.allow(ledger.authorOf(postId), request);
        return LedgerExports.history(ledger.history(postId), format, json);
    }

    /** The account sees who read its record; auditors and operators see each other's reads. */
    @GetMapping("/api/v1/accounts/{accountId}/auditor-reads")
    public List<AuditorReadLog.AuditorRead> auditorReads(@PathVariable String accountId) {
        access.requireReader(accountId);
        return readLog.readsOf(accountId, READS_SHOWN);
    }
}
