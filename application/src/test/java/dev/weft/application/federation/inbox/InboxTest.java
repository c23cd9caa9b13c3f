package dev.weft.application.federation.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.application.accounts.AccountDirectory;
import dev.weft.application.accounts.AccountView;
import dev.weft.application.federation.FederationSettings;
import dev.weft.application.federation.FederationUrls;
import dev.weft.application.posts.PostReader;
import dev.weft.application.posts.PostView;
import dev.weft.application.remotepeople.PersonalDataKeys;
import dev.weft.application.remotepeople.RemotePeople;
import dev.weft.application.shared.NotFoundException;
import dev.weft.domain.shared.ConflictException;
import dev.weft.domain.shared.InvalidValueException;
import dev.weft.domain.shared.NotPermittedException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InboxTest {
    private static final String ALICE_ID = "acc-alice";
    private final FederationSettings settings = new FederationSettings("https://weft.example", Duration.ZERO,
            List.of("bad.example"), List.of());
    private final FederationUrls urls = new FederationUrls(settings);
    private final StoredActivities queue = new StoredActivities();
    private String signer = "https://m.example/users/bob";
    private final java.util.Set<String> erased = new java.util.HashSet<>();
    private final PersonalDataKeys keys = new PersonalDataKeys() {
        @Override
        public Optional<String> placeholderOf(String subjectId) {
            return Optional.empty();
        }

        @Override
        public boolean erased(String subjectId) {
            return erased.contains(subjectId);
        }
    };
    private final Inbox inbox = new Inbox(request -> {
        if (request.header("signature") == null) {
            throw new SignatureRejectedException("no signature");
        }
        return new VerifiedSignature(signer + "#main-key", signer, "draft-cavage");
    }, new InboxRecipients(new Accounts(), new Posts(), urls), queue, settings, urls, host -> { },
            new RemotePeople(keys, null, Instant::now), Instant::now);

    private static SignedRequest signed(String json) {
        return new SignedRequest("POST", "/inbox", "weft.example", Map.of("Signature", List.of("sig")),
                json.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    }

    private static String like(String id, String actor, String object) {
        return "{'id': '" + id + "', 'type': 'Like', 'actor': '" + actor + "', 'object': '" + object + "'}";
    }

    @Test
    void storesAVerifiedActivityForTheAccountItConcerns() {
        ReceivedActivity stored = inbox.accept(signed(like("https://m.example/likes/1", "https://m.example/users/bob",
                "https://weft.example/posts/p1")), null);
        assertThat(stored.recipientAccountId()).isEqualTo(ALICE_ID);
        assertThat(stored.keyId()).isEqualTo("https://m.example/users/bob#main-key");
        assertThat(queue.stored).extracting(ReceivedActivity::activityId).containsExactly("https://m.example/likes/1");
    }

    @Test
    void refusesAReplayAndStoresNothingMore() {
        String like = like("https://m.example/likes/2", "https://m.example/users/bob", "https://weft.example/posts/p1");
        inbox.accept(signed(like), null);
        assertThatThrownBy(() -> inbox.accept(signed(like), null)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("already received");
        assertThat(queue.stored).hasSize(1);
    }

    @Test
    void refusesAnErasedPersonAndStoresNothing() {
        erased.add("https://m.example/users/bob");
        assertThatThrownBy(() -> inbox.accept(signed(like("https://m.example/likes/9", "https://m.example/users/bob",
                "https://weft.example/posts/p1")), null)).isInstanceOf(NotPermittedException.class)
                .hasMessageContaining("erased here");
        assertThat(queue.stored).isEmpty();
    }

    @Test
    void refusesAnActivityWhoseActorDidNotSignIt() {
        signer = "https://m.example/users/mallory";
        assertThatThrownBy(() -> inbox.accept(signed(like("https://m.example/likes/3", "https://m.example/users/bob",
                "https://weft.example/posts/p1")), null)).isInstanceOf(SignatureRejectedException.class)
                .hasMessageContaining("signed by https://m.example/users/mallory");
        assertThat(queue.stored).isEmpty();
    }

    @Test
    void refusesAnUnsignedRequestBeforeReadingIt() {
        SignedRequest unsigned = new SignedRequest("POST", "/inbox", "weft.example", Map.of(), "nonsense".getBytes());
        assertThatThrownBy(() -> inbox.accept(unsigned, null)).isInstanceOf(SignatureRejectedException.class);
    }

    @Test
    void refusesActivitiesAboutUnknownAccountsAndPosts() {
        assertThatThrownBy(() -> inbox.accept(signed(like("https://m.example/likes/4", "https://m.example/users/bob",
                "https://weft.example/posts/nope")), null)).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("no post");
        assertThatThrownBy(() -> inbox.accept(signed(like("https://m.example/likes/5", "https://m.example/users/bob",
                "https://weft.example/posts/p1")), "nobody")).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("@nobody");
        assertThat(queue.stored).isEmpty();
    }

    @Test
    void refusesSuspendedDomainsAndIdsOffTheActorsHost() {
        signer = "https://bad.example/users/x";
        assertThatThrownBy(() -> inbox.accept(signed(like("https://bad.example/l/1", "https://bad.example/users/x",
                "https://weft.example/posts/p1")), null)).isInstanceOf(NotPermittedException.class);
        signer = "https://m.example/users/bob";
        assertThatThrownBy(() -> inbox.accept(signed(like("https://other.example/l/1", "https://m.example/users/bob",
                "https://weft.example/posts/p1")), null)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("not on its actor's host");
        assertThat(queue.stored).isEmpty();
    }

    private static final class StoredActivities implements InboxQueue {
        final List<ReceivedActivity> stored = new ArrayList<>();

        @Override
        public boolean store(ReceivedActivity activity) {
            if (find(activity.activityId()).isPresent()) {
                return false;
            }
            return stored.add(activity);
        }

        @Override
        public Optional<ReceivedActivity> find(String activityId) {
            return stored.stream().filter(a -> a.activityId().equals(activityId)).findFirst();
        }

        @Override
        public List<ReceivedActivity> claimDue(int max) {
            return List.of();
        }

        @Override
        public void completed(String activityId, String outcome) {
        }

        @Override
        public void failed(String activityId, String error, Instant retryAt) {
        }
    }

    private static final class Accounts implements AccountDirectory {
        private final AccountView alice = new AccountView(ALICE_ID, "alice", "Alice", true, "NZ",
                LocalDate.of(1990, 1, 1), true, "2026-11", Instant.EPOCH, null, null);

        @Override
        public Optional<AccountView> find(String accountId) {
            return ALICE_ID.equals(accountId) ? Optional.of(alice) : Optional.empty();
        }

        @Override
        public Optional<AccountView> findByHandle(String handle) {
            return "alice".equalsIgnoreCase(handle) ? Optional.of(alice) : Optional.empty();
        }

        @Override
        public long countSharing() {
            return 1;
        }

        @Override
        public Optional<String> accountIdForCredential(String credentialHash) {
            return Optional.empty();
        }
    }

    private static final class Posts implements PostReader {
        @Override
        public Optional<PostView> find(String postId) {
            return Optional.empty();
        }

        @Override
        public Optional<String> authorOf(String postId) {
            return "p1".equals(postId) ? Optional.of(ALICE_ID) : Optional.empty();
        }
    }
}
