package dev.weft.domain.accounts;

import static dev.weft.domain.accounts.AccountFixtures.ACCOUNT_ID;
import static dev.weft.domain.accounts.AccountFixtures.AT;
import static dev.weft.domain.accounts.AccountFixtures.EVERY_COUNTRY;
import static dev.weft.domain.accounts.AccountFixtures.REGISTERED_AT;
import static dev.weft.domain.accounts.AccountFixtures.accountFixture;
import static dev.weft.domain.accounts.AccountFixtures.deleted;
import static dev.weft.domain.accounts.AccountFixtures.registered;
import static dev.weft.domain.shared.DomainRuleMatchers.onField;
import static org.hamcrest.CoreMatchers.containsString;

import dev.weft.domain.shared.ConflictException;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Erasing a deleted account's personal data. */
class AccountErasureTest {
    private FixtureConfiguration<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = accountFixture(new InMemoryHandleRegistry(), EVERY_COUNTRY);
    }

    @Test
    void aDeletedAccountIsErased() {
        fixture.given(registered(), deleted())
                .when(new EraseAccountCommand(ACCOUNT_ID, AT))
                .expectEvents(new AccountErasedEvent(ACCOUNT_ID, AT));
    }

    @Test
    void anAccountIsErasedOnce() {
        fixture.given(registered(), deleted(), new AccountErasedEvent(ACCOUNT_ID, REGISTERED_AT))
                .when(new EraseAccountCommand(ACCOUNT_ID, AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aLivingAccountIsNotErased() {
        fixture.given(registered())
                .when(new EraseAccountCommand(ACCOUNT_ID, AT))
                .expectNoEvents()
                .expectException(ConflictException.class)
                .expectException(onField("accountId"))
                .expectExceptionMessage(containsString("only a deleted account is erased"));
    }
}
