package dev.weft.infrastructure.federation.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class InboxPropertiesTest {

    @Test
    void defaultsToTwoWorkersAWeekOfBodiesAndNinetyDaysOfIds() {
        InboxProperties defaults = new InboxProperties(null, null, null, null);
        assertThat(defaults.workers()).isEqualTo(2);
        assertThat(defaults.retention()).isEqualTo(Duration.ofDays(7));
        assertThat(defaults.dedupeWindow()).isEqualTo(Duration.ofDays(90));
        assertThat(defaults.purgeInterval()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void refusesToForgetIdsWhileAReplayCouldStillCarryAFreshSignature() {
        assertThatThrownBy(() -> new InboxProperties(null, Duration.ofMinutes(30), Duration.ofMinutes(90), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weft.federation.inbox.dedupe-window must be at least PT2H");
    }

    @Test
    void refusesToKeepIdsShorterThanBodies() {
        assertThatThrownBy(() -> new InboxProperties(null, Duration.ofDays(30), Duration.ofDays(7), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dedupe-window (PT168H) must not be shorter than retention (PT720H)");
    }

    @Test
    void refusesNoWorkersNoRetentionAndASubSecondInterval() {
        assertThatThrownBy(() -> new InboxProperties(0, null, null, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weft.federation.inbox.workers must be at least 1");
        assertThatThrownBy(() -> new InboxProperties(null, Duration.ZERO, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retention must be positive");
        assertThatThrownBy(() -> new InboxProperties(null, null, null, Duration.ofMillis(500)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("purge-interval must be at least 1s");
    }
}
