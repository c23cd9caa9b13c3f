package dev.weft.domain.accounts;

import static dev.weft.domain.accounts.AccountFixtures.ACCOUNT_ID;
import static dev.weft.domain.accounts.AccountFixtures.AT;
import static dev.weft.domain.accounts.AccountFixtures.BIRTH_DATE;
import static dev.weft.domain.accounts.AccountFixtures.CREDENTIAL_HASH;
import static dev.weft.domain.accounts.AccountFixtures.EVERY_COUNTRY;
import static dev.weft.domain.accounts.AccountFixtures.TODAY;
import static dev.weft.domain.accounts.AccountFixtures.accountFixture;
import static dev.weft.domain.accounts.AccountFixtures.alice;
import static dev.weft.domain.accounts.AccountFixtures.deleted;
import static dev.weft.domain.accounts.AccountFixtures.registered;
import static dev.weft.domain.shared.DomainRuleMatchers.onField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.CoreMatchers.containsString;

import dev.weft.domain.shared.ConflictException;
import dev.weft.domain.shared.GoneException;
import dev.weft.domain.shared.InvalidValueException;
import java.time.LocalDate;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Registration, profile updates and deletion. Sharing, links and blocks have their own test classes. */
class AccountTest {
    private InMemoryHandleRegistry handles;
    private FixtureConfiguration<Account> fixture;

    @BeforeEach
    void setUp() {
        handles = new InMemoryHandleRegistry();
        fixture = accountFixture(handles, EVERY_COUNTRY);
    }

    private static RegisterAccountCommand register(String handle, String displayName, String country,
                                                   LocalDate birthDate) {
        return new RegisterAccountCommand(ACCOUNT_ID, handle, displayName, true, country, birthDate,
                CREDENTIAL_HASH, AT);
    }

    // --- RegisterAccountCommand ---

    @Test
    void registeringEmitsAccountRegisteredAndClaimsTheNormalizedHandle() {
        fixture.givenNoPriorActivity()
                .when(register("Alice_1", "  Alice Liddell ", "de", BIRTH_DATE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AccountRegisteredEvent(ACCOUNT_ID, true, "DE", CREDENTIAL_HASH, AT,
                        new AccountPersonalData("Alice_1", "Alice Liddell", BIRTH_DATE)));

        assertThat(handles.claims()).containsExactlyEntriesOf(java.util.Map.of("alice_1", ACCOUNT_ID));
    }

    @Test
    void registeringAPrivateProfileRecordsIt() {
        fixture.givenNoPriorActivity()
                .when(new RegisterAccountCommand(ACCOUNT_ID, "alice", "Alice", false, "FR", BIRTH_DATE,
                        CREDENTIAL_HASH, AT))
                .expectEvents(new AccountRegisteredEvent(ACCOUNT_ID, false, "FR", CREDENTIAL_HASH, AT,
                        new AccountPersonalData("alice", "Alice", BIRTH_DATE)));
    }

    @Test
    void aHandleTakenByAnotherAccountIsAConflictWhateverItsCase() {
        handles.takenBy("alice", "account-2");

        fixture.givenNoPriorActivity()
                .when(register("ALICE", "Alice", "DE", BIRTH_DATE))
                .expectNoEvents()
                .expectException(ConflictException.class)
                .expectException(onField("handle"))
                .expectExceptionMessage(containsString("handle 'ALICE' is taken"));

        assertThat(handles.claims()).containsEntry("alice", "account-2");
    }

    @Test
    void aHandleOfThirtyCharactersIsAccepted() {
        String handle = "a".repeat(30);
        fixture.givenNoPriorActivity()
                .when(register(handle, "Alice", "DE", BIRTH_DATE))
                .expectEvents(new AccountRegisteredEvent(ACCOUNT_ID, true, "DE", CREDENTIAL_HASH, AT,
                        new AccountPersonalData(handle, "Alice", BIRTH_DATE)));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"al ice", "alice!", "alice.smith", "älice", "@alice",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" /* 31 */})
    void aMalformedHandleIsRefused(String handle) {
        fixture.givenNoPriorActivity()
                .when(register(handle, "Alice", "DE", BIRTH_DATE))
                .expectNoEvents()
                .expectException(InvalidValueException.class)
                .expectException(onField("handle"))
                .expectExceptionMessage(containsString("handle must be 1 to 30 characters of a-z, 0-9 or _"));
    }

    @Test
    void aRefusedRegistrationLeavesNoHandleClaimBehind() {
        fixture.givenNoPriorActivity()
                .when(register("alice", "Alice", "XX", BIRTH_DATE))
                .expectException(InvalidValueException.class);

        assertThat(handles.claims()).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void aMissingDisplayNameIsRefused(String displayName) {
        fixture.givenNoPriorActivity()
                .when(register("alice", displayName, "DE", BIRTH_DATE))
                .expectException(InvalidValueException.class)
                .expectException(onField("displayName"))
                .expectExceptionMessage(containsString("displayName is required"));
    }

    @Test
    void aDisplayNameOf101CodePointsIsRefused() {
        fixture.givenNoPriorActivity()
                .when(register("alice", "a".repeat(101), "DE", BIRTH_DATE))
                .expectException(InvalidValueException.class)
                .expectException(onField("displayName"))
                .expectExceptionMessage(containsString("longer than 100 characters"));
    }

    @Test
    void aDisplayNameIsMeasuredInCodePointsNotUtf16Units() {
        String hundredEmoji = "\uD83D\uDE00".repeat(100); // 100 code points, 200 chars
        fixture.givenNoPriorActivity()
                .when(register("alice", hundredEmoji, "DE", BIRTH_DATE))
                .expectEvents(new AccountRegisteredEvent(ACCOUNT_ID, true, "DE", CREDENTIAL_HASH, AT,
                        new AccountPersonalData("alice", hundredEmoji, BIRTH_DATE)));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"XX", "DEU", "Germany", "D"})
    void aCountryThatIsNotAnIsoAlpha2CodeIsRefused(String country) {
        fixture.givenNoPriorActivity()
                .when(register("alice", "Alice", country, BIRTH_DATE))
                .expectException(InvalidValueException.class)
                .expectException(onField("country"))
                .expectExceptionMessage(containsString("ISO 3166-1 alpha-2"));
    }

    @Test
    void aMissingBirthDateIsRefused() {
        fixture.givenNoPriorActivity()
                .when(register("alice", "Alice", "DE", null))
                .expectException(InvalidValueException.class)
                .expectException(onField("birthDate"))
                .expectExceptionMessage(containsString("birthDate is required"));
    }

    @Test
    void aBirthDateAfterTheCommandsDateIsRefused() {
        fixture.givenNoPriorActivity()
                .when(register("alice", "Alice", "DE", TODAY.plusDays(1)))
                .expectException(InvalidValueException.class)
                .expectException(onField("birthDate"))
                .expectExceptionMessage(containsString("birthDate is in the future"));
    }

    @Test
    void aBirthDateOnTheCommandsDateIsNotInTheFuture() {
        fixture.givenNoPriorActivity()
                .when(register("alice", "Alice", "DE", TODAY))
                .expectEvents(new AccountRegisteredEvent(ACCOUNT_ID, true, "DE", CREDENTIAL_HASH, AT,
                        new AccountPersonalData("alice", "Alice", TODAY)));
    }

    // --- UpdateProfileCommand ---

    @Test
    void updatingTheProfileEmitsTheWholeProfileAfterTheChange() {
        fixture.given(registered())
                .when(new UpdateProfileCommand(ACCOUNT_ID, " Alice L. ", null, "fr", null, AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AccountProfileUpdatedEvent(ACCOUNT_ID, true, "FR", AT,
                        new AccountPersonalData("alice", "Alice L.", BIRTH_DATE)));
    }

    @Test
    void anUpdateWithOnlyNullFieldsRestatesTheCurrentProfile() {
        fixture.given(registered())
                .when(new UpdateProfileCommand(ACCOUNT_ID, null, null, null, null, AT))
                .expectEvents(new AccountProfileUpdatedEvent(ACCOUNT_ID, true, "DE", AT, alice()));
    }

    @Test
    void anUpdateBuildsOnThePreviousUpdate() {
        LocalDate corrected = LocalDate.parse("1991-01-02");
        fixture.given(registered(),
                        new AccountProfileUpdatedEvent(ACCOUNT_ID, false, "NL", AccountFixtures.REGISTERED_AT,
                                new AccountPersonalData("alice", "Ali", BIRTH_DATE)))
                .when(new UpdateProfileCommand(ACCOUNT_ID, null, null, null, corrected, AT))
                .expectEvents(new AccountProfileUpdatedEvent(ACCOUNT_ID, false, "NL", AT,
                        new AccountPersonalData("alice", "Ali", corrected)));
    }

    @Test
    void makingTheProfilePrivateWithoutSharingOnlyUpdatesTheProfile() {
        fixture.given(registered())
                .when(new UpdateProfileCommand(ACCOUNT_ID, null, false, null, null, AT))
                .expectEvents(new AccountProfileUpdatedEvent(ACCOUNT_ID, false, "DE", AT, alice()));
    }

    @Test
    void aBlankDisplayNameInAnUpdateIsRefused() {
        fixture.given(registered())
                .when(new UpdateProfileCommand(ACCOUNT_ID, " ", null, null, null, AT))
                .expectNoEvents()
                .expectException(InvalidValueException.class)
                .expectException(onField("displayName"));
    }

    @Test
    void aTooLongDisplayNameInAnUpdateIsRefused() {
        fixture.given(registered())
                .when(new UpdateProfileCommand(ACCOUNT_ID, "x".repeat(101), null, null, null, AT))
                .expectException(InvalidValueException.class)
                .expectException(onField("displayName"));
    }

    @Test
    void anUnknownCountryInAnUpdateIsRefused() {
        fixture.given(registered())
                .when(new UpdateProfileCommand(ACCOUNT_ID, null, null, "ZZ", null, AT))
                .expectNoEvents()
                .expectException(InvalidValueException.class)
                .expectException(onField("country"));
    }

    @Test
    void aFutureBirthDateInAnUpdateIsRefused() {
        fixture.given(registered())
                .when(new UpdateProfileCommand(ACCOUNT_ID, null, null, null, TODAY.plusDays(1), AT))
                .expectNoEvents()
                .expectException(InvalidValueException.class)
                .expectException(onField("birthDate"))
                .expectExceptionMessage(containsString("in the future"));
    }

    @Test
    void updatingADeletedAccountIsGone() {
        fixture.given(registered(), deleted())
                .when(new UpdateProfileCommand(ACCOUNT_ID, "Alice", null, null, null, AT))
                .expectNoEvents()
                .expectException(GoneException.class)
                .expectException(onField("accountId"))
                .expectExceptionMessage(containsString("was deleted"));
    }

    // --- DeleteAccountCommand ---

    @Test
    void deletingEmitsAccountDeleted() {
        fixture.given(registered())
                .when(new DeleteAccountCommand(ACCOUNT_ID, AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AccountDeletedEvent(ACCOUNT_ID, AT));
    }

    @Test
    void deletingTwiceIsGone() {
        fixture.given(registered(), deleted())
                .when(new DeleteAccountCommand(ACCOUNT_ID, AT))
                .expectNoEvents()
                .expectException(GoneException.class)
                .expectException(onField("accountId"));
    }
}
