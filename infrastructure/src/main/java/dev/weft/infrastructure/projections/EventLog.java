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
    private static final String COLUMNS = "global_index, type, aggregate_identifier, sequence_number, "
            + "event_identifier, time_stamp, payload_type, payload_revision, payload, meta_data";
    private final JdbcTemplate jdbc;
    private final Serializer eventSerializer;

    EventLog(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer eventSerializer) {
        this.jdbc = jdbc;
        this.eventSerializer = eventSerializer;
    }

    /** Events above {@code after}, and those among {@code pending}, in index order. */
    List<TrackedEventMessage<?>> read(long after, Collection<Long> pending, int limit) {
        List<TrackedDomainEventData<byte[]>> rows = jdbc.query(connection -> {
            // Two branches, not "global_index > ? OR global_index = ANY(?)": with the OR, PostgreSQL
            // cannot start the primary-key scan at the cursor and filters every row below it, so
            // each batch read the whole table up to the cursor and a rebuild took quadratic time.
            var statement = connection.prepareStatement("(SELECT " + COLUMNS + " FROM domain_event_entry "
                    + "WHERE global_index = ANY(?) AND global_index <= ?) UNION ALL (SELECT " + COLUMNS
                    + " FROM domain_event_entry WHERE global_index > ? ORDER BY global_index LIMIT ?) "
                    + "ORDER BY global_index LIMIT ?");
            Array indexes = connection.createArrayOf("bigint", pending.toArray());
            statement.setArray(1, indexes);
            statement.setLong(2, after);
            statement.setLong(3, after);
            statement.setInt(4, limit);
            statement.setInt(5, limit);
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
