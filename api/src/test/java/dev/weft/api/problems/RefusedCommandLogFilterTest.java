package dev.weft.api.problems;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.core.spi.FilterReply;
import dev.weft.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RefusedCommandLogFilterTest {
    private final RefusedCommandLogFilter filter = new RefusedCommandLogFilter();
    private final Logger axon = (Logger) LoggerFactory.getLogger(RefusedCommandLogFilter.AXON_REPOSITORY_LOGGER);
    private final Logger other = (Logger) LoggerFactory.getLogger("dev.weft.Other");
    private final InvalidValueException refusal = new InvalidValueException("text", "text is 501 characters");

    @Test
    void dropsAxonsWarningAboutARefusalByTheDomain() {
        assertThat(filter.decide(null, axon, Level.WARN, "Exception occurred", null, refusal))
                .isEqualTo(FilterReply.DENY);
        assertThat(filter.decide(null, axon, Level.WARN, "Exception occurred", new Object[] {refusal}, null))
                .isEqualTo(FilterReply.DENY);
    }

    @Test
    void keepsEveryOtherExceptionAndEveryOtherLogger() {
        assertThat(filter.decide(null, axon, Level.WARN, "Exception occurred", null, new IllegalStateException()))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(null, axon, Level.WARN, "Exception occurred", null, null))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(null, other, Level.WARN, "refused", null, refusal)).isEqualTo(FilterReply.NEUTRAL);
    }
}
