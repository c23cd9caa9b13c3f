package dev.weft.application.crossposting.platforms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LinkSecretTest {
    private static final Instant LATER = Instant.parse("2027-02-01T00:00:00Z");
    private final LinkSecret stored = new LinkSecret("access-1", "refresh-1", Instant.parse("2026-12-10T00:00:00Z"),
            "app-password");

    @Test
    void aRefreshReplacesWhatThePlatformAnswered() {
        assertThat(stored.refreshedWith("access-2", "refresh-2", LATER))
                .isEqualTo(new LinkSecret("access-2", "refresh-2", LATER, "app-password"));
    }

    @Test
    void aRefreshNeverBlanksWhatThePlatformLeftOut() {
        assertThat(stored.refreshedWith("access-2", "", null))
                .isEqualTo(new LinkSecret("access-2", "refresh-1", stored.expiresAt(), "app-password"));
        assertThat(stored.refreshedWith(null, null, null)).isEqualTo(stored);
    }

    @Test
    void aSecretNeverPrintsItself() {
        assertThat(stored.toString()).doesNotContain("access-1").doesNotContain("refresh-1")
                .doesNotContain("app-password");
    }
}
