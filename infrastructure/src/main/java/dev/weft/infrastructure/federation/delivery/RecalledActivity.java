package dev.weft.infrastructure.federation.delivery;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A post's Create or Update as the outbox keeps it once the copy it went to is recalled:
 * only what later activities are built from (ids, type, actor, audience, dates; an edit
 * reads the post's audience and date from its Create). A body that cannot be read keeps
 * nothing but its id.
 */
final class RecalledActivity {
    static final String ERASED = "the post was recalled from this server";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> KEPT = List.of("@context", "id", "type", "actor", "published", "to", "cc");
    private static final List<String> KEPT_IN_OBJECT = List.of("id", "type", "attributedTo", "published", "to", "cc");

    private RecalledActivity() {
    }

    /**
     * Rewrites the copy's settled Creates and Updates that still hold the post, one by one:
     * a body PostgreSQL's jsonb would refuse is still read, or reduced to its id.
     *
     * @return how many were erased
     */
    static int eraseSettledOf(JdbcTemplate jdbc, String copyId, Instant now) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT delivery_id, activity_id, activity_json "
                + "FROM federation.delivery WHERE copy_id = ? AND " + RecalledCopies.CARRIES_POST + " "
                + "AND state <> 'pending' AND content_erased_at IS NULL", copyId);
        for (Map<String, Object> row : rows) {
            jdbc.update("UPDATE federation.delivery SET activity_json = ?, content_erased_at = ? WHERE delivery_id = ?",
                    skeleton((String) row.get("activity_id"), (String) row.get("activity_json")),
                    Timestamp.from(now), row.get("delivery_id"));
        }
        return rows.size();
    }

    static String skeleton(String activityId, String activityJson) {
        ObjectNode kept = JSON.createObjectNode();
        try {
            JsonNode activity = JSON.readTree(activityJson);
            copy(activity, kept, KEPT);
            JsonNode object = activity.get("object");
            if (object != null && object.isObject()) {
                copy(object, kept.putObject("object"), KEPT_IN_OBJECT);
            }
        } catch (RuntimeException unreadable) {
            kept.removeAll();
        }
        if (!kept.has("id")) {
            kept.put("id", activityId);
        }
        return kept.put("erased", ERASED).toString();
    }

    private static void copy(JsonNode from, ObjectNode to, List<String> fields) {
        for (String field : fields) {
            JsonNode value = from.get(field);
            if (value != null && !value.isNull()) {
                to.set(field, value);
            }
        }
    }
}
