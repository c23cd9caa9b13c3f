package dev.weft.domain.accounts;

import static dev.weft.domain.accounts.AccountFixtures.ACCOUNT_ID;
import static dev.weft.domain.accounts.AccountFixtures.CONSENT;
import static dev.weft.domain.accounts.AccountFixtures.EVERY_COUNTRY;
import static dev.weft.domain.accounts.AccountFixtures.REGISTERED_AT;
import static dev.weft.domain.accounts.AccountFixtures.accountFixture;
import static dev.weft.domain.accounts.AccountFixtures.deleted;
import static dev.weft.domain.accounts.AccountFixtures.registered;
import static dev.weft.domain.accounts.AccountFixtures.sharingTurnedOn;
import static dev.weft.domain.shared.DomainRuleMatchers.onField;
import static org.hamcrest.CoreMatchers.containsString;

import dev.weft.domain.links.ExternalAccountLinkedEvent;
import dev.weft.domain.links.ExternalAccountUnlinkedEvent;
import dev.weft.domain.links.LinkedAccountData;
import dev.weft.domain.links.Platform;
import dev.weft.domain.shared.GoneException;
import dev.weft.domain.shared.NotEligibleException;
import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** AuthorizePostCommand: the account resolves where a new post goes, and records nothing. */
class AccountPostPermitTest {
    private static final CrossPostTarget THREADS = new CrossPostTarget("link-threads", Platform.THREADS);
    private static final CrossPostTarget MASTODON = new CrossPostTarget("link-mastodon", Platform.MASTODON);

    private FixtureConfiguration<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = accountFixture(new InMemoryHandleRegistry(), EVERY_COUNTRY);
    }

    /** Threads cross-posts by default, Mastodon only when asked. */
    private static Object[] registeredWithTwoLinks() {
        return new Object[] {
                registered(),
                new ExternalAccountLinkedEvent(ACCOUNT_ID, "link-threads", Platform.THREADS, true, REGISTERED_AT,
                        new LinkedAccountData("1784", null)),
                new ExternalAccountLinkedEvent(ACCOUNT_ID, "link-mastodon", Platform.MASTODON, false,
                        REGISTERED_AT, new LinkedAccountData("alice", "https://mastodon.social"))};
    }

    @Test
    void withNoChoicesThePermitFollowsTheAccountsDefaults() {
        fixture.given(registeredWithTwoLinks())
                .andGiven(sharingTurnedOn())
                .when(new AuthorizePostCommand(ACCOUNT_ID, null, null))
                .expectNoEvents()
                .expectResultMessagePayload(new PostPermit(ACCOUNT_ID, List.of(THREADS), true, CONSENT));
    }

    @Test
    void withNoChoicesAndSharingOffThePostStaysOffTheFediverse() {
        fixture.given(registeredWithTwoLinks())
                .when(new AuthorizePostCommand(ACCOUNT_ID, null, null))
                .expectNoEvents()
                .expectResultMessagePayload(new PostPermit(ACCOUNT_ID, List.of(THREADS), false, null));
    }

    @Test
    void anExplicitListOfLinksReplacesTheDefaultsAndIgnoresRepeats() {
        fixture.given(registeredWithTwoLinks())
                .andGiven(sharingTurnedOn())
                .when(new AuthorizePostCommand(ACCOUNT_ID, List.of("link-mastodon", "link-mastodon"), true))
                .expectNoEvents()
                .expectResultMessagePayload(new PostPermit(ACCOUNT_ID, List.of(MASTODON), true, CONSENT));
    }

    @Test
    void anEmptyListOfLinksMeansNoCrossPosting() {
        fixture.given(registeredWithTwoLinks())
                .when(new AuthorizePostCommand(ACCOUNT_ID, List.of(), false))
                .expectNoEvents()
                .expectResultMessagePayload(new PostPermit(ACCOUNT_ID, List.of(), false, null));
    }

    @Test
    void anUnlinkedAccountIsNoLongerADefaultTarget() {
        fixture.given(registeredWithTwoLinks())
                .andGiven(new ExternalAccountUnlinkedEvent(ACCOUNT_ID, "link-threads", Platform.THREADS,
                        REGISTERED_AT, false))
                .when(new AuthorizePostCommand(ACCOUNT_ID, null, null))
                .expectResultMessagePayload(new PostPermit(ACCOUNT_ID, List.of(), false, null));
    }

    @Test
    void crossPostingToALinkTheAccountDoesNotHaveIsRefused() {
        fixture.given(registeredWithTwoLinks())
                .when(new AuthorizePostCommand(ACCOUNT_ID, List.of("link-threads", "link-9"), null))
                .expectNoEvents()
                .expectException(NotEligibleException.class)
                .expectException(onField("crossPostTo"))
                .expectExceptionMessage(containsString("link link-9 is not linked to this account"));
    }

    @Test
    void sharingAPostToTheFediverseWhileSharingIsOffIsRefused() {
        fixture.given(registeredWithTwoLinks())
                .when(new AuthorizePostCommand(ACCOUNT_ID, null, true))
                .expectNoEvents()
                .expectException(NotEligibleException.class)
                .expectException(onField("shareToFediverse"))
                .expectExceptionMessage(containsString("fediverse sharing is off for this account"));
    }

    @Test
    void aDeletedAccountCannotPost() {
        fixture.given(registeredWithTwoLinks())
                .andGiven(deleted())
                .when(new AuthorizePostCommand(ACCOUNT_ID, null, null))
                .expectNoEvents()
                .expectException(GoneException.class)
                .expectException(onField("accountId"));
    }
}
