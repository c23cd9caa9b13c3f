package dev.weft.infrastructure.projections;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The JDBC of a projection being rebuilt. Its writes are held back and sent as JDBC batches,
 * one per run of the same statement, because one round trip per row is what a rebuild spent
 * its time on. Anything else it is asked to run (a query, an unbatched update) first sends
 * what is held, so every statement still sees the writes before it.
 *
 * <p>A statement written for one entity (a post, a copy) may join an earlier run of the same
 * statement, ahead of statements queued since, when none of those is for the same entity:
 * statements of different entities touch different rows, so their order does not matter. A
 * statement written for no entity keeps its place and nothing moves ahead of it.
 */
final class BatchingJdbcTemplate extends JdbcTemplate {
    private static final Pattern MULTI_ROW_INSERT = Pattern.compile(
            "(INSERT INTO \\S+ \\([^()]*\\) VALUES )(\\((?:\\?, )*\\?\\))( ON CONFLICT DO NOTHING)?");
    private static final int MAX_ROWS_PER_INSERT = 250;
    private static final int MAX_PARAMETERS = 32_000;
    private final List<Run> runs = new ArrayList<>();
    private final Map<String, Integer> lastRunOfStatement = new HashMap<>();
    private final Map<String, Integer> lastRunOfEntity = new HashMap<>();
    private int barrier;
    private int held;
    private boolean sending;

    BatchingJdbcTemplate(DataSource dataSource) {
        super(dataSource);
    }

    /** Holds a write that may touch anything: it runs after everything held before it. */
    void hold(String sql, Object[] args) {
        int last = runs.size() - 1;
        if (last >= 0 && runs.get(last).sql.equals(sql)) {
            runs.get(last).rows.add(args);
        } else {
            startRun(sql, args);
        }
        barrier = runs.size() - 1;
        held++;
    }

    /** Holds a write that touches only the rows of {@code entity}. */
    void hold(String entity, String sql, Object[] args) {
        Integer candidate = lastRunOfStatement.get(sql);
        int entityRun = lastRunOfEntity.getOrDefault(entity, -1);
        int run;
        if (candidate != null && candidate >= barrier && candidate >= entityRun) {
            runs.get(candidate).rows.add(args);
            run = candidate;
        } else {
            run = startRun(sql, args);
        }
        lastRunOfEntity.put(entity, run);
        held++;
    }

    /** How many writes are held, not yet sent. */
    int held() {
        return held;
    }

    /** How many batches the held writes would be sent in. */
    int runs() {
        return runs.size();
    }

    /** Sends every held write, in runs, in order. */
    void send() {
        if (sending || runs.isEmpty()) {
            return;
        }
        List<Run> toSend = new ArrayList<>(runs);
        clear();
        sending = true;
        try {
            toSend.forEach(this::sendRun);
        } finally {
            sending = false;
        }
    }

    private void sendRun(Run run) {
        Matcher insert = MULTI_ROW_INSERT.matcher(run.sql);
        if (run.rows.size() > 1 && insert.matches()) {
            sendAsMultiRowInserts(run, insert.group(1), insert.group(2), insert.group(3) == null ? "" : insert.group(3));
        } else if (run.rows.size() > 1) {
            super.batchUpdate(run.sql, run.rows);
        } else {
            super.update(run.sql, run.rows.get(0));
        }
    }

    /**
     * Executing a statement costs PostgreSQL more than adding a row to one, so a run of
     * single-row inserts goes as inserts of many rows each. Only plain inserts and those that
     * skip conflicts: rows of one statement then meet a conflict exactly as they would one by
     * one, in order.
     */
    private void sendAsMultiRowInserts(Run run, String head, String values, String tail) {
        int params = run.rows.get(0).length;
        int perStatement = Math.max(1, Math.min(MAX_ROWS_PER_INSERT, MAX_PARAMETERS / Math.max(1, params)));
        for (int from = 0; from < run.rows.size(); from += perStatement) {
            List<Object[]> chunk = run.rows.subList(from, Math.min(run.rows.size(), from + perStatement));
            String sql = head + String.join(", ", Collections.nCopies(chunk.size(), values)) + tail;
            Object[] args = chunk.stream().flatMap(Arrays::stream).toArray();
            super.update(sql, args);
        }
    }

    /** Forgets what is held, when the transaction it belongs to rolled back. */
    void discard() {
        clear();
    }

    private int startRun(String sql, Object[] args) {
        Run run = new Run(sql);
        run.rows.add(args);
        runs.add(run);
        int index = runs.size() - 1;
        lastRunOfStatement.put(sql, index);
        return index;
    }

    private void clear() {
        runs.clear();
        lastRunOfStatement.clear();
        lastRunOfEntity.clear();
        barrier = 0;
        held = 0;
    }

    @Override
    public <T> T execute(ConnectionCallback<T> action) throws DataAccessException {
        send();
        return super.execute(action);
    }

    /** Every statement this template runs passes here before it executes, queries included. */
    @Override
    protected void applyStatementSettings(Statement statement) throws SQLException {
        send();
        super.applyStatementSettings(statement);
    }

    private static final class Run {
        private final String sql;
        private final List<Object[]> rows = new ArrayList<>();

        Run(String sql) {
            this.sql = sql;
        }
    }
}
