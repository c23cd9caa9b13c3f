package dev.weft.application.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.application.federation.FederationSettings;
import dev.weft.application.federation.FederationUrls;
import dev.weft.application.shared.PolicyCommands;
import dev.weft.domain.distribution.CopyIds;
import dev.weft.domain.distribution.Destination;
import dev.weft.domain.distribution.HoldingChannel;
import dev.weft.domain.distribution.RecordRemoteHolderCommand;
import dev.weft.domain.engagement.RemoteLikeRecordedEvent;
import dev.weft.domain.engagement.RemoteReplyRecordedEvent;
import dev.weft.domain.engagement.RemoteRepostRecordedEvent;
import dev.weft.domain.engagement.ReplyContent;
import dev.weft.domain.shared.RemoteActor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which engagement makes a server a holder of the post, and what the holder's record carries. */
class RemoteHolderPolicyTest {
    private static final Instant AT = Instant.parse("2026-12-02T10:00:00Z");
    private static final String ANN = "https://remote.example/users/ann";
    private static final Destination REMOTE = Destination.server("remote.example");

    private final List<Object> commands = new ArrayList<>();
    private final PostsSharedInMemory posts = new PostsSharedInMemory();
    private final RemoteHolderPolicy policy = new RemoteHolderPolicy(new PolicyCommands(null) {
        @Override
        public void send(String policyName, Object command) {
            commands.add(command);
        }
    }, posts, new FederationUrls(new FederationSettings("https://weft.example", Duration.ZERO, List.of(),
            List.of())));

    private static RecordRemoteHolderCommand holder(String actorId) {
        return new RecordRemoteHolderCommand(CopyIds.of("post-1", REMOTE), "post-1", "account-1", REMOTE,
                HoldingChannel.ENGAGEMENT, actorId, "2026-11", AT);
    }

    @Test
    void aLikeOfASharedPostMakesTheLikersServerAHolderUnderThePostsConsent() {
        posts.put("post-1", new CopyReader.PostSharing("account-1", true, false, "2026-11"));
        policy.on(new RemoteLikeRecordedEvent("post-1", "account-1", "https://remote.example/likes/1", AT,
                RemoteActor.of(ANN)));
        assertThat(commands).containsExactly(holder(ANN));
    }

    @Test
    void aRepostAndAReplyDoTheSame() {
        posts.put("post-1", new CopyReader.PostSharing("account-1", true, false, "2026-11"));
        policy.on(new RemoteRepostRecordedEvent("post-1", "account-1", "https://remote.example/announces/1", AT,
                RemoteActor.of(ANN)));
        String bob = "https://REMOTE.example/users/bob";
        policy.on(new RemoteReplyRecordedEvent("post-1", "account-1", "https://remote.example/notes/1", AT,
                RemoteActor.of(bob), new ReplyContent("hi")));
        assertThat(commands).containsExactly(holder(ANN), holder(bob));
    }

    @Test
    void aPostNotSharedWithTheFediverseOrAlreadyDeletedMakesNoHolder() {
        posts.put("private", new CopyReader.PostSharing("account-1", false, false, null));
        posts.put("deleted", new CopyReader.PostSharing("account-1", true, true, "2026-11"));
        policy.on(new RemoteLikeRecordedEvent("private", "account-1", "https://remote.example/likes/1", AT,
                RemoteActor.of(ANN)));
        policy.on(new RemoteLikeRecordedEvent("deleted", "account-1", "https://remote.example/likes/2", AT,
                RemoteActor.of(ANN)));
        policy.on(new RemoteLikeRecordedEvent("unknown", "account-1", "https://remote.example/likes/3", AT,
                RemoteActor.of(ANN)));
        assertThat(commands).isEmpty();
    }

    @Test
    void aServerThePostWasDeliveredToIsNoNewHolder() {
        posts.put("post-1", new CopyReader.PostSharing("account-1", true, false, "2026-11"));
        posts.deliveredTo(CopyIds.of("post-1", REMOTE));
        policy.on(new RemoteLikeRecordedEvent("post-1", "account-1", "https://remote.example/likes/1", AT,
                RemoteActor.of(ANN)));
        assertThat(commands).isEmpty();
    }

    @Test
    void thisServersOwnActorsAreNoRemoteHolder() {
        posts.put("post-1", new CopyReader.PostSharing("account-1", true, false, "2026-11"));
        policy.on(new RemoteLikeRecordedEvent("post-1", "account-1", "https://weft.example/likes/1", AT,
                RemoteActor.of("https://weft.example/users/bea")));
        assertThat(commands).isEmpty();
    }
}
