package dev.weft.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Grows the event store from a seed made by real commands to N events, by copying the seed's
 * rows again and again under fresh aggregate ids. Every UUID of the seed that is an aggregate
 * id (accounts, posts, copies, follows, remote posts, deliveries) is replaced, in the row and
 * inside the payload, by a UUID derived from it and the replica's number, so each replica is a
 * population of its own and no projection row collides with another replica's. Sealed fields
 * are copied as they are: the ciphertext stays valid because the envelope names its key id
 * (never an aggregate id, so never rewritten) and that key is in privacy.subject_key already.
 */
final class EventReplicator {
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final int BATCH = 1000;

    private record Row(String aggregateId, long sequence, String type, String payloadType, String payloadRevision,
                       String payload, byte[] metadata, String timestamp) {
    }

    private EventReplicator() {
    }

    /** @return how many rows were added */
    static long growTo(Connection connection, long target) throws SQLException {
        List<Row> seed = readSeed(connection);
        if (seed.isEmpty()) {
            throw new IllegalStateException("the seed stored no events");
        }
        Set<String> aggregateIds = new HashSet<>();
        seed.forEach(r -> aggregateIds.add(r.aggregateId()));
        long stored = seed.size();
        long added = 0;
        connection.setAutoCommit(false);
        String insert = "INSERT INTO domain_event_entry (event_identifier, meta_data, payload, payload_revision, "
                + "payload_type, time_stamp, aggregate_identifier, sequence_number, type) VALUES (?,?,?,?,?,?,?,?,?)";
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            int inBatch = 0;
            for (int replica = 1; stored + added < target; replica++) {
                for (Row row : seed) {
                    if (stored + added >= target) {
                        break;
                    }
                    addRow(statement, row, replica, aggregateIds);
                    added++;
                    if (++inBatch == BATCH) {
                        statement.executeBatch();
                        connection.commit();
                        inBatch = 0;
                    }
                }
            }
            if (inBatch > 0) {
                statement.executeBatch();
                connection.commit();
            }
        } finally {
            connection.setAutoCommit(true);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE domain_event_entry");
        }
        return added;
    }

    private static void addRow(PreparedStatement statement, Row row, int replica, Set<String> aggregateIds)
            throws SQLException {
        statement.setString(1, UUID.randomUUID().toString());
        statement.setBytes(2, row.metadata());
        statement.setBytes(3, remap(row.payload(), replica, aggregateIds).getBytes(StandardCharsets.UTF_8));
        statement.setString(4, row.payloadRevision());
        statement.setString(5, row.payloadType());
        statement.setString(6, row.timestamp());
        statement.setString(7, remapOne(row.aggregateId(), replica, aggregateIds));
        statement.setLong(8, row.sequence());
        statement.setString(9, row.type());
        statement.addBatch();
    }

    private static String remap(String text, int replica, Set<String> aggregateIds) {
        Matcher m = UUID_TEXT.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, remapOne(m.group(), replica, aggregateIds));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String remapOne(String id, int replica, Set<String> aggregateIds) {
        if (!aggregateIds.contains(id)) {
            return id;
        }
        return UUID.nameUUIDFromBytes((id + "#replica-" + replica).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static List<Row> readSeed(Connection connection) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT aggregate_identifier, sequence_number, type, payload_type, "
                     + "payload_revision, payload, meta_data, time_stamp FROM domain_event_entry ORDER BY global_index")) {
            while (rs.next()) {
                rows.add(new Row(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        new String(rs.getBytes(6), StandardCharsets.UTF_8), rs.getBytes(7), rs.getString(8)));
            }
        }
        return rows;
    }

    /** Event types as stored, most frequent first. */
    static Map<String, Long> mix(Connection connection) throws SQLException {
        Map<String, Long> mix = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT payload_type, count(*) FROM domain_event_entry "
                     + "GROUP BY payload_type ORDER BY count(*) DESC, payload_type")) {
            while (rs.next()) {
                String type = rs.getString(1);
                mix.put(type.substring(type.lastIndexOf('.') + 1), rs.getLong(2));
            }
        }
        return mix;
    }

    /** Share of events with at least one sealed field. */
    static double sealedShare(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FILTER (WHERE position('\"$sealed\"' in "
                     + "convert_from(payload, 'UTF8')) > 0)::float8 / greatest(count(*), 1) FROM domain_event_entry")) {
            rs.next();
            return rs.getDouble(1);
        }
    }

    /**
     * Moves every processor's token to the head, as if the live processors had handled the copies:
     * the policies must not act on them (they would send commands, deliveries, cross-posts), and
     * a rebuild replays exactly what the live tokens cover.
     *
     * @return the token rows moved
     */
    static int advanceTokensTo(Connection connection, long head) throws SQLException {
        int moved = 0;
        try (Statement select = connection.createStatement();
             ResultSet rs = select.executeQuery("SELECT processor_name, segment, token, token_type FROM token_entry");
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE token_entry SET token = ? WHERE processor_name = ? AND segment = ?")) {
            while (rs.next()) {
                byte[] token = rs.getBytes(3);
                String type = rs.getString(4);
                if (token == null) {
                    continue;
                }
                if (type == null || !type.endsWith("GapAwareTrackingToken")) {
                    throw new IllegalStateException("processor " + rs.getString(1) + " has a token of type " + type
                            + "; the benchmark only knows how to move GapAwareTrackingTokens");
                }
                String moved1 = new String(token, StandardCharsets.UTF_8)
                        .replaceAll("\"index\"\\s*:\\s*\\d+", "\"index\":" + head)
                        .replaceAll("\"gaps\"\\s*:\\s*\\[[^\\]]*\\]", "\"gaps\":[]");
                update.setBytes(1, moved1.getBytes(StandardCharsets.UTF_8));
                update.setString(2, rs.getString(1));
                update.setInt(3, rs.getInt(2));
                moved += update.executeUpdate();
            }
        }
        return moved;
    }
}
