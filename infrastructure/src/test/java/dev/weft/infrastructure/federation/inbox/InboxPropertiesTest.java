package dev.weft.infrastructure.federation.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class InboxPropertiesTest {

    @Test
    void defaultsToTwoWorkersAndAWeek() {
        InboxProperties defaults = new InboxProperties(null, null, null);
        assertThat(defaults.workers()).isEqualTo(2);
        assertThat(defaults.retention()).isEqualTo(Duration.ofDays(7));
        assertThat(defaults.purgeInterval()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void refusesARetentionShorterThanASignatureStaysFresh() {
        assertThatThrownBy(() -> new InboxProperties(null, Duration.ofMinutes(30), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weft.federation.inbox.retention must be at least PT2H");
    }

    @Test
    void refusesNoWorkers() {
        assertThatThrownBy(() -> new InboxProperties(0, null, null))
                .hasMessageContaining("weft.federation.inbox.workers must be at least 1");
    }

    @Test
    void refusesANonPositivePurgeInterval() {
        assertThatThrownBy(() -> new InboxProperties(null, null, Duration.ZERO))
                .hasMessageContaining("weft.federation.inbox.purge-interval must be positive");
    }
}
