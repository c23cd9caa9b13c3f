package dev.weft.infrastructure.projections;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads events by their exact global index, for rebuilds. Axon's tracked stream hands a
 * late-committed event a token carrying the highest index seen so far, which hides the
 * event's own index; a rebuild must know it to match the live processor event for event.
 */
@Component
class EventLog {
    private final JdbcTemplate jdbc;
    private final Serializer eventSerializer;

    EventLog(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer eventSerializer) {
        this.jdbc = jdbc;
        this.eventSerializer = eventSerializer;
    }

    /** Events above {@code after}, and those among {@code pending}, in index order. */
    List<TrackedEventMessage<?>> read(long after, Collection<Long> pending, int limit) {
        List<TrackedDomainEventData<byte[]>> rows = jdbc.query(connection -> {
            var statement = connection.prepareStatement("SELECT global_index, type, aggregate_identifier, "
                    + "sequence_number, event_identifier, time_stamp, payload_type, payload_revision, payload, "
                    + "meta_data FROM domain_event_entry WHERE global_index > ? OR global_index = ANY(?) "
                    + "ORDER BY global_index LIMIT ?");
            Array indexes = connection.createArrayOf("bigint", pending.toArray());
            statement.setLong(1, after);
            statement.setArray(2, indexes);
            statement.setInt(3, limit);
            return statement;
        }, (rs, i) -> row(rs));
        return EventUtils.upcastAndDeserializeTrackedEvents(rows.stream(), eventSerializer,
                NoOpEventUpcaster.INSTANCE).toList();
    }

    static long indexOf(TrackedEventMessage<?> event) {
        return ((GapAwareTrackingToken) event.trackingToken()).getIndex();
    }

    private static TrackedDomainEventData<byte[]> row(ResultSet rs) throws SQLException {
        long index = rs.getLong("global_index");
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>(rs.getString("type"),
                rs.getString("aggregate_identifier"), rs.getLong("sequence_number"),
                rs.getString("event_identifier"), rs.getString("time_stamp"), rs.getString("payload_type"),
                rs.getString("payload_revision"), rs.getBytes("payload"), rs.getBytes("meta_data"));
        return new TrackedDomainEventData<>(GapAwareTrackingToken.newInstance(index, List.of()), entry);
    }
}
