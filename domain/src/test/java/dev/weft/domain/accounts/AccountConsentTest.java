package dev.weft.domain.accounts;

import static dev.weft.domain.accounts.AccountFixtures.ACCOUNT_ID;
import static dev.weft.domain.accounts.AccountFixtures.AT;
import static dev.weft.domain.accounts.AccountFixtures.CONSENT;
import static dev.weft.domain.accounts.AccountFixtures.accountFixture;
import static dev.weft.domain.accounts.AccountFixtures.deleted;
import static dev.weft.domain.accounts.AccountFixtures.registered;
import static dev.weft.domain.accounts.AccountFixtures.sharingTurnedOn;
import static dev.weft.domain.shared.DomainRuleMatchers.onField;
import static org.hamcrest.CoreMatchers.containsString;

import dev.weft.domain.shared.NotEligibleException;
import dev.weft.domain.sharing.FediverseEligibility;
import dev.weft.domain.sharing.FediverseSharingTurnedOffEvent;
import dev.weft.domain.sharing.SharingStopReason;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

/**
 * Operators publish a new explanation, or change where sharing is allowed: no new post of
 * an account on the old explanation federates, and an account no longer eligible stops.
 */
class AccountConsentTest {
    private static final FediverseEligibility NEW_EXPLANATION = new FediverseEligibility(Set.of(), "2027-01");
    private static final FediverseEligibility ONLY_JAPAN = new FediverseEligibility(Set.of("JP"), CONSENT);

    private FixtureConfiguration<Account> fixture(FediverseEligibility eligibility) {
        return accountFixture(new InMemoryHandleRegistry(), eligibility);
    }

    @Test
    void aPostOfAnAccountOnAnOldExplanationStaysOffTheFediverseAndSaysWhy() {
        fixture(NEW_EXPLANATION).given(registered(), sharingTurnedOn())
                .when(new AuthorizePostCommand(ACCOUNT_ID, List.of(), null))
                .expectNoEvents()
                .expectResultMessagePayload(new PostPermit(ACCOUNT_ID, List.of(), false, CONSENT,
                        PostPermit.CONSENT_OUTDATED));
    }

    @Test
    void askingToShareAPostOnAnOldExplanationIsRefused() {
        fixture(NEW_EXPLANATION).given(registered(), sharingTurnedOn())
                .when(new AuthorizePostCommand(ACCOUNT_ID, List.of(), true))
                .expectNoEvents()
                .expectException(NotEligibleException.class)
                .expectException(onField("shareToFediverse"))
                .expectExceptionMessage(containsString("accept it before sharing new posts"));
    }

    @Test
    void aPostKeptOffTheFediverseByChoiceIsNotCalledWithheld() {
        fixture(NEW_EXPLANATION).given(registered(), sharingTurnedOn())
                .when(new AuthorizePostCommand(ACCOUNT_ID, List.of(), false))
                .expectResultMessagePayload(new PostPermit(ACCOUNT_ID, List.of(), false, CONSENT, null));
    }

    @Test
    void anAccountNoLongerInAnEligibleCountryStopsSharingOnReview() {
        fixture(ONLY_JAPAN).given(registered(), sharingTurnedOn())
                .when(new ReviewFediverseEligibilityCommand(ACCOUNT_ID, AT))
                .expectEvents(new FediverseSharingTurnedOffEvent(ACCOUNT_ID, CONSENT,
                        SharingStopReason.NO_LONGER_ELIGIBLE, AT));
    }

    @Test
    void anAccountStillEligibleRecordsNothingOnReview() {
        fixture(AccountFixtures.EVERY_COUNTRY).given(registered(), sharingTurnedOn())
                .when(new ReviewFediverseEligibilityCommand(ACCOUNT_ID, AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anAccountNotSharingHasNothingToReview() {
        fixture(ONLY_JAPAN).given(registered())
                .when(new ReviewFediverseEligibilityCommand(ACCOUNT_ID, AT))
                .expectNoEvents();
    }

    @Test
    void aDeletedAccountHasNothingToReview() {
        fixture(ONLY_JAPAN).given(registered(), sharingTurnedOn(), deleted())
                .when(new ReviewFediverseEligibilityCommand(ACCOUNT_ID, AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
