package dev.weft.domain.accounts;

import static dev.weft.domain.accounts.AccountFixtures.ACCOUNT_ID;
import static dev.weft.domain.accounts.AccountFixtures.AT;
import static dev.weft.domain.accounts.AccountFixtures.EVERY_COUNTRY;
import static dev.weft.domain.accounts.AccountFixtures.accountFixture;
import static dev.weft.domain.accounts.AccountFixtures.deleted;
import static dev.weft.domain.accounts.AccountFixtures.registered;
import static dev.weft.domain.shared.DomainRuleMatchers.onField;
import static org.hamcrest.CoreMatchers.containsString;

import dev.weft.domain.shared.GoneException;
import dev.weft.domain.shared.InvalidValueException;
import java.util.Collections;
import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** alsoKnownAs: the other accounts a person names, so a move into Weft is accepted by the old server. */
class AccountAliasesTest {
    private static final String OLD = "https://mastodon.example/users/alice";
    private FixtureConfiguration<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = accountFixture(new InMemoryHandleRegistry(), EVERY_COUNTRY);
    }

    @Test
    void namingAnotherAccountRecordsTheWholeListTrimmedOnce() {
        fixture.given(registered())
                .when(new SetAlsoKnownAsCommand(ACCOUNT_ID, List.of(" " + OLD + " ", OLD), AT))
                .expectEvents(new AccountAliasesSetEvent(ACCOUNT_ID, List.of(OLD), AT));
    }

    @Test
    void theSameListAgainRecordsNothing() {
        fixture.given(registered(), new AccountAliasesSetEvent(ACCOUNT_ID, List.of(OLD), AT))
                .when(new SetAlsoKnownAsCommand(ACCOUNT_ID, List.of(OLD), AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anEmptyListClearsIt() {
        fixture.given(registered(), new AccountAliasesSetEvent(ACCOUNT_ID, List.of(OLD), AT))
                .when(new SetAlsoKnownAsCommand(ACCOUNT_ID, List.of(), AT))
                .expectEvents(new AccountAliasesSetEvent(ACCOUNT_ID, List.of(), AT));
    }

    @Test
    void anAliasThatIsNoActorIriIsRefused() {
        fixture.given(registered())
                .when(new SetAlsoKnownAsCommand(ACCOUNT_ID, List.of("alice@mastodon.example"), AT))
                .expectNoEvents()
                .expectException(InvalidValueException.class)
                .expectException(onField("alsoKnownAs"))
                .expectExceptionMessage(containsString("http(s) actor IRI"));
    }

    @Test
    void tooManyAliasesAreRefused() {
        fixture.given(registered())
                .when(new SetAlsoKnownAsCommand(ACCOUNT_ID, Collections.nCopies(11, OLD), AT))
                .expectNoEvents()
                .expectException(onField("alsoKnownAs"))
                .expectExceptionMessage(containsString("at most 10"));
    }

    @Test
    void aMissingListIsRefused() {
        fixture.given(registered())
                .when(new SetAlsoKnownAsCommand(ACCOUNT_ID, null, AT))
                .expectNoEvents()
                .expectException(onField("alsoKnownAs"));
    }

    @Test
    void aDeletedAccountHasNoOtherNames() {
        fixture.given(registered(), deleted())
                .when(new SetAlsoKnownAsCommand(ACCOUNT_ID, List.of(OLD), AT))
                .expectNoEvents()
                .expectException(GoneException.class);
    }
}
