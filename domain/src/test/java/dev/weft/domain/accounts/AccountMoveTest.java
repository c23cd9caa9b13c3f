package dev.weft.domain.accounts;

import static dev.weft.domain.accounts.AccountFixtures.ACCOUNT_ID;
import static dev.weft.domain.accounts.AccountFixtures.AT;
import static dev.weft.domain.accounts.AccountFixtures.CONSENT;
import static dev.weft.domain.accounts.AccountFixtures.EVERY_COUNTRY;
import static dev.weft.domain.accounts.AccountFixtures.REGISTERED_AT;
import static dev.weft.domain.accounts.AccountFixtures.accountFixture;
import static dev.weft.domain.accounts.AccountFixtures.deleted;
import static dev.weft.domain.accounts.AccountFixtures.registered;
import static dev.weft.domain.accounts.AccountFixtures.sharingTurnedOn;
import static dev.weft.domain.shared.DomainRuleMatchers.onField;
import static org.hamcrest.CoreMatchers.containsString;

import dev.weft.domain.graph.FollowDecision;
import dev.weft.domain.shared.ConflictException;
import dev.weft.domain.shared.GoneException;
import dev.weft.domain.shared.InvalidValueException;
import dev.weft.domain.shared.NotEligibleException;
import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** MoveAccountCommand: an account that shares moves once, and a moved account federates no new posts. */
class AccountMoveTest {
    private static final String TARGET = "https://new.example/users/alice";

    private FixtureConfiguration<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = accountFixture(new InMemoryHandleRegistry(), EVERY_COUNTRY);
    }

    private static AccountMovedEvent moved() {
        return new AccountMovedEvent(ACCOUNT_ID, TARGET, REGISTERED_AT);
    }

    @Test
    void aSharingAccountMovesToTheTarget() {
        fixture.given(registered(), sharingTurnedOn())
                .when(new MoveAccountCommand(ACCOUNT_ID, " " + TARGET + " ", AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AccountMovedEvent(ACCOUNT_ID, TARGET, AT));
    }

    @Test
    void movingAgainToTheSameTargetRecordsNothing() {
        fixture.given(registered(), sharingTurnedOn(), moved())
                .when(new MoveAccountCommand(ACCOUNT_ID, TARGET, AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void movingAgainElsewhereIsAConflictOnTheTarget() {
        fixture.given(registered(), sharingTurnedOn(), moved())
                .when(new MoveAccountCommand(ACCOUNT_ID, "https://other.example/users/alice", AT))
                .expectNoEvents()
                .expectException(ConflictException.class)
                .expectException(onField("target"))
                .expectExceptionMessage(containsString("already moved to " + TARGET));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "acct:alice@new.example", "ftp://new.example/alice"})
    void aTargetThatIsNoHttpIriIsRefused(String target) {
        fixture.given(registered(), sharingTurnedOn())
                .when(new MoveAccountCommand(ACCOUNT_ID, target, AT))
                .expectNoEvents()
                .expectException(InvalidValueException.class)
                .expectException(onField("target"));
    }

    @Test
    void anAccountThatDoesNotShareCannotMove() {
        fixture.given(registered())
                .when(new MoveAccountCommand(ACCOUNT_ID, TARGET, AT))
                .expectNoEvents()
                .expectException(NotEligibleException.class)
                .expectExceptionMessage(containsString("shares with the fediverse"));
    }

    @Test
    void aDeletedAccountCannotMove() {
        fixture.given(registered(), sharingTurnedOn(), deleted())
                .when(new MoveAccountCommand(ACCOUNT_ID, TARGET, AT))
                .expectNoEvents()
                .expectException(GoneException.class);
    }

    @Test
    void aMovedAccountsNewPostsStayOffTheFediverseByDefault() {
        fixture.given(registered(), sharingTurnedOn(), moved())
                .when(new AuthorizePostCommand(ACCOUNT_ID, null, null))
                .expectNoEvents()
                .expectResultMessagePayload(new PostPermit(ACCOUNT_ID, List.of(), false, CONSENT));
    }

    @Test
    void aMovedAccountCannotAskToFederateANewPost() {
        fixture.given(registered(), sharingTurnedOn(), moved())
                .when(new AuthorizePostCommand(ACCOUNT_ID, null, true))
                .expectNoEvents()
                .expectException(NotEligibleException.class)
                .expectException(onField("shareToFediverse"))
                .expectExceptionMessage(containsString("moved to " + TARGET));
    }

    @Test
    void aMovedAccountRejectsNewFollowers() {
        fixture.given(registered(), sharingTurnedOn(), moved())
                .when(new EvaluateFollowRequestCommand(ACCOUNT_ID, "https://remote.example/users/bob", AT))
                .expectNoEvents()
                .expectResultMessagePayload(FollowDecision.reject("account moved to " + TARGET));
    }
}
