package dev.weft.infrastructure.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.infrastructure.support.TestDatabase;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Two nodes on one real PostgreSQL, each with its own signals for the same tables. */
class NodeNudgesTest {
    private static final Duration SOON = Duration.ofSeconds(5);
    private static final Duration QUIET = Duration.ofMillis(700);

    private final DataSource database = TestDatabase.JDBC.getDataSource();
    private final WorkSignal deliveriesHere = new WorkSignal("test_deliveries");
    private final WorkSignal deliveriesThere = new WorkSignal("test_deliveries");
    private final WorkSignal inboxThere = new WorkSignal("test_inbox");
    private final NodeNudges here = new NodeNudges(database, List.of(deliveriesHere));
    private final NodeNudges there = new NodeNudges(database, List.of(deliveriesThere, inboxThere));

    @AfterEach
    void stop() {
        here.stop();
        there.stop();
    }

    @Test
    void workQueuedOnOneNodeWakesTheSameSignalOnTheOtherAndNoOther() throws Exception {
        startListening();

        here.nudgeEverywhere(deliveriesHere);

        assertThat(deliveriesHere.await(SOON)).as("this node, at once").isTrue();
        assertThat(deliveriesThere.await(SOON)).as("the other node").isTrue();
        assertThat(inboxThere.await(QUIET)).as("a signal of another channel").isFalse();
    }

    @Test
    void aNudgeInsideATransactionReachesTheOtherNodeOnlyIfItCommits() throws Exception {
        startListening();
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(database));

        transactions.executeWithoutResult(status -> {
            here.nudgeEverywhere(deliveriesHere);
            status.setRollbackOnly();
        });
        assertThat(deliveriesThere.await(QUIET)).as("after a rollback").isFalse();
        assertThat(deliveriesHere.await(QUIET)).as("this node, after a rollback").isFalse();

        transactions.executeWithoutResult(status -> here.nudgeEverywhere(deliveriesHere));
        assertThat(deliveriesThere.await(SOON)).as("after a commit").isTrue();
    }

    @Test
    void operatorsSeeWhetherANodeListens() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        NodeNudges watched = new NodeNudges(database, List.of(new WorkSignal("test_watched")), meters);
        Gauge gauge = meters.get("weft.node.nudges.listening").gauge();
        assertThat(gauge.value()).as("before it starts").isZero();

        watched.start();
        awaitListening(watched, true);
        assertThat(gauge.value()).isEqualTo(1.0);

        watched.stop();
        awaitListening(watched, false);
        assertThat(gauge.value()).as("once stopped").isZero();
    }

    @Test
    void aChannelMustBeAPlainIdentifier() {
        assertThatThrownBy(() -> new WorkSignal("x; DROP TABLE y"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("channel");
    }

    private static void awaitListening(NodeNudges nudges, boolean expected) throws InterruptedException {
        long deadline = System.nanoTime() + SOON.toNanos();
        while (nudges.isListening() != expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(nudges.isListening()).isEqualTo(expected);
    }

    /** Both listeners are in place once a probe has reached each; the probes' nudges are then drained. */
    private void startListening() throws InterruptedException {
        here.start();
        there.start();
        NodeNudges prober = new NodeNudges(database, List.of());
        boolean reachedHere = false;
        boolean reachedThere = false;
        long deadline = System.nanoTime() + SOON.toNanos();
        while (!(reachedHere && reachedThere) && System.nanoTime() < deadline) {
            prober.nudgeEverywhere(new WorkSignal("test_deliveries"));
            reachedHere |= deliveriesHere.await(Duration.ofMillis(100));
            reachedThere |= deliveriesThere.await(Duration.ofMillis(100));
        }
        assertThat(reachedHere && reachedThere).as("both nodes listening").isTrue();
        while (deliveriesHere.await(Duration.ofMillis(300)) | deliveriesThere.await(Duration.ofMillis(300))) {
            // drains the probes still on their way
        }
    }
}
