package dev.weft.api.problems;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import dev.weft.domain.shared.DomainRuleException;
import jakarta.annotation.PostConstruct;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;

/**
 * Axon logs every exception thrown while an aggregate is created as a warning with its stack
 * trace, so every refused publish (a 501-character text, a link that is not yours) and every
 * refused inbox activity wrote one: noise for operators, and a way for anyone with a token to
 * flood the log. A refusal by the domain is answered (a 4xx, or the activity's outcome); only
 * those are dropped here, and every other exception from that logger is still logged.
 */
@Component
public class RefusedCommandLogFilter extends TurboFilter {
    static final String AXON_REPOSITORY_LOGGER = "org.axonframework.modelling.command.AbstractRepository";

    @PostConstruct
    void install() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
                && !context.getTurboFilterList().contains(this)) {
            setName("refused-commands");
            start();
            context.addTurboFilter(this);
        }
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                              Throwable t) {
        // Turbo filters run for every logging call, enabled or not (JDBC asks isTraceEnabled for
        // every parameter it binds): a call carrying no exception is let through before anything else.
        Throwable thrown = thrown(t, params);
        return thrown instanceof DomainRuleException && AXON_REPOSITORY_LOGGER.equals(logger.getName())
                ? FilterReply.DENY : FilterReply.NEUTRAL;
    }

    /** SLF4J passes a trailing exception among the parameters when the call has no explicit one. */
    private static Throwable thrown(Throwable t, Object[] params) {
        if (t != null || params == null || params.length == 0) {
            return t;
        }
        return params[params.length - 1] instanceof Throwable last ? last : null;
    }
}
