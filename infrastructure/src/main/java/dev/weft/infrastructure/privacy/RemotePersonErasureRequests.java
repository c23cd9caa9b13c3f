package dev.weft.infrastructure.privacy;

import dev.weft.application.shared.ProcessingGroups;
import dev.weft.domain.remotepeople.RemotePersonErasedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Queues a remote person's key for erasure, in the transaction that records the erasure.
 * The key cannot go at once: each read model still has to read their IRI to find its rows.
 */
@Component
@ProcessingGroup(ProcessingGroups.DIRECTORY)
public class RemotePersonErasureRequests {
    private final JdbcTemplate jdbc;
    private final SubjectKeys keys;

    public RemotePersonErasureRequests(JdbcTemplate jdbc, SubjectKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    @EventHandler
    void on(RemotePersonErasedEvent event, @MessageIdentifier String eventId) {
        jdbc.update("INSERT INTO privacy.pending_erasure (subject_digest, event_identifier, requested_at) "
                + "VALUES (?, ?, now()) ON CONFLICT (subject_digest) DO NOTHING", keys.digest(event.actorId()), eventId);
    }

    /** The queued erasures, by event id, oldest first. */
    java.util.List<String> queued() {
        return jdbc.queryForList("SELECT event_identifier FROM privacy.pending_erasure ORDER BY requested_at",
                String.class);
    }

    void done(String eventId) {
        jdbc.update("DELETE FROM privacy.pending_erasure WHERE event_identifier = ?", eventId);
    }
}
