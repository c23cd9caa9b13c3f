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
import dev.weft.domain.links.ExternalAccountUnlinkedEvent;
import dev.weft.domain.links.LinkedAccountData;
import dev.weft.domain.links.Platform;
import dev.weft.domain.shared.ConflictException;
import dev.weft.domain.shared.GoneException;
import dev.weft.domain.shared.InvalidValueException;
import dev.weft.domain.shared.UnknownEntityException;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Linking and unlinking Threads, Facebook and Mastodon accounts. */
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
        return new LinkExternalAccountCommand(ACCOUNT_ID, linkId, platform, externalId, instanceUrl, true, AT);
    }

    private static ExternalAccountLinkedEvent mastodonLinked() {
        return new ExternalAccountLinkedEvent(ACCOUNT_ID, LINK_ID, Platform.MASTODON, true, REGISTERED_AT,
                new LinkedAccountData("alice", MASTODON));
    }

    // --- LinkExternalAccountCommand ---

    @Test
    void linkingAThreadsAccountEmitsLinkedAndAnswersTheLinkId() {
        fixture.given(registered())
                .when(new LinkExternalAccountCommand(ACCOUNT_ID, LINK_ID, "threads", " 1784 ", null, false, AT))
                .expectEvents(new ExternalAccountLinkedEvent(ACCOUNT_ID, LINK_ID, Platform.THREADS, false, AT,
                        new LinkedAccountData("1784", null)))
                .expectResultMessagePayload(LINK_ID);
    }

    @Test
    void linkingAFacebookAccountIgnoresABlankInstanceUrl() {
        fixture.given(registered())
                .when(link(LINK_ID, "facebook", "100042", " "))
                .expectEvents(new ExternalAccountLinkedEvent(ACCOUNT_ID, LINK_ID, Platform.FACEBOOK, true, AT,
                        new LinkedAccountData("100042", null)))
                .expectResultMessagePayload(LINK_ID);
    }

    @Test
    void linkingAMastodonAccountKeepsOnlyTheInstancesOrigin() {
        fixture.given(registered())
                .when(link(LINK_ID, "mastodon", "alice", " https://mastodon.social/@alice "))
                .expectEvents(new ExternalAccountLinkedEvent(ACCOUNT_ID, LINK_ID, Platform.MASTODON, true, AT,
                        new LinkedAccountData("alice", MASTODON)))
                .expectResultMessagePayload(LINK_ID);
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
                        new ExternalAccountUnlinkedEvent(ACCOUNT_ID, LINK_ID, Platform.MASTODON, REGISTERED_AT))
                .when(link("link-2", "mastodon", "alice", MASTODON))
                .expectEvents(new ExternalAccountLinkedEvent(ACCOUNT_ID, "link-2", Platform.MASTODON, true, AT,
                        new LinkedAccountData("alice", MASTODON)));
    }

    @Test
    void linkingTheSameExternalAccountTwiceIsAConflict() {
        fixture.given(registered(), mastodonLinked())
                .when(link("link-2", "mastodon", "alice", MASTODON))
                .expectNoEvents()
                .expectException(ConflictException.class)
                .expectException(onField("externalAccountId"))
                .expectExceptionMessage(containsString("this mastodon account is linked already"));
    }

    @Test
    void theDuplicateCheckComparesNormalizedInstanceUrls() {
        fixture.given(registered(), mastodonLinked())
                .when(link("link-2", "mastodon", " alice ", "https://mastodon.social/"))
                .expectNoEvents()
                .expectException(ConflictException.class);
    }

    @Test
    void theDuplicateCheckIgnoresTheCaseOfTheInstanceHost() {
        fixture.given(registered(), mastodonLinked())
                .when(link("link-2", "mastodon", "alice", "https://Mastodon.Social"))
                .expectNoEvents()
                .expectException(ConflictException.class);
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
                .expectExceptionMessage(containsString("platform must be one of threads, facebook, mastodon"));
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
                .expectExceptionMessage(containsString("instanceUrl applies only to mastodon links"));
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
                .when(new UnlinkExternalAccountCommand(ACCOUNT_ID, LINK_ID, AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ExternalAccountUnlinkedEvent(ACCOUNT_ID, LINK_ID, Platform.MASTODON, AT));
    }

    @Test
    void unlinkingAnUnknownLinkIsRefused() {
        fixture.given(registered())
                .when(new UnlinkExternalAccountCommand(ACCOUNT_ID, "link-9", AT))
                .expectNoEvents()
                .expectException(UnknownEntityException.class)
                .expectException(onField("linkId"))
                .expectExceptionMessage(containsString("no link link-9 on this account"));
    }

    @Test
    void unlinkingTwiceIsRefusedTheSecondTime() {
        fixture.given(registered(), mastodonLinked(),
                        new ExternalAccountUnlinkedEvent(ACCOUNT_ID, LINK_ID, Platform.MASTODON, REGISTERED_AT))
                .when(new UnlinkExternalAccountCommand(ACCOUNT_ID, LINK_ID, AT))
                .expectException(UnknownEntityException.class);
    }

    @Test
    void aDeletedAccountCannotUnlink() {
        fixture.given(registered(), mastodonLinked(), deleted())
                .when(new UnlinkExternalAccountCommand(ACCOUNT_ID, LINK_ID, AT))
                .expectNoEvents()
                .expectException(GoneException.class);
    }
}
