package dev.weft.api.accounts;

import dev.weft.api.ledger.PrivacyReads;
import dev.weft.api.security.Access;
import dev.weft.application.accounts.AccountDirectory;
import dev.weft.application.audit.AuditEntryView;
import dev.weft.application.audit.AuditTrailReader;
import dev.weft.application.deletion.DeletionLogReader;
import dev.weft.application.deletion.DeletionRequestView;
import dev.weft.application.graph.FollowerView;
import dev.weft.application.graph.FollowingView;
import dev.weft.application.graph.GraphReader;
import dev.weft.application.graph.ServerCount;
import dev.weft.application.shared.NotFoundException;
import dev.weft.application.shared.Page;
import dev.weft.application.shared.PageRequest;
import dev.weft.application.timelines.TimelineItem;
import dev.weft.application.timelines.TimelineReader;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Cursor-paged reads of one account's projections. Each page's "next" is the cursor for the following one. */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}")
public class AccountReadsController {
    private final TimelineReader timelines;
    private final GraphReader graph;
    private final DeletionLogReader deletions;
    private final AuditTrailReader audit;
    private final AccountDirectory directory;
    private final Access access;
    private final PrivacyReads privacyReads;

    public AccountReadsController(TimelineReader timelines, GraphReader graph, DeletionLogReader deletions,
                                  AuditTrailReader audit, AccountDirectory directory, Access access,
                                  PrivacyReads privacyReads) {
        this.timelines = timelines;
        this.graph = graph;
        this.deletions = deletions;
        this.audit = audit;
        this.directory = directory;
        this.access = access;
        this.privacyReads = privacyReads;
    }

    public record Followers(long count, List<FollowerView> items, String next) {
    }

    @GetMapping("/timeline")
    public Page<TimelineItem> timeline(@PathVariable String accountId, @RequestParam(required = false) String cursor,
                                       @RequestParam(required = false) Integer limit) {
        readable(accountId);
        return timelines.accountTimeline(accountId, PageRequest.of(cursor, limit));
    }

    @GetMapping("/home")
    public Page<TimelineItem> home(@PathVariable String accountId, @RequestParam(required = false) String cursor,
                                   @RequestParam(required = false) Integer limit) {
        readable(accountId);
        return timelines.home(accountId, PageRequest.of(cursor, limit));
    }

    @GetMapping("/followers")
    public Followers followers(@PathVariable String accountId, @RequestParam(required = false) String cursor,
                               @RequestParam(required = false) Integer limit) {
        readable(accountId);
        Page<FollowerView> page = graph.followers(accountId, PageRequest.of(cursor, limit));
        return new Followers(graph.followerCount(accountId), page.items(), page.next());
    }

    @GetMapping("/followers/servers")
    public List<ServerCount> followerServers(@PathVariable String accountId) {
        readable(accountId);
        return graph.followerCountsByServer(accountId);
    }

    @GetMapping("/following")
    public Page<FollowingView> following(@PathVariable String accountId, @RequestParam(required = false) String cursor,
                                         @RequestParam(required = false) Integer limit) {
        readable(accountId);
        return graph.following(accountId, PageRequest.of(cursor, limit));
    }

    @GetMapping("/deletion-requests")
    public Page<DeletionRequestView> deletionRequests(@PathVariable String accountId,
                                                      @RequestParam(required = false) String cursor,
                                                      @RequestParam(required = false) Integer limit,
                                                      HttpServletRequest request) {
        privacyReads.allow(accountId, request);
        return deletions.requestsOf(accountId, PageRequest.of(cursor, limit));
    }

    /** asOf shows the trail as it stood at that instant: only what had happened by then. */
    @GetMapping("/audit")
    public Page<AuditEntryView> audit(@PathVariable String accountId, @RequestParam(required = false) Instant asOf,
                                      @RequestParam(required = false) String cursor,
                                      @RequestParam(required = false) Integer limit,
                                      HttpServletRequest request) {
        privacyReads.allow(accountId, request);
        return audit.entriesOf(accountId, asOf, PageRequest.of(cursor, limit));
    }

    private void readable(String accountId) {
        access.requireReader(accountId);
        if (directory.find(accountId).isEmpty()) {
            throw new NotFoundException("accountId", "no account " + accountId);
        }
    }
}
