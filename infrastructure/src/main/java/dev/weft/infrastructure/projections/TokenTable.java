package dev.weft.infrastructure.projections;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the live processors' tokens from Axon's token_entry table, on any node's behalf. */
@Component
class TokenTable {
    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final SequencingPolicy<EventMessage<?>> policy;

    TokenTable(JdbcTemplate jdbc, Serializer serializer, SequencingPolicy<EventMessage<?>> accountSequencingPolicy) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.policy = accountSequencingPolicy;
    }

    LiveTokens read(String processorName, boolean lockRows) {
        String sql = "SELECT segment, token, token_type FROM token_entry WHERE processor_name = ?"
                + (lockRows ? " FOR UPDATE" : "");
        List<Map<String, Object>> rows = jdbc.queryForList(sql, processorName);
        int[] segmentIds = rows.stream().mapToInt(r -> ((Number) r.get("segment")).intValue()).toArray();
        Map<Segment, GapAwareTrackingToken> tokens = new HashMap<>();
        for (Map<String, Object> row : rows) {
            Segment segment = Segment.computeSegment(((Number) row.get("segment")).intValue(), segmentIds);
            tokens.put(segment, deserialize((byte[]) row.get("token"), (String) row.get("token_type")));
        }
        return new LiveTokens(tokens, policy);
    }

    long head() {
        Long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        return head == null ? -1 : head;
    }

    private GapAwareTrackingToken deserialize(byte[] token, String type) {
        if (token == null) {
            return null;
        }
        Object value = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
        if (value instanceof GapAwareTrackingToken gapAware) {
            return gapAware;
        }
        throw new IllegalStateException("Projection tokens are expected to be GapAwareTrackingTokens, found " + type);
    }
}
