package dev.weft.infrastructure.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PauseTest {

    @Test
    void anInterruptEndsTheWaitAtOnceAndStaysSetForTheCallersLoop() {
        Thread.currentThread().interrupt();
        long started = System.nanoTime();

        Pause.before(Duration.ofMinutes(1));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        assertThat(Thread.interrupted()).as("still interrupted").isTrue();
    }
}
