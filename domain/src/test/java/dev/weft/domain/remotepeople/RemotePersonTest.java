package dev.weft.domain.remotepeople;

import static dev.weft.domain.shared.DomainRuleMatchers.onField;

import dev.weft.domain.shared.ConflictException;
import dev.weft.domain.shared.InvalidValueException;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A remote person is erased once, by their own IRI, under a placeholder. */
class RemotePersonTest {
    private static final String ZOE = "https://remote.example/users/zoe";
    private static final String PERSON_ID = RemotePersonIds.of(ZOE);
    private static final String ERASED_AS = "urn:weft:erased:7f1c";
    private static final Instant AT = Instant.parse("2026-12-03T07:00:00Z");

    private FixtureConfiguration<RemotePerson> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RemotePerson.class);
    }

    private static RemotePersonErasedEvent erased() {
        return new RemotePersonErasedEvent(PERSON_ID, ZOE, "remote.example", ERASED_AS, AT);
    }

    @Test
    void aRemotePersonIsErasedWithTheirHostInClear() {
        fixture.givenNoPriorActivity()
                .when(new EraseRemotePersonCommand(PERSON_ID, ZOE, ERASED_AS, AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(erased());
    }

    @Test
    void aSecondErasureIsAConflict() {
        fixture.given(erased())
                .when(new EraseRemotePersonCommand(PERSON_ID, ZOE, ERASED_AS, AT.plusSeconds(60)))
                .expectNoEvents()
                .expectException(ConflictException.class)
                .expectException(onField("actorId"));
    }

    @Test
    void anotherPersonsIdIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new EraseRemotePersonCommand(RemotePersonIds.of("https://remote.example/users/yan"), ZOE,
                        ERASED_AS, AT))
                .expectNoEvents()
                .expectException(InvalidValueException.class)
                .expectException(onField("personId"));
    }

    @Test
    void aPlaceholderThatIsNoneIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new EraseRemotePersonCommand(PERSON_ID, ZOE, "zoe", AT))
                .expectNoEvents()
                .expectException(InvalidValueException.class)
                .expectException(onField("erasedAs"));
    }

    @Test
    void anActorIdThatIsNoUrlIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new EraseRemotePersonCommand(RemotePersonIds.of("zoe"), "zoe", ERASED_AS, AT))
                .expectNoEvents()
                .expectException(InvalidValueException.class)
                .expectException(onField("actorId"));
    }
}
