package dev.weft.infrastructure.privacy;

import dev.weft.domain.remotepeople.RemotePersonErasedEvent;
import dev.weft.infrastructure.projections.ProcessedEvents;
import dev.weft.infrastructure.shared.PeriodicJob;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Erases a remote person's key once every read model has handled their erasure (each turns
 * what it keeps of them into placeholders, which needs their IRI readable), and cuts what the
 * tables that are no read model keep of them: received activities, their actor document, and
 * the activities sent to them. The erasure event is read back from the store for their IRI,
 * so nothing but a keyed digest waits in the queue. Any node may run it; a second run finds
 * the key gone and only clears the queue.
 */
@Component
public class RemotePersonEraser extends PeriodicJob {
    private static final Logger LOG = LoggerFactory.getLogger(RemotePersonEraser.class);
    private static final Duration EVERY = Duration.ofMinutes(1);
    private final JdbcTemplate jdbc;
    private final RemotePersonErasureRequests requests;
    private final ProcessedEvents events;
    private final SubjectKeys keys;
    private final TransactionOperations transactions;

    public RemotePersonEraser(JdbcTemplate jdbc, RemotePersonErasureRequests requests, ProcessedEvents events,
                              SubjectKeys keys, TransactionOperations transactions) {
        super("remote-person-eraser");
        this.jdbc = jdbc;
        this.requests = requests;
        this.events = events;
        this.keys = keys;
        this.transactions = transactions;
    }

    /** @return the hosts of the people whose keys this round erased */
    public List<String> eraseHandled() {
        List<String> erased = new ArrayList<>();
        for (String eventId : requests.queued()) {
            if (events.handledEverywhere(eventId, RemotePersonErasedEvent.class)) {
                eraseOne(eventId).ifPresent(erased::add);
            }
        }
        if (!erased.isEmpty()) {
            LOG.info("Erased {} remote people who deleted their accounts, on {}", erased.size(), erased);
        }
        return erased;
    }

    private Optional<String> eraseOne(String eventId) {
        Optional<RemotePersonErasedEvent> event = events.payloadOf(eventId)
                .filter(RemotePersonErasedEvent.class::isInstance).map(RemotePersonErasedEvent.class::cast);
        if (event.isEmpty() || event.get().actorId().startsWith(ErasedText.PREFIX)) {
            requests.done(eventId);
            return Optional.empty();
        }
        String actorId = event.get().actorId();
        if (stillReceiving(actorId)) {
            return Optional.empty();
        }
        transactions.executeWithoutResult(status -> {
            forgetSentTo(actorId, event.get().host());
            jdbc.update("DELETE FROM federation.inbox_activity WHERE actor_id = ?", actorId);
            jdbc.update("DELETE FROM federation.remote_actor WHERE actor_id = ?", actorId);
            keys.erase(actorId, Instant.now());
            requests.done(eventId);
        });
        return Optional.of(event.get().host());
    }

    /** Their own Delete, or anything else of theirs, may still be in the inbox's hands. */
    private boolean stillReceiving(String actorId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM federation.inbox_activity "
                + "WHERE actor_id = ? AND state = 'RECEIVED')", Boolean.class, actorId));
    }

    /**
     * What was sent to them stays a row (server, dates, outcome: the record of what went
     * where) but loses their inbox and any body naming them. Nothing more is sent to them.
     */
    private void forgetSentTo(String actorId, String host) {
        String personalInbox = "(starts_with(inbox, ? || '/') OR inbox = (SELECT r.document::jsonb ->> 'inbox' "
                + "FROM federation.remote_actor r WHERE r.actor_id = ?))";
        jdbc.update("UPDATE federation.delivery SET state = 'withdrawn', settled_at = now(), lease_until = NULL "
                + "WHERE host = ? AND state = 'pending' AND (strpos(activity_json, ?) > 0 OR " + personalInbox + ")",
                host, actorId, actorId, actorId);
        jdbc.update("UPDATE federation.delivery SET activity_json = json_build_object('id', activity_id, 'erased', "
                + "'the remote person was deleted')::text WHERE host = ? AND strpos(activity_json, ?) > 0", host,
                actorId);
        jdbc.update("UPDATE federation.delivery SET inbox = substring(inbox from '^https?://[^/]+') || '/' "
                + "WHERE host = ? AND " + personalInbox, host, actorId, actorId);
    }

    @Override
    protected Duration interval() {
        return EVERY;
    }

    @Override
    protected void runOnce() {
        eraseHandled();
    }
}
