package dev.weft.domain.accounts;

import dev.weft.domain.sharing.FediverseEligibility;
import dev.weft.domain.sharing.FediverseSharingTurnedOnEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;

/** Shared givens for the Account tests: one registered adult with a public profile in Germany. */
final class AccountFixtures {
    static final String ACCOUNT_ID = "account-1";
    static final String CREDENTIAL_HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static final Instant REGISTERED_AT = Instant.parse("2026-11-01T10:00:00Z");
    /** When the command under test happens. */
    static final Instant AT = Instant.parse("2026-11-02T09:30:00Z");
    /** The UTC date of {@link #AT}, the day age and the future are judged against. */
    static final LocalDate TODAY = AT.atZone(ZoneOffset.UTC).toLocalDate();
    static final LocalDate BIRTH_DATE = LocalDate.parse("1990-05-17");
    static final String CONSENT = "2026-11";
    static final FediverseEligibility EVERY_COUNTRY = new FediverseEligibility(Set.of(), CONSENT);

    private AccountFixtures() {
    }

    static FixtureConfiguration<Account> accountFixture(HandleRegistry handles, FediverseEligibility eligibility) {
        FixtureConfiguration<Account> fixture = new AggregateTestFixture<>(Account.class);
        fixture.registerInjectableResource(handles);
        fixture.registerInjectableResource(eligibility);
        return fixture;
    }

    static AccountPersonalData alice() {
        return new AccountPersonalData("alice", "Alice", BIRTH_DATE);
    }

    static AccountRegisteredEvent registered() {
        return registered(true, "DE", BIRTH_DATE);
    }

    static AccountRegisteredEvent registeredPrivate() {
        return registered(false, "DE", BIRTH_DATE);
    }

    static AccountRegisteredEvent registered(boolean publicProfile, String country, LocalDate birthDate) {
        return new AccountRegisteredEvent(ACCOUNT_ID, publicProfile, country, CREDENTIAL_HASH, REGISTERED_AT,
                new AccountPersonalData("alice", "Alice", birthDate));
    }

    static FediverseSharingTurnedOnEvent sharingTurnedOn() {
        return new FediverseSharingTurnedOnEvent(ACCOUNT_ID, CONSENT, REGISTERED_AT);
    }

    static AccountDeletedEvent deleted() {
        return new AccountDeletedEvent(ACCOUNT_ID, REGISTERED_AT);
    }
}
