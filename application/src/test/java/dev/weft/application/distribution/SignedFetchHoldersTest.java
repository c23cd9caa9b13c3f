package dev.weft.application.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.application.federation.FederationSettings;
import dev.weft.application.federation.FederationUrls;
import dev.weft.application.posts.PostView;
import dev.weft.application.shared.CommandSender;
import dev.weft.domain.distribution.CopyIds;
import dev.weft.domain.distribution.Destination;
import dev.weft.domain.distribution.HoldingChannel;
import dev.weft.domain.distribution.RecordRemoteHolderCommand;
import dev.weft.domain.shared.InvalidValueException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which signed fetches make a server a holder, and that a refusal to record one never fails the fetch. */
class SignedFetchHoldersTest {
    private static final Instant AT = Instant.parse("2026-12-02T10:00:00Z");
    private static final String ANN = "https://remote.example/users/ann";
    private static final Destination REMOTE = Destination.server("remote.example");

    private final List<Object> sent = new ArrayList<>();
    private final PostsSharedInMemory posts = new PostsSharedInMemory();
    private RuntimeException refusal;
    private final SignedFetchHolders holders = new SignedFetchHolders(posts, new CommandSender(null) {
        @Override
        public <R> R send(Object command) {
            if (refusal != null) {
                throw refusal;
            }
            sent.add(command);
            return null;
        }
    }, new FederationUrls(new FederationSettings("https://weft.example", Duration.ZERO, List.of(), List.of())),
            () -> AT);

    private static PostView post(String postId, boolean shared) {
        return new PostView(postId, "account-1", "hello", null, "en", "public", shared, AT, null,
                "https://weft.example/posts/" + postId);
    }

    @Test
    void aSignedFetchOfASharedPostMakesTheSignersServerAHolderUnderItsConsent() {
        posts.put("post-1", new CopyReader.PostSharing("account-1", true, false, "2026-11"));
        holders.fetched(post("post-1", true), ANN);
        assertThat(sent).containsExactly(new RecordRemoteHolderCommand(CopyIds.of("post-1", REMOTE), "post-1",
                "account-1", REMOTE, HoldingChannel.SIGNED_FETCH, ANN, "2026-11", AT));
    }

    @Test
    void aFetchBeforeTheStatusHasThePostIsRecordedWithoutItsConsentVersion() {
        holders.fetched(post("post-2", true), ANN);
        assertThat(sent).containsExactly(new RecordRemoteHolderCommand(CopyIds.of("post-2", REMOTE), "post-2",
                "account-1", REMOTE, HoldingChannel.SIGNED_FETCH, ANN, null, AT));
    }

    @Test
    void aFetchFromAServerThePostWasDeliveredToRecordsNothingNew() {
        posts.put("post-1", new CopyReader.PostSharing("account-1", true, false, "2026-11"));
        posts.deliveredTo(CopyIds.of("post-1", REMOTE));
        holders.fetched(post("post-1", true), ANN);
        assertThat(sent).isEmpty();
    }

    @Test
    void noHolderForAPostNotSharedNorForThisServersOwnActor() {
        holders.fetched(post("private", false), ANN);
        holders.fetched(post("post-1", true), "https://weft.example/actor");
        assertThat(sent).isEmpty();
    }

    @Test
    void aRefusedRecordIsLoggedAndTheFetchStillServed() {
        refusal = new InvalidValueException("destination", "refused");
        org.assertj.core.api.Assertions.assertThatCode(() -> holders.fetched(post("post-1", true), ANN))
                .doesNotThrowAnyException();
    }
}
