package dev.weft.domain.accounts;

import static dev.weft.domain.accounts.AccountFixtures.ACCOUNT_ID;
import static dev.weft.domain.accounts.AccountFixtures.AT;
import static dev.weft.domain.accounts.AccountFixtures.CONSENT;
import static dev.weft.domain.accounts.AccountFixtures.EVERY_COUNTRY;
import static dev.weft.domain.accounts.AccountFixtures.REGISTERED_AT;
import static dev.weft.domain.accounts.AccountFixtures.TODAY;
import static dev.weft.domain.accounts.AccountFixtures.accountFixture;
import static dev.weft.domain.accounts.AccountFixtures.alice;
import static dev.weft.domain.accounts.AccountFixtures.deleted;
import static dev.weft.domain.accounts.AccountFixtures.registered;
import static dev.weft.domain.accounts.AccountFixtures.registeredPrivate;
import static dev.weft.domain.accounts.AccountFixtures.sharingTurnedOn;
import static dev.weft.domain.shared.DomainRuleMatchers.onField;
import static org.hamcrest.CoreMatchers.containsString;

import dev.weft.domain.shared.GoneException;
import dev.weft.domain.shared.InvalidValueException;
import dev.weft.domain.shared.NotEligibleException;
import dev.weft.domain.sharing.FediverseEligibility;
import dev.weft.domain.sharing.FediverseSharingTurnedOffEvent;
import dev.weft.domain.sharing.FediverseSharingTurnedOnEvent;
import dev.weft.domain.sharing.SharingStopReason;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Turning fediverse sharing on and off, and what ends it. */
class AccountSharingTest {
    private FixtureConfiguration<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = accountFixture(new InMemoryHandleRegistry(), EVERY_COUNTRY);
    }

    private static TurnOnFediverseSharingCommand turnOn(String consentVersion) {
        return new TurnOnFediverseSharingCommand(ACCOUNT_ID, consentVersion, AT);
    }

    // --- TurnOnFediverseSharingCommand ---

    @Test
    void anEligibleAccountTurnsSharingOn() {
        fixture.given(registered())
                .when(turnOn(CONSENT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new FediverseSharingTurnedOnEvent(ACCOUNT_ID, CONSENT, AT));
    }

    @Test
    void turningSharingOnAgainWithTheSameConsentIsANoOp() {
        fixture.given(registered(), sharingTurnedOn())
                .when(turnOn(CONSENT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void acceptingANewerExplanationWhileSharingRecordsTheNewConsent() {
        fixture.given(registered(), new FediverseSharingTurnedOnEvent(ACCOUNT_ID, "2026-05", REGISTERED_AT))
                .when(turnOn(CONSENT))
                .expectEvents(new FediverseSharingTurnedOnEvent(ACCOUNT_ID, CONSENT, AT));
    }

    @Test
    void sharingCanBeTurnedOnAgainAfterItWasTurnedOff() {
        fixture.given(registered(), sharingTurnedOn(),
                        new FediverseSharingTurnedOffEvent(ACCOUNT_ID, CONSENT, SharingStopReason.REQUESTED,
                                REGISTERED_AT))
                .when(turnOn(CONSENT))
                .expectEvents(new FediverseSharingTurnedOnEvent(ACCOUNT_ID, CONSENT, AT));
    }

    @Test
    void consentToAnOutdatedExplanationIsRefused() {
        fixture.given(registered())
                .when(turnOn("2026-05"))
                .expectNoEvents()
                .expectException(NotEligibleException.class)
                .expectException(onField("consentVersion"))
                .expectExceptionMessage(containsString("is not the current explanation '2026-11'"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void aMissingConsentVersionIsRefused(String consentVersion) {
        fixture.given(registered())
                .when(turnOn(consentVersion))
                .expectNoEvents()
                .expectException(InvalidValueException.class)
                .expectException(onField("consentVersion"))
                .expectExceptionMessage(containsString("consentVersion is required"));
    }

    @Test
    void aPrivateProfileCannotShare() {
        fixture.given(registeredPrivate())
                .when(turnOn(CONSENT))
                .expectNoEvents()
                .expectException(NotEligibleException.class)
                .expectException(onField("publicProfile"))
                .expectExceptionMessage(containsString("needs a public profile"));
    }

    @Test
    void aProfileMadePrivateAfterRegistrationCannotShare() {
        fixture.given(registered(), new AccountProfileUpdatedEvent(ACCOUNT_ID, false, "DE", REGISTERED_AT, alice()))
                .when(turnOn(CONSENT))
                .expectException(NotEligibleException.class)
                .expectException(onField("publicProfile"));
    }

    @Test
    void aPersonOneDayShortOfEighteenOnTheCommandsDateCannotShare() {
        LocalDate oneDayShortOfEighteen = TODAY.minusYears(18).plusDays(1);
        fixture.given(registered(true, "DE", oneDayShortOfEighteen))
                .when(turnOn(CONSENT))
                .expectNoEvents()
                .expectException(NotEligibleException.class)
                .expectException(onField("birthDate"))
                .expectExceptionMessage(containsString("18 or older"));
    }

    @Test
    void aPersonWhoTurnsEighteenOnTheCommandsDateMayShare() {
        LocalDate eighteenToday = TODAY.minusYears(18);
        fixture.given(registered(true, "DE", eighteenToday))
                .when(turnOn(CONSENT))
                .expectEvents(new FediverseSharingTurnedOnEvent(ACCOUNT_ID, CONSENT, AT));
    }

    @Test
    void ageIsJudgedOnTheCommandsUtcDateNotOnRegistration() {
        // 17 when registering on 2026-11-01, 18 on the UTC date of the command, late in the evening.
        LocalDate born = LocalDate.parse("2008-11-03");
        Instant lateOnTheBirthday = Instant.parse("2026-11-03T23:59:00Z");
        fixture.given(registered(true, "DE", born))
                .when(new TurnOnFediverseSharingCommand(ACCOUNT_ID, CONSENT, lateOnTheBirthday))
                .expectEvents(new FediverseSharingTurnedOnEvent(ACCOUNT_ID, CONSENT, lateOnTheBirthday));
    }

    @Test
    void aCountryOutsideTheEligibleSetCannotShare() {
        FixtureConfiguration<Account> restricted = accountFixture(new InMemoryHandleRegistry(),
                new FediverseEligibility(Set.of("FR", "NL"), CONSENT));

        restricted.given(registered())
                .when(turnOn(CONSENT))
                .expectNoEvents()
                .expectException(NotEligibleException.class)
                .expectException(onField("country"))
                .expectExceptionMessage(containsString("not available in country DE"));
    }

    @Test
    void aCountryInTheEligibleSetMayShare() {
        FixtureConfiguration<Account> restricted = accountFixture(new InMemoryHandleRegistry(),
                new FediverseEligibility(Set.of("DE", "NL"), CONSENT));

        restricted.given(registered())
                .when(turnOn(CONSENT))
                .expectEvents(new FediverseSharingTurnedOnEvent(ACCOUNT_ID, CONSENT, AT));
    }

    @Test
    void aDeletedAccountCannotTurnSharingOn() {
        fixture.given(registered(), deleted())
                .when(turnOn(CONSENT))
                .expectNoEvents()
                .expectException(GoneException.class)
                .expectException(onField("accountId"));
    }

    // --- TurnOffFediverseSharingCommand ---

    @Test
    void turningSharingOffEndsTheConsentItWasGivenUnder() {
        fixture.given(registered(), sharingTurnedOn())
                .when(new TurnOffFediverseSharingCommand(ACCOUNT_ID, AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new FediverseSharingTurnedOffEvent(ACCOUNT_ID, CONSENT, SharingStopReason.REQUESTED,
                        AT));
    }

    @Test
    void turningSharingOffWhenItIsOffIsANoOp() {
        fixture.given(registered())
                .when(new TurnOffFediverseSharingCommand(ACCOUNT_ID, AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aDeletedAccountCannotTurnSharingOff() {
        fixture.given(registered(), sharingTurnedOn(), deleted())
                .when(new TurnOffFediverseSharingCommand(ACCOUNT_ID, AT))
                .expectNoEvents()
                .expectException(GoneException.class);
    }

    // --- UpdateProfileCommand, as it touches sharing ---

    @Test
    void makingTheProfilePrivateWhileSharingAlsoTurnsSharingOff() {
        fixture.given(registered(), sharingTurnedOn())
                .when(new UpdateProfileCommand(ACCOUNT_ID, null, false, null, null, AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        new AccountProfileUpdatedEvent(ACCOUNT_ID, false, "DE", AT, alice()),
                        new FediverseSharingTurnedOffEvent(ACCOUNT_ID, CONSENT,
                                SharingStopReason.PROFILE_MADE_PRIVATE, AT));
    }

    @Test
    void aCorrectedBirthDateUnder18WhileSharingTurnsSharingOff() {
        LocalDate minor = TODAY.minusYears(17);
        fixture.given(registered(), sharingTurnedOn())
                .when(new UpdateProfileCommand(ACCOUNT_ID, null, null, null, minor, AT))
                .expectEvents(
                        new AccountProfileUpdatedEvent(ACCOUNT_ID, true, "DE", AT,
                                new AccountPersonalData("alice", "Alice", minor)),
                        new FediverseSharingTurnedOffEvent(ACCOUNT_ID, CONSENT,
                                SharingStopReason.NO_LONGER_ELIGIBLE, AT));
    }

    @Test
    void movingToAnIneligibleCountryWhileSharingTurnsSharingOff() {
        fixture = accountFixture(new InMemoryHandleRegistry(), new FediverseEligibility(Set.of("DE"), CONSENT));
        fixture.given(registered(), sharingTurnedOn())
                .when(new UpdateProfileCommand(ACCOUNT_ID, null, null, "US", null, AT))
                .expectEvents(
                        new AccountProfileUpdatedEvent(ACCOUNT_ID, true, "US", AT, alice()),
                        new FediverseSharingTurnedOffEvent(ACCOUNT_ID, CONSENT,
                                SharingStopReason.NO_LONGER_ELIGIBLE, AT));
    }

    @Test
    void keepingTheProfilePublicWhileSharingLeavesSharingOn() {
        fixture.given(registered(), sharingTurnedOn())
                .when(new UpdateProfileCommand(ACCOUNT_ID, "Alice L.", true, null, null, AT))
                .expectEvents(new AccountProfileUpdatedEvent(ACCOUNT_ID, true, "DE", AT,
                        new AccountPersonalData("alice", "Alice L.", AccountFixtures.BIRTH_DATE)));
    }

    @Test
    void afterTheProfileWasMadePrivateTurningSharingOffIsANoOp() {
        fixture.given(registered(), sharingTurnedOn(),
                        new AccountProfileUpdatedEvent(ACCOUNT_ID, false, "DE", REGISTERED_AT, alice()),
                        new FediverseSharingTurnedOffEvent(ACCOUNT_ID, CONSENT,
                                SharingStopReason.PROFILE_MADE_PRIVATE, REGISTERED_AT))
                .when(new TurnOffFediverseSharingCommand(ACCOUNT_ID, AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
