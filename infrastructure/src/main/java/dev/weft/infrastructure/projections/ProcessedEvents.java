package dev.weft.infrastructure.projections;

import dev.weft.application.shared.ProcessingGroups;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether a stored event has been handled by every streaming processor that handles its
 * type, on any node, judged from the shared token table; and the event itself, read again.
 */
@Component
public class ProcessedEvents {
    private final JdbcTemplate jdbc;
    private final TokenTable tokens;
    private final EventLog events;
    private final EventProcessingConfiguration processing;

    ProcessedEvents(JdbcTemplate jdbc, TokenTable tokens, EventLog events, EventProcessingConfiguration processing) {
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.events = events;
        this.processing = processing;
    }

    /**
     * A processor stores its token only after a batch it had work in, so each handler of the
     * type moves its token past the event. One parked as a dead letter is not handled yet.
     */
    public boolean handledEverywhere(String eventIdentifier, Class<?> payloadType) {
        Optional<Long> index = indexOf(eventIdentifier);
        if (index.isEmpty() || parked(eventIdentifier)) {
            return false;
        }
        return handlersOf(payloadType).stream().allMatch(name -> tokens.read(name, false).passed(index.get()));
    }

    /** The event's payload as a reader sees it now: sealed fields open, or placeholders once erased. */
    public Optional<Object> payloadOf(String eventIdentifier) {
        return indexOf(eventIdentifier).flatMap(index -> events.read(index - 1, Set.of(), 1).stream()
                .filter(event -> EventLog.indexOf(event) == index).findFirst().map(event -> event.getPayload()));
    }

    private List<String> handlersOf(Class<?> payloadType) {
        return ProcessingGroups.STREAMING.stream().filter(name -> processing
                .eventProcessor(name, AbstractEventProcessor.class)
                .map(processor -> processor.eventHandlerInvoker().canHandleType(payloadType)).orElse(false))
                .sorted().toList();
    }

    private Optional<Long> indexOf(String eventIdentifier) {
        return jdbc.queryForList("SELECT global_index FROM domain_event_entry WHERE event_identifier = ?", Long.class,
                eventIdentifier).stream().findFirst();
    }

    private boolean parked(String eventIdentifier) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM dead_letter_entry "
                + "WHERE event_identifier = ?)", Boolean.class, eventIdentifier));
    }
}
