package dev.weft.domain.posts;

import static dev.weft.domain.posts.PostFixtures.AT;
import static dev.weft.domain.posts.PostFixtures.AUTHOR;
import static dev.weft.domain.posts.PostFixtures.CONSENT;
import static dev.weft.domain.posts.PostFixtures.PERMIT;
import static dev.weft.domain.posts.PostFixtures.POST_ID;
import static dev.weft.domain.posts.PostFixtures.TO_THREADS;
import static dev.weft.domain.posts.PostFixtures.deleted;
import static dev.weft.domain.posts.PostFixtures.published;
import static dev.weft.domain.shared.DomainRuleMatchers.onField;
import static org.hamcrest.CoreMatchers.containsString;

import dev.weft.domain.accounts.AuthorizePostCommand;
import dev.weft.domain.accounts.PostPermit;
import dev.weft.domain.shared.GoneException;
import dev.weft.domain.shared.InvalidValueException;
import dev.weft.domain.shared.NotPermittedException;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Publishing, editing and deleting a post. Remote engagement is in PostEngagementTest. */
class PostTest {
    private static final String EMOJI = "\uD83E\uDDF5"; // one code point, two UTF-16 chars

    private FixtureConfiguration<Post> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Post.class);
        fixture.registerInjectableResource(PostFixtures.grantingAuthority(PERMIT));
    }

    private static PublishPostCommand publish(String text, String contentWarning, String language,
                                              String visibility) {
        return new PublishPostCommand(POST_ID, AUTHOR, text, contentWarning, language, visibility, null, null, AT);
    }

    private static PostPublishedEvent publishedEvent(Visibility visibility, String language, String text,
                                                     String contentWarning) {
        return new PostPublishedEvent(POST_ID, AUTHOR, visibility, language, TO_THREADS, true, CONSENT, AT,
                new PostContent(text, contentWarning));
    }

    // --- PublishPostCommand ---

    @Test
    void theAccountIsAskedWithThePostsOwnChoices() {
        List<AuthorizePostCommand> asked = new java.util.ArrayList<>();
        fixture = new AggregateTestFixture<>(Post.class);
        fixture.registerInjectableResource((PostingAuthority) request -> {
            asked.add(request);
            return PERMIT;
        });
        fixture.givenNoPriorActivity()
                .when(new PublishPostCommand(POST_ID, AUTHOR, "Hello", null, null, null, List.of("link-1"), true, AT))
                .expectSuccessfulHandlerExecution();
        org.assertj.core.api.Assertions.assertThat(asked)
                .containsExactly(new AuthorizePostCommand(AUTHOR, List.of("link-1"), true));
    }

    @Test
    void aRefusalFromTheAccountRefusesThePost() {
        fixture = new AggregateTestFixture<>(Post.class);
        fixture.registerInjectableResource((PostingAuthority) request -> {
            throw new dev.weft.domain.shared.NotEligibleException("shareToFediverse",
                    "fediverse sharing is off for this account");
        });
        fixture.givenNoPriorActivity()
                .when(publish("Hello", null, null, null))
                .expectNoEvents()
                .expectException(dev.weft.domain.shared.NotEligibleException.class)
                .expectException(onField("shareToFediverse"));
    }

    @Test
    void anInvalidPostIsRefusedBeforeTheAccountIsAsked() {
        fixture = new AggregateTestFixture<>(Post.class);
        fixture.registerInjectableResource((PostingAuthority) request -> {
            throw new AssertionError("the account must not be consulted for an invalid post");
        });
        fixture.givenNoPriorActivity()
                .when(publish("", null, null, null))
                .expectException(InvalidValueException.class)
                .expectException(onField("text"));
    }

    @Test
    void publishingEmitsPublishedWithThePermitsChoices() {
        fixture.givenNoPriorActivity()
                .when(publish("Hello, fediverse", "spoilers", "pt-BR", "public"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(publishedEvent(Visibility.PUBLIC, "pt-BR", "Hello, fediverse", "spoilers"));
    }

    @Test
    void aPostWithoutVisibilityIsPublicAndBlankOptionalFieldsAreDropped() {
        fixture.givenNoPriorActivity()
                .when(publish("Hello", " ", "", null))
                .expectEvents(publishedEvent(Visibility.PUBLIC, null, "Hello", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"followers-only", "followers_only", "followers", "Followers-Only"})
    void followersOnlyIsAcceptedUnderItsWireNames(String visibility) {
        fixture.givenNoPriorActivity()
                .when(publish("Hello", null, "en", visibility))
                .expectEvents(publishedEvent(Visibility.FOLLOWERS_ONLY, "en", "Hello", null));
    }

    @Test
    void aPermitWithoutTargetsOrSharingIsRecordedAsSuch() {
        PostPermit localOnly = new PostPermit(AUTHOR, List.of(), false, null);
        fixture = new AggregateTestFixture<>(Post.class);
        fixture.registerInjectableResource(PostFixtures.grantingAuthority(localOnly));
        fixture.givenNoPriorActivity()
                .when(new PublishPostCommand(POST_ID, AUTHOR, "Hello", null, null, "public", List.of(), false, AT))
                .expectEvents(new PostPublishedEvent(POST_ID, AUTHOR, Visibility.PUBLIC, null, List.of(), false,
                        null, AT, new PostContent("Hello", null)));
    }

    @Test
    void aPostWithheldFromTheFediverseRecordsWhy() {
        PostPermit withheld = new PostPermit(AUTHOR, List.of(), false, CONSENT, PostPermit.CONSENT_OUTDATED);
        fixture = new AggregateTestFixture<>(Post.class);
        fixture.registerInjectableResource(PostFixtures.grantingAuthority(withheld));
        fixture.givenNoPriorActivity()
                .when(new PublishPostCommand(POST_ID, AUTHOR, "Hello", null, null, "public", null, null, AT))
                .expectEvents(new PostPublishedEvent(POST_ID, AUTHOR, Visibility.PUBLIC, null, List.of(), false,
                        CONSENT, AT, new PostContent("Hello", null), PostPermit.CONSENT_OUTDATED));
    }

    @Test
    void textOf500CodePointsIsAccepted() {
        String text = EMOJI.repeat(500); // 1000 UTF-16 chars
        fixture.givenNoPriorActivity()
                .when(publish(text, null, "en", "public"))
                .expectEvents(publishedEvent(Visibility.PUBLIC, "en", text, null));
    }

    @Test
    void textOf501CodePointsIsRefused() {
        fixture.givenNoPriorActivity()
                .when(publish(EMOJI.repeat(501), null, "en", "public"))
                .expectNoEvents()
                .expectException(InvalidValueException.class)
                .expectException(onField("text"))
                .expectExceptionMessage(containsString("text is 501 characters; the limit is 500"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\n"})
    void aPostWithoutTextIsRefused(String text) {
        fixture.givenNoPriorActivity()
                .when(publish(text, null, "en", "public"))
                .expectNoEvents()
                .expectException(InvalidValueException.class)
                .expectException(onField("text"))
                .expectExceptionMessage(containsString("text is required"));
    }

    @Test
    void aContentWarningOf501CodePointsIsRefused() {
        fixture.givenNoPriorActivity()
                .when(publish("Hello", "w".repeat(501), "en", "public"))
                .expectException(InvalidValueException.class)
                .expectException(onField("contentWarning"))
                .expectExceptionMessage(containsString("contentWarning is longer than 500 characters"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"e", "english", "en_US", "en-", "e1", "pt-BRAZILIAN"})
    void aLanguageThatIsNotABcp47TagIsRefused(String language) {
        fixture.givenNoPriorActivity()
                .when(publish("Hello", null, language, "public"))
                .expectNoEvents()
                .expectException(InvalidValueException.class)
                .expectException(onField("language"))
                .expectExceptionMessage(containsString("language must be a BCP 47 tag"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"private", "unlisted", "direct", ""})
    void anUnknownVisibilityIsRefused(String visibility) {
        fixture.givenNoPriorActivity()
                .when(publish("Hello", null, "en", visibility))
                .expectNoEvents()
                .expectException(InvalidValueException.class)
                .expectException(onField("visibility"))
                .expectExceptionMessage(containsString("visibility must be 'public' or 'followers-only'"));
    }

    // --- EditPostCommand ---

    @Test
    void editingEmitsEditedWithTheWholeNewContent() {
        fixture.given(published())
                .when(new EditPostCommand(POST_ID, AUTHOR, "Hello again", "long post", "de", AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PostEditedEvent(POST_ID, AUTHOR, "de", true, AT,
                        new PostContent("Hello again", "long post")));
    }

    @Test
    void nullFieldsInAnEditKeepWhatThePostHas() {
        fixture.given(published())
                .when(new EditPostCommand(POST_ID, AUTHOR, null, null, null, AT))
                .expectEvents(new PostEditedEvent(POST_ID, AUTHOR, "en", true, AT,
                        new PostContent("Hello, fediverse", null)));
    }

    @Test
    void blankContentWarningAndLanguageInAnEditClearThem() {
        fixture.given(published(), new PostEditedEvent(POST_ID, AUTHOR, "en", true, AT,
                        new PostContent("Hello, fediverse", "cw")))
                .when(new EditPostCommand(POST_ID, AUTHOR, null, "", " ", AT))
                .expectEvents(new PostEditedEvent(POST_ID, AUTHOR, null, true, AT,
                        new PostContent("Hello, fediverse", null)));
    }

    @Test
    void anEditBuildsOnThePreviousEdit() {
        fixture.given(published(), new PostEditedEvent(POST_ID, AUTHOR, "fr", true, AT,
                        new PostContent("Bonjour", "cw")))
                .when(new EditPostCommand(POST_ID, AUTHOR, null, null, null, AT))
                .expectEvents(new PostEditedEvent(POST_ID, AUTHOR, "fr", true, AT, new PostContent("Bonjour", "cw")));
    }

    @Test
    void editingAnotherAccountsPostIsNotPermitted() {
        fixture.given(published())
                .when(new EditPostCommand(POST_ID, "account-2", "Mine now", null, null, AT))
                .expectNoEvents()
                .expectException(NotPermittedException.class)
                .expectException(onField("postId"))
                .expectExceptionMessage(containsString("belongs to another account"));
    }

    @Test
    void editingADeletedPostIsGone() {
        fixture.given(published(), deleted())
                .when(new EditPostCommand(POST_ID, AUTHOR, "Too late", null, null, AT))
                .expectNoEvents()
                .expectException(GoneException.class)
                .expectException(onField("postId"))
                .expectExceptionMessage(containsString("was deleted"));
    }

    @Test
    void anEditWith501CodePointsIsRefused() {
        fixture.given(published())
                .when(new EditPostCommand(POST_ID, AUTHOR, "x".repeat(501), null, null, AT))
                .expectNoEvents()
                .expectException(InvalidValueException.class)
                .expectException(onField("text"));
    }

    @Test
    void anEditWithBlankTextIsRefused() {
        fixture.given(published())
                .when(new EditPostCommand(POST_ID, AUTHOR, " ", null, null, AT))
                .expectException(InvalidValueException.class)
                .expectException(onField("text"));
    }

    @Test
    void anEditWithATooLongContentWarningIsRefused() {
        fixture.given(published())
                .when(new EditPostCommand(POST_ID, AUTHOR, null, "w".repeat(501), null, AT))
                .expectException(InvalidValueException.class)
                .expectException(onField("contentWarning"));
    }

    @Test
    void anEditWithAMalformedLanguageIsRefused() {
        fixture.given(published())
                .when(new EditPostCommand(POST_ID, AUTHOR, null, null, "english", AT))
                .expectException(InvalidValueException.class)
                .expectException(onField("language"));
    }

    // --- DeletePostCommand ---

    @Test
    void deletingEmitsDeletedWithWhetherThePostWasShared() {
        fixture.given(published())
                .when(new DeletePostCommand(POST_ID, AUTHOR, PostDeletionReason.AUTHOR_REQUEST, AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PostDeletedEvent(POST_ID, AUTHOR, PostDeletionReason.AUTHOR_REQUEST, true, AT));
    }

    @Test
    void deletingAPostThatWasNotSharedSaysSo() {
        fixture.given(new PostPublishedEvent(POST_ID, AUTHOR, Visibility.PUBLIC, null, List.of(), false, null,
                        AT, new PostContent("local", null)))
                .when(new DeletePostCommand(POST_ID, AUTHOR, PostDeletionReason.ACCOUNT_DELETED, AT))
                .expectEvents(new PostDeletedEvent(POST_ID, AUTHOR, PostDeletionReason.ACCOUNT_DELETED, false, AT));
    }

    @Test
    void deletingAnotherAccountsPostIsNotPermitted() {
        fixture.given(published())
                .when(new DeletePostCommand(POST_ID, "account-2", PostDeletionReason.AUTHOR_REQUEST, AT))
                .expectNoEvents()
                .expectException(NotPermittedException.class)
                .expectException(onField("postId"));
    }

    @Test
    void deletingTwiceIsGone() {
        fixture.given(published(), deleted())
                .when(new DeletePostCommand(POST_ID, AUTHOR, PostDeletionReason.AUTHOR_REQUEST, AT))
                .expectNoEvents()
                .expectException(GoneException.class)
                .expectException(onField("postId"));
    }
}
