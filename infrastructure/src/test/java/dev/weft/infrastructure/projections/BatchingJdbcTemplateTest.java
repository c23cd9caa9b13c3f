package dev.weft.infrastructure.projections;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.infrastructure.support.TestDatabase;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The rebuild's held writes, on a real PostgreSQL: fewer round trips, the same rows. */
class BatchingJdbcTemplateTest {
    private static final String INSERT = "INSERT INTO %s (id, v) VALUES (?, ?)";
    private static final String UPDATE = "UPDATE %s SET v = v || ? WHERE id = ?";
    private final JdbcTemplate direct = TestDatabase.JDBC;
    private final BatchingJdbcTemplate batching = new BatchingJdbcTemplate(direct.getDataSource());
    private final String table = "public.batching_" + UUID.randomUUID().toString().replace("-", "");

    @BeforeEach
    void createTable() {
        direct.execute("CREATE TABLE " + table + " (id TEXT PRIMARY KEY, v TEXT NOT NULL)");
    }

    @Test
    void writesOfDifferentEntitiesJoinOneBatchPerStatementAndEachEntityKeepsItsOrder() {
        for (String id : List.of("a", "b", "c")) {
            batching.hold(id, sql(INSERT), new Object[] {id, "1"});
            batching.hold(id, sql(UPDATE), new Object[] {"2", id});
        }
        batching.hold("a", sql(UPDATE), new Object[] {"3", "a"});
        assertThat(batching.runs()).as("an insert batch, then an update batch").isEqualTo(2);
        assertThat(batching.held()).isEqualTo(7);

        batching.send();

        assertThat(rows()).containsExactly("a=123", "b=12", "c=12");
        assertThat(batching.held()).isZero();
    }

    @Test
    void anEntitysWriteDoesNotMoveAheadOfItsOwnEarlierWrites() {
        batching.hold("a", sql(INSERT), new Object[] {"a", "1"});
        batching.hold("a", sql(UPDATE), new Object[] {"2", "a"});
        batching.hold("b", sql(INSERT), new Object[] {"b", "1"});
        batching.hold("a", sql(INSERT.replace("VALUES", "VALUES") + " ON CONFLICT (id) DO UPDATE SET v = "
                + table + ".v || 'x'"), new Object[] {"a", "ignored"});
        batching.send();
        assertThat(rows()).containsExactly("a=12x", "b=1");
    }

    @Test
    void aWriteForNoEntityIsABarrierNothingMovesAhead() {
        batching.hold("a", sql(INSERT), new Object[] {"a", "1"});
        batching.hold("DELETE FROM " + table, new Object[0]);
        batching.hold("b", sql(INSERT), new Object[] {"b", "1"});
        assertThat(batching.runs()).isEqualTo(3);
        batching.send();
        assertThat(rows()).containsExactly("b=1");
    }

    @Test
    void consecutiveWritesForNoEntityShareABatch() {
        batching.hold(sql(INSERT), new Object[] {"a", "1"});
        batching.hold(sql(INSERT), new Object[] {"b", "1"});
        batching.hold(sql(UPDATE), new Object[] {"2", "a"});
        assertThat(batching.runs()).isEqualTo(2);
        batching.send();
        assertThat(rows()).containsExactly("a=12", "b=1");
    }

    @Test
    void aRunOfInsertsThatSkipConflictsMeetsThemInOrderAsOneByOne() {
        String skipping = sql(INSERT) + " ON CONFLICT DO NOTHING";
        for (int i = 0; i < 600; i++) {
            batching.hold("k" + i, skipping, new Object[] {"k" + i, "first"});
        }
        batching.hold("k7", skipping, new Object[] {"k7", "second"});
        batching.hold("k8", sql(UPDATE), new Object[] {"!", "k8"});
        assertThat(batching.runs()).isEqualTo(2);
        batching.send();
        assertThat(direct.queryForObject("SELECT count(*) FROM " + table, Integer.class)).isEqualTo(600);
        assertThat(direct.queryForObject("SELECT v FROM " + table + " WHERE id = 'k7'", String.class))
                .as("the later duplicate is skipped, as it would be alone").isEqualTo("first");
        assertThat(direct.queryForObject("SELECT v FROM " + table + " WHERE id = 'k8'", String.class))
                .isEqualTo("first!");
    }

    @Test
    void aQueryFirstSendsWhatIsHeldSoItSeesEveryEarlierWrite() {
        batching.hold("a", sql(INSERT), new Object[] {"a", "1"});
        Integer count = batching.queryForObject("SELECT count(*) FROM " + table, Integer.class);
        assertThat(count).isEqualTo(1);
        assertThat(batching.held()).isZero();
    }

    @Test
    void discardedWritesAreNeverSent() {
        batching.hold("a", sql(INSERT), new Object[] {"a", "1"});
        batching.discard();
        batching.send();
        assertThat(rows()).isEmpty();
    }

    private String sql(String template) {
        return template.formatted(table);
    }

    private List<String> rows() {
        return direct.queryForList("SELECT id || '=' || v FROM " + table + " ORDER BY id", String.class);
    }
}
