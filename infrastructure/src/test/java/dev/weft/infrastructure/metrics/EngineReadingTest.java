package dev.weft.infrastructure.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.application.projections.ProjectionStatus;
import dev.weft.application.projections.RebuildProgress;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the projection gauges read from one look at the projections. */
class EngineReadingTest {
    private static final Instant STARTED = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void aRunningRebuildShowsItsShareOfTheEvents() {
        EngineReading reading = reading(new ProjectionStatus("followers", 900, 1000, 100, "rebuilding",
                new RebuildProgress(250, 1000, 500.0, STARTED), null, 2));

        assertThat(reading.rebuilding("followers")).isEqualTo(1.0);
        assertThat(reading.rebuildProgress("followers")).isEqualTo(0.25);
        assertThat(reading.lag("followers")).isEqualTo(100.0);
        assertThat(reading.position("followers")).isEqualTo(900.0);
        assertThat(reading.deadLetters("followers")).isEqualTo(2.0);
    }

    @Test
    void writesDuringARebuildNeverPushItsProgressPastTheWhole() {
        EngineReading reading = reading(new ProjectionStatus("followers", 1200, 1200, 0, "rebuilding",
                new RebuildProgress(1100, 1000, 500.0, STARTED), null, 0));

        assertThat(reading.rebuildProgress("followers")).isEqualTo(1.0);
    }

    @Test
    void aLiveProjectionIsNotRebuildingAndAnUnknownOneHasNoValue() {
        EngineReading reading = reading(new ProjectionStatus("followers", 1000, 1000, 0, "live", null, null, 0));

        assertThat(reading.rebuilding("followers")).isZero();
        assertThat(reading.rebuildProgress("followers")).isZero();
        assertThat(reading.lag("timelines")).isNaN();
        assertThat(reading.rebuildProgress("timelines")).isNaN();
    }

    private static EngineReading reading(ProjectionStatus status) {
        return new EngineReading(0, 0, 0, 0, 0, Map.of(status.name(), status));
    }
}
