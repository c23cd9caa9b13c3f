package dev.weft.domain.accounts;

import static dev.weft.domain.accounts.AccountFixtures.ACCOUNT_ID;
import static dev.weft.domain.accounts.AccountFixtures.AT;
import static dev.weft.domain.accounts.AccountFixtures.EVERY_COUNTRY;
import static dev.weft.domain.accounts.AccountFixtures.REGISTERED_AT;
import static dev.weft.domain.accounts.AccountFixtures.accountFixture;
import static dev.weft.domain.accounts.AccountFixtures.deleted;
import static dev.weft.domain.accounts.AccountFixtures.registered;
import static dev.weft.domain.accounts.AccountFixtures.sharingTurnedOn;
import static dev.weft.domain.shared.DomainRuleMatchers.onField;
import static org.hamcrest.CoreMatchers.containsString;

import dev.weft.domain.graph.FollowDecision;
import dev.weft.domain.graph.RemoteActorBlockedEvent;
import dev.weft.domain.graph.RemoteActorUnblockedEvent;
import dev.weft.domain.graph.RemoteDomainBlockedEvent;
import dev.weft.domain.graph.RemoteDomainUnblockedEvent;
import dev.weft.domain.shared.GoneException;
import dev.weft.domain.shared.InvalidValueException;
import dev.weft.domain.shared.RemoteActor;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Blocking remote actors and servers, and the follow decisions the account answers. */
class AccountBlocksTest {
    private static final String BOB = "https://bad.example/users/bob";
    private static final RemoteActor BOB_ACTOR = new RemoteActor(BOB, "bad.example");

    private FixtureConfiguration<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = accountFixture(new InMemoryHandleRegistry(), EVERY_COUNTRY);
    }

    private static RemoteActorBlockedEvent bobBlocked() {
        return new RemoteActorBlockedEvent(ACCOUNT_ID, REGISTERED_AT, BOB_ACTOR);
    }

    private static RemoteDomainBlockedEvent domainBlocked(String domain) {
        return new RemoteDomainBlockedEvent(ACCOUNT_ID, domain, REGISTERED_AT);
    }

    // --- BlockRemoteActorCommand ---

    @Test
    void blockingAnActorEmitsBlockedWithItsHost() {
        fixture.given(registered())
                .when(new BlockRemoteActorCommand(ACCOUNT_ID, "https://Bad.Example/users/bob", AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RemoteActorBlockedEvent(ACCOUNT_ID, AT,
                        new RemoteActor("https://Bad.Example/users/bob", "bad.example")));
    }

    @Test
    void blockingABlockedActorAgainIsANoOp() {
        fixture.given(registered(), bobBlocked())
                .when(new BlockRemoteActorCommand(ACCOUNT_ID, BOB, AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void blockingWithoutAnActorIdIsRefused(String actorId) {
        fixture.given(registered())
                .when(new BlockRemoteActorCommand(ACCOUNT_ID, actorId, AT))
                .expectNoEvents()
                .expectException(InvalidValueException.class)
                .expectException(onField("actorId"))
                .expectExceptionMessage(containsString("a remote actor id is required"));
    }

    @Test
    void blockingAnActorIdWithoutAHostIsRefused() {
        fixture.given(registered())
                .when(new BlockRemoteActorCommand(ACCOUNT_ID, "bob", AT))
                .expectException(InvalidValueException.class)
                .expectException(onField("actorId"))
                .expectExceptionMessage(containsString("must be an absolute URL with a host"));
    }

    @Test
    void blockingAnActorIdThatIsNotAUrlIsRefused() {
        fixture.given(registered())
                .when(new BlockRemoteActorCommand(ACCOUNT_ID, "https://bad example/bob", AT))
                .expectException(InvalidValueException.class)
                .expectException(onField("actorId"))
                .expectExceptionMessage(containsString("is not a valid URL"));
    }

    @Test
    void aDeletedAccountCannotBlockAnActor() {
        fixture.given(registered(), deleted())
                .when(new BlockRemoteActorCommand(ACCOUNT_ID, BOB, AT))
                .expectNoEvents()
                .expectException(GoneException.class);
    }

    // --- UnblockRemoteActorCommand ---

    @Test
    void unblockingABlockedActorEmitsUnblocked() {
        fixture.given(registered(), bobBlocked())
                .when(new UnblockRemoteActorCommand(ACCOUNT_ID, BOB, AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RemoteActorUnblockedEvent(ACCOUNT_ID, AT, BOB_ACTOR));
    }

    @Test
    void unblockingAnActorThatIsNotBlockedIsANoOp() {
        fixture.given(registered())
                .when(new UnblockRemoteActorCommand(ACCOUNT_ID, BOB, AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void unblockingWithoutAnActorIdIsRefused() {
        fixture.given(registered(), bobBlocked())
                .when(new UnblockRemoteActorCommand(ACCOUNT_ID, null, AT))
                .expectNoEvents()
                .expectException(InvalidValueException.class)
                .expectException(onField("actorId"));
    }

    @Test
    void aDeletedAccountCannotUnblockAnActor() {
        fixture.given(registered(), bobBlocked(), deleted())
                .when(new UnblockRemoteActorCommand(ACCOUNT_ID, BOB, AT))
                .expectException(GoneException.class);
    }

    // --- BlockRemoteDomainCommand ---

    @Test
    void blockingADomainEmitsBlockedWithTheLowerCaseHostName() {
        fixture.given(registered())
                .when(new BlockRemoteDomainCommand(ACCOUNT_ID, " Bad.Example ", AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RemoteDomainBlockedEvent(ACCOUNT_ID, "bad.example", AT));
    }

    @Test
    void blockingABlockedDomainAgainIsANoOpWhateverItsCase() {
        fixture.given(registered(), domainBlocked("bad.example"))
                .when(new BlockRemoteDomainCommand(ACCOUNT_ID, "BAD.example", AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"bad example", "*.bad.example", "-bad.example", "bad-.example", "bad..example",
            "bad.example.", "https://bad.example", "bad.example/path", "bücher.example"})
    void blockingSomethingThatIsNotAHostNameIsRefused(String domain) {
        fixture.given(registered())
                .when(new BlockRemoteDomainCommand(ACCOUNT_ID, domain, AT))
                .expectNoEvents()
                .expectException(InvalidValueException.class)
                .expectException(onField("domain"))
                .expectExceptionMessage(containsString("domain must be a host name"));
    }

    @Test
    void aHostNameLongerThan253CharactersIsRefused() {
        String label = "a".repeat(63);
        String tooLong = String.join(".", label, label, label, label); // 255 characters
        fixture.given(registered())
                .when(new BlockRemoteDomainCommand(ACCOUNT_ID, tooLong, AT))
                .expectException(InvalidValueException.class)
                .expectException(onField("domain"));
    }

    @Test
    void aDeletedAccountCannotBlockADomain() {
        fixture.given(registered(), deleted())
                .when(new BlockRemoteDomainCommand(ACCOUNT_ID, "bad.example", AT))
                .expectNoEvents()
                .expectException(GoneException.class);
    }

    // --- UnblockRemoteDomainCommand ---

    @Test
    void unblockingABlockedDomainEmitsUnblocked() {
        fixture.given(registered(), domainBlocked("bad.example"))
                .when(new UnblockRemoteDomainCommand(ACCOUNT_ID, "Bad.Example", AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RemoteDomainUnblockedEvent(ACCOUNT_ID, "bad.example", AT));
    }

    @Test
    void unblockingADomainThatIsNotBlockedIsANoOp() {
        fixture.given(registered())
                .when(new UnblockRemoteDomainCommand(ACCOUNT_ID, "bad.example", AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void unblockingSomethingThatIsNotAHostNameIsRefused() {
        fixture.given(registered(), domainBlocked("bad.example"))
                .when(new UnblockRemoteDomainCommand(ACCOUNT_ID, "*.bad.example", AT))
                .expectNoEvents()
                .expectException(InvalidValueException.class)
                .expectException(onField("domain"));
    }

    @Test
    void aDeletedAccountCannotUnblockADomain() {
        fixture.given(registered(), domainBlocked("bad.example"), deleted())
                .when(new UnblockRemoteDomainCommand(ACCOUNT_ID, "bad.example", AT))
                .expectException(GoneException.class);
    }

    // --- EvaluateFollowRequestCommand ---

    @Test
    void aSharingAccountAcceptsAFollowRequest() {
        fixture.given(registered(), sharingTurnedOn())
                .when(new EvaluateFollowRequestCommand(ACCOUNT_ID, BOB, AT))
                .expectNoEvents()
                .expectResultMessagePayload(FollowDecision.accept());
    }

    @Test
    void anAccountThatDoesNotShareRejectsAFollowRequest() {
        fixture.given(registered())
                .when(new EvaluateFollowRequestCommand(ACCOUNT_ID, BOB, AT))
                .expectNoEvents()
                .expectResultMessagePayload(FollowDecision.reject("account does not share with the fediverse"));
    }

    @Test
    void aDeletedAccountRejectsAFollowRequestInsteadOfFailing() {
        fixture.given(registered(), sharingTurnedOn(), deleted())
                .when(new EvaluateFollowRequestCommand(ACCOUNT_ID, BOB, AT))
                .expectNoEvents()
                .expectResultMessagePayload(FollowDecision.reject("account deleted"));
    }

    @Test
    void aBlockedActorIsRejected() {
        fixture.given(registered(), sharingTurnedOn(), bobBlocked())
                .when(new EvaluateFollowRequestCommand(ACCOUNT_ID, BOB, AT))
                .expectNoEvents()
                .expectResultMessagePayload(FollowDecision.reject("blocked"));
    }

    @Test
    void anActorOnASubdomainOfABlockedDomainIsRejected() {
        fixture.given(registered(), sharingTurnedOn(), domainBlocked("bad.example"))
                .when(new EvaluateFollowRequestCommand(ACCOUNT_ID, "https://social.bad.example/users/eve", AT))
                .expectNoEvents()
                .expectResultMessagePayload(FollowDecision.reject("blocked"));
    }

    @Test
    void anActorOnADomainThatMerelyEndsLikeABlockedOneIsAccepted() {
        fixture.given(registered(), sharingTurnedOn(), domainBlocked("bad.example"))
                .when(new EvaluateFollowRequestCommand(ACCOUNT_ID, "https://notbad.example/users/eve", AT))
                .expectResultMessagePayload(FollowDecision.accept());
    }

    @Test
    void anUnblockedActorIsAcceptedAgain() {
        fixture.given(registered(), sharingTurnedOn(), bobBlocked(),
                        new RemoteActorUnblockedEvent(ACCOUNT_ID, REGISTERED_AT, BOB_ACTOR))
                .when(new EvaluateFollowRequestCommand(ACCOUNT_ID, BOB, AT))
                .expectResultMessagePayload(FollowDecision.accept());
    }

    @Test
    void anActorOfAnUnblockedDomainIsAcceptedAgain() {
        fixture.given(registered(), sharingTurnedOn(), domainBlocked("bad.example"),
                        new RemoteDomainUnblockedEvent(ACCOUNT_ID, "bad.example", REGISTERED_AT))
                .when(new EvaluateFollowRequestCommand(ACCOUNT_ID, BOB, AT))
                .expectResultMessagePayload(FollowDecision.accept());
    }

    @Test
    void evaluatingAFollowRequestWithAMalformedActorIdIsRefused() {
        fixture.given(registered(), sharingTurnedOn())
                .when(new EvaluateFollowRequestCommand(ACCOUNT_ID, "bob", AT))
                .expectNoEvents()
                .expectException(InvalidValueException.class)
                .expectException(onField("actorId"));
    }
}
