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

import dev.weft.domain.links.ExternalAccountLinkedEvent;
import dev.weft.domain.links.ExternalAccountReauthorizedEvent;
import dev.weft.domain.links.LinkNeedsReauthorizationEvent;
import dev.weft.domain.links.LinkSettingsChangedEvent;
import dev.weft.domain.links.OverflowRule;
import dev.weft.domain.links.ExternalAccountUnlinkedEvent;
import dev.weft.domain.links.LinkedAccountData;
import dev.weft.domain.links.Platform;
import dev.weft.domain.shared.GoneException;
import dev.weft.domain.shared.InvalidValueException;
import dev.weft.domain.shared.UnknownEntityException;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Linking, re-linking, configuring and unlinking Threads, Facebook, Mastodon and Bluesky accounts. */
class AccountLinksTest {
    private static final String LINK_ID = "link-1";
    private static final String MASTODON = "https://mastodon.social";

    private FixtureConfiguration<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = accountFixture(new InMemoryHandleRegistry(), EVERY_COUNTRY);
    }

    private static LinkExternalAccountCommand link(String linkId, String platform, String externalId,
                                                   String instanceUrl) {
        return new LinkExternalAccountCommand(ACCOUNT_ID, linkId, platform, externalId, instanceUrl, null, null, true,
                null, AT);
    }

    private static ExternalAccountLinkedEvent mastodonLinked() {
        return new ExternalAccountLinkedEvent(ACCOUNT_ID, LINK_ID, Platform.MASTODON, true, REGISTERED_AT,
                new LinkedAccountData("alice", MASTODON));
    }

    // --- LinkExternalAccountCommand ---

    @Test
    void linkingAThreadsAccountEmitsLinkedAndAnswersTheLinkId() {
        fixture.given(registered())
                .when(new LinkExternalAccountCommand(ACCOUNT_ID, LINK_ID, "threads", " 1784 ", null, "1784",
                        "Alice", false, null, AT))
                .expectEvents(new ExternalAccountLinkedEvent(ACCOUNT_ID, LINK_ID, Platform.THREADS, false, AT,
                        new LinkedAccountData("1784", null, "1784", "Alice")))
                .expectResultMessagePayload(new LinkResult(LINK_ID, false));
    }

    @Test
    void linkingAFacebookAccountIgnoresABlankInstanceUrl() {
        fixture.given(registered())
                .when(link(LINK_ID, "facebook", "100042", " "))
                .expectEvents(new ExternalAccountLinkedEvent(ACCOUNT_ID, LINK_ID, Platform.FACEBOOK, true, AT,
                        new LinkedAccountData("100042", null)))
                .expectResultMessagePayload(new LinkResult(LINK_ID, false));
    }

    @Test
    void linkingAMastodonAccountKeepsOnlyTheInstancesOrigin() {
        fixture.given(registered())
                .when(link(LINK_ID, "mastodon", "alice", " https://mastodon.social/@alice "))
                .expectEvents(new ExternalAccountLinkedEvent(ACCOUNT_ID, LINK_ID, Platform.MASTODON, true, AT,
                        new LinkedAccountData("alice", MASTODON)))
                .expectResultMessagePayload(new LinkResult(LINK_ID, false));
    }

    @Test
    void theInstanceHostIsRecordedInLowerCase() {
        fixture.given(registered())
                .when(link(LINK_ID, "mastodon", "alice", "https://Mastodon.Social:443/"))
                .expectEvents(new ExternalAccountLinkedEvent(ACCOUNT_ID, LINK_ID, Platform.MASTODON, true, AT,
                        new LinkedAccountData("alice", "https://mastodon.social:443")));
    }

    @Test
    void theSameNameOnAnotherMastodonInstanceIsAnotherAccount() {
        fixture.given(registered(), mastodonLinked())
                .when(link("link-2", "mastodon", "alice", "https://fosstodon.org"))
                .expectEvents(new ExternalAccountLinkedEvent(ACCOUNT_ID, "link-2", Platform.MASTODON, true, AT,
                        new LinkedAccountData("alice", "https://fosstodon.org")));
    }

    @Test
    void anAccountCanBeLinkedAgainAfterItWasUnlinked() {
        fixture.given(registered(), mastodonLinked(),
                        new ExternalAccountUnlinkedEvent(ACCOUNT_ID, LINK_ID, Platform.MASTODON, REGISTERED_AT, false))
                .when(link("link-2", "mastodon", "alice", MASTODON))
                .expectEvents(new ExternalAccountLinkedEvent(ACCOUNT_ID, "link-2", Platform.MASTODON, true, AT,
                        new LinkedAccountData("alice", MASTODON)));
    }

    @Test
    void linkingTheSameExternalAccountAgainReauthorizesTheExistingLink() {
        fixture.given(registered(), mastodonLinked())
                .when(link("link-2", "mastodon", "alice", MASTODON))
                .expectEvents(new ExternalAccountReauthorizedEvent(ACCOUNT_ID, LINK_ID, Platform.MASTODON, AT))
                .expectResultMessagePayload(new LinkResult(LINK_ID, true));
    }

    @Test
    void theSameAccountIsFoundByNormalizedInstanceUrls() {
        fixture.given(registered(), mastodonLinked())
                .when(link("link-2", "mastodon", " alice ", "https://mastodon.social/"))
                .expectEvents(new ExternalAccountReauthorizedEvent(ACCOUNT_ID, LINK_ID, Platform.MASTODON, AT));
    }

    @Test
    void theSameAccountIsFoundWhateverTheCaseOfTheInstanceHost() {
        fixture.given(registered(), mastodonLinked())
                .when(link("link-2", "mastodon", "alice", "https://Mastodon.Social"))
                .expectEvents(new ExternalAccountReauthorizedEvent(ACCOUNT_ID, LINK_ID, Platform.MASTODON, AT));
    }

    @Test
    void aRenamedAccountIsStillTheSameAccountByThePlatformsId() {
        fixture.given(registered(), new ExternalAccountLinkedEvent(ACCOUNT_ID, LINK_ID, Platform.BLUESKY, true,
                        REGISTERED_AT, new LinkedAccountData("alice.bsky.social", null, "did:plc:alice", "alice")))
                .when(new LinkExternalAccountCommand(ACCOUNT_ID, "link-2", "bluesky", "alice.example", null,
                        "did:plc:alice", "alice", true, null, AT))
                .expectEvents(new ExternalAccountReauthorizedEvent(ACCOUNT_ID, LINK_ID, Platform.BLUESKY, AT));
    }

    @Test
    void anotherAccountUnderAReusedNameIsANewLink() {
        fixture.given(registered(), new ExternalAccountLinkedEvent(ACCOUNT_ID, LINK_ID, Platform.BLUESKY, true,
                        REGISTERED_AT, new LinkedAccountData("alice.bsky.social", null, "did:plc:alice", "alice")))
                .when(new LinkExternalAccountCommand(ACCOUNT_ID, "link-2", "bluesky", "alice.bsky.social", null,
                        "did:plc:other", "alice", true, null, AT))
                .expectEvents(new ExternalAccountLinkedEvent(ACCOUNT_ID, "link-2", Platform.BLUESKY, true, AT,
                        new LinkedAccountData("alice.bsky.social", null, "did:plc:other", "alice")));
    }

    @Test
    void aBlueskyLinkMayNameItsOwnPds() {
        fixture.given(registered())
                .when(link(LINK_ID, "bluesky", "alice.example", "https://PDS.Example/"))
                .expectEvents(new ExternalAccountLinkedEvent(ACCOUNT_ID, LINK_ID, Platform.BLUESKY, true, AT,
                        new LinkedAccountData("alice.example", "https://pds.example")));
    }

    @Test
    void theOverflowRuleChosenIsRecorded() {
        fixture.given(registered())
                .when(new LinkExternalAccountCommand(ACCOUNT_ID, LINK_ID, "threads", "alice", null, "1784", "Alice",
                        true, "thread", AT))
                .expectEvents(new ExternalAccountLinkedEvent(ACCOUNT_ID, LINK_ID, Platform.THREADS, true, AT,
                        new LinkedAccountData("alice", null, "1784", "Alice"), OverflowRule.THREAD));
    }

    @Test
    void aFacebookPageCannotSplitPostsIntoThreads() {
        fixture.given(registered())
                .when(new LinkExternalAccountCommand(ACCOUNT_ID, LINK_ID, "facebook", "100042", null, "100042",
                        "Page", true, "thread", AT))
                .expectNoEvents()
                .expectException(InvalidValueException.class)
                .expectException(onField("overflow"))
                .expectExceptionMessage(containsString("facebook pages have no threads"));
    }

    @Test
    void anUnknownOverflowRuleIsRefused() {
        fixture.given(registered())
                .when(new LinkExternalAccountCommand(ACCOUNT_ID, LINK_ID, "threads", "alice", null, "1784", "Alice",
                        true, "squeeze", AT))
                .expectNoEvents()
                .expectException(InvalidValueException.class)
                .expectException(onField("overflow"))
                .expectExceptionMessage(containsString("overflow must be one of refuse, truncate, thread"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"twitter", "Threads", "MASTODON", " threads"})
    void anUnknownPlatformIsRefused(String platform) {
        fixture.given(registered())
                .when(link(LINK_ID, platform, "alice", null))
                .expectNoEvents()
                .expectException(InvalidValueException.class)
                .expectException(onField("platform"))
                .expectExceptionMessage(containsString("platform must be one of threads, facebook, mastodon, bluesky"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void aMissingExternalAccountIdIsRefused(String externalId) {
        fixture.given(registered())
                .when(link(LINK_ID, "threads", externalId, null))
                .expectException(InvalidValueException.class)
                .expectException(onField("externalAccountId"))
                .expectExceptionMessage(containsString("externalAccountId is required"));
    }

    @Test
    void anExternalAccountIdLongerThan200CharactersIsRefused() {
        fixture.given(registered())
                .when(link(LINK_ID, "threads", "1".repeat(201), null))
                .expectException(InvalidValueException.class)
                .expectException(onField("externalAccountId"))
                .expectExceptionMessage(containsString("longer than 200 characters"));
    }

    @Test
    void anInstanceUrlForAPlatformWithOneInstanceIsRefused() {
        fixture.given(registered())
                .when(link(LINK_ID, "threads", "1784", "https://threads.net"))
                .expectException(InvalidValueException.class)
                .expectException(onField("instanceUrl"))
                .expectExceptionMessage(containsString("instanceUrl applies only to mastodon and bluesky links"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void aMastodonLinkWithoutInstanceUrlIsRefused(String instanceUrl) {
        fixture.given(registered())
                .when(link(LINK_ID, "mastodon", "alice", instanceUrl))
                .expectException(InvalidValueException.class)
                .expectException(onField("instanceUrl"))
                .expectExceptionMessage(containsString("instanceUrl is required for mastodon"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mastodon.social", "ftp://mastodon.social", "mailto:alice@mastodon.social",
            "https:///no-host"})
    void aMastodonInstanceUrlThatIsNotAnHttpUrlWithAHostIsRefused(String instanceUrl) {
        fixture.given(registered())
                .when(link(LINK_ID, "mastodon", "alice", instanceUrl))
                .expectException(InvalidValueException.class)
                .expectException(onField("instanceUrl"))
                .expectExceptionMessage(containsString("must be an http(s) URL with a host"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://", "https://mastodon social", "http://[::1"})
    void aMastodonInstanceUrlThatIsNotAUrlIsRefused(String instanceUrl) {
        fixture.given(registered())
                .when(link(LINK_ID, "mastodon", "alice", instanceUrl))
                .expectException(InvalidValueException.class)
                .expectException(onField("instanceUrl"))
                .expectExceptionMessage(containsString("instanceUrl is not a valid URL"));
    }

    @Test
    void aDeletedAccountCannotLink() {
        fixture.given(registered(), deleted())
                .when(link(LINK_ID, "threads", "1784", null))
                .expectNoEvents()
                .expectException(GoneException.class)
                .expectException(onField("accountId"));
    }

    // --- UnlinkExternalAccountCommand ---

    @Test
    void unlinkingEmitsUnlinkedWithThePlatform() {
        fixture.given(registered(), mastodonLinked())
                .when(new UnlinkExternalAccountCommand(ACCOUNT_ID, LINK_ID, false, AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ExternalAccountUnlinkedEvent(ACCOUNT_ID, LINK_ID, Platform.MASTODON, AT, false));
    }

    @Test
    void unlinkingAnUnknownLinkIsRefused() {
        fixture.given(registered())
                .when(new UnlinkExternalAccountCommand(ACCOUNT_ID, "link-9", false, AT))
                .expectNoEvents()
                .expectException(UnknownEntityException.class)
                .expectException(onField("linkId"))
                .expectExceptionMessage(containsString("no link link-9 on this account"));
    }

    @Test
    void unlinkingTwiceIsRefusedTheSecondTime() {
        fixture.given(registered(), mastodonLinked(),
                        new ExternalAccountUnlinkedEvent(ACCOUNT_ID, LINK_ID, Platform.MASTODON, REGISTERED_AT, false))
                .when(new UnlinkExternalAccountCommand(ACCOUNT_ID, LINK_ID, false, AT))
                .expectException(UnknownEntityException.class);
    }

    @Test
    void aDeletedAccountCannotUnlink() {
        fixture.given(registered(), mastodonLinked(), deleted())
                .when(new UnlinkExternalAccountCommand(ACCOUNT_ID, LINK_ID, false, AT))
                .expectNoEvents()
                .expectException(GoneException.class);
    }

    @Test
    void unlinkingRecordsWhetherTheCopiesThereAreToBeDeleted() {
        fixture.given(registered(), mastodonLinked())
                .when(new UnlinkExternalAccountCommand(ACCOUNT_ID, LINK_ID, true, AT))
                .expectEvents(new ExternalAccountUnlinkedEvent(ACCOUNT_ID, LINK_ID, Platform.MASTODON, AT, true));
    }

    // --- ChangeLinkSettingsCommand ---

    @Test
    void changingALinksSettingsRecordsThemAsTheyNowAre() {
        fixture.given(registered(), mastodonLinked())
                .when(new ChangeLinkSettingsCommand(ACCOUNT_ID, LINK_ID, null, "truncate", AT))
                .expectEvents(new LinkSettingsChangedEvent(ACCOUNT_ID, LINK_ID, Platform.MASTODON, true,
                        OverflowRule.TRUNCATE, AT));
    }

    @Test
    void settingsThatChangeNothingRecordNothing() {
        fixture.given(registered(), mastodonLinked())
                .when(new ChangeLinkSettingsCommand(ACCOUNT_ID, LINK_ID, true, "refuse", AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aFacebookLinkCannotBeSetToThread() {
        fixture.given(registered(), new ExternalAccountLinkedEvent(ACCOUNT_ID, LINK_ID, Platform.FACEBOOK, true,
                        REGISTERED_AT, new LinkedAccountData("100042", null)))
                .when(new ChangeLinkSettingsCommand(ACCOUNT_ID, LINK_ID, null, "thread", AT))
                .expectNoEvents()
                .expectException(onField("overflow"));
    }

    @Test
    void changingTheSettingsOfAnUnknownLinkIsRefused() {
        fixture.given(registered())
                .when(new ChangeLinkSettingsCommand(ACCOUNT_ID, "link-9", false, null, AT))
                .expectNoEvents()
                .expectException(UnknownEntityException.class);
    }

    @Test
    void aDeletedAccountCannotChangeLinkSettings() {
        fixture.given(registered(), mastodonLinked(), deleted())
                .when(new ChangeLinkSettingsCommand(ACCOUNT_ID, LINK_ID, false, null, AT))
                .expectException(GoneException.class);
    }

    // --- MarkLinkNeedsReauthorizationCommand ---

    @Test
    void aRefusedTokenMarksTheLinkAsNeedingReauthorization() {
        fixture.given(registered(), mastodonLinked())
                .when(new MarkLinkNeedsReauthorizationCommand(ACCOUNT_ID, LINK_ID, "401 The access token was revoked",
                        AT))
                .expectEvents(new LinkNeedsReauthorizationEvent(ACCOUNT_ID, LINK_ID, Platform.MASTODON,
                        "401 The access token was revoked", AT));
    }

    @Test
    void aLinkAlreadyMarkedIsNotMarkedAgain() {
        fixture.given(registered(), mastodonLinked(), new LinkNeedsReauthorizationEvent(ACCOUNT_ID, LINK_ID,
                        Platform.MASTODON, "401", REGISTERED_AT))
                .when(new MarkLinkNeedsReauthorizationCommand(ACCOUNT_ID, LINK_ID, "401 again", AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aReauthorizedLinkCanBeMarkedAgainLater() {
        fixture.given(registered(), mastodonLinked(),
                        new LinkNeedsReauthorizationEvent(ACCOUNT_ID, LINK_ID, Platform.MASTODON, "401", REGISTERED_AT),
                        new ExternalAccountReauthorizedEvent(ACCOUNT_ID, LINK_ID, Platform.MASTODON, REGISTERED_AT))
                .when(new MarkLinkNeedsReauthorizationCommand(ACCOUNT_ID, LINK_ID, "401 expired", AT))
                .expectEvents(new LinkNeedsReauthorizationEvent(ACCOUNT_ID, LINK_ID, Platform.MASTODON,
                        "401 expired", AT));
    }

    @Test
    void markingAnUnknownLinkIsRefused() {
        fixture.given(registered())
                .when(new MarkLinkNeedsReauthorizationCommand(ACCOUNT_ID, "link-9", "401", AT))
                .expectNoEvents()
                .expectException(UnknownEntityException.class)
                .expectException(onField("linkId"));
    }

    @Test
    void aDeletedAccountsLinksAreNotMarked() {
        fixture.given(registered(), mastodonLinked(), deleted())
                .when(new MarkLinkNeedsReauthorizationCommand(ACCOUNT_ID, LINK_ID, "401", AT))
                .expectNoEvents()
                .expectException(GoneException.class);
    }
}
