package dev.weft.application.deletion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.application.accounts.AccountDirectory;
import dev.weft.application.distribution.CopyReader;
import dev.weft.application.distribution.CopyView;
import dev.weft.application.shared.PolicyCommands;
import dev.weft.domain.distribution.CopyAddress;
import dev.weft.domain.distribution.CopyIds;
import dev.weft.domain.distribution.DeletionReason;
import dev.weft.domain.distribution.Destination;
import dev.weft.domain.distribution.PostCopiesScheduledEvent;
import dev.weft.domain.distribution.PostDistribution;
import dev.weft.domain.distribution.RequestRemoteDeletionCommand;
import dev.weft.domain.distribution.ScheduledCopy;
import dev.weft.domain.posts.PostDeletedEvent;
import dev.weft.domain.posts.PostDeletionReason;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which copies are asked to delete, and that each request names its copy, batch-scheduled or not. */
class RemoteDeletionPolicyTest {
    private static final Instant AT = Instant.parse("2026-12-07T10:00:00Z");
    private static final Destination ONE = Destination.server("one.example");
    private static final Destination TWO = Destination.server("two.example");

    private final List<Object> sent = new ArrayList<>();
    private boolean postDeleted;
    private List<CopyView> copies = List.of();
    private final RemoteDeletionPolicy policy = new RemoteDeletionPolicy(new PolicyCommands(null) {
        @Override
        public void send(String policyName, Object command) {
            sent.add(command);
        }
    }, fake(CopyReader.class), fake(AccountDirectory.class));

    @SuppressWarnings("unchecked")
    private <T> T fake(Class<T> type) {
        return (T) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> switch (method.getName()) {
                    case "postDeleted" -> postDeleted;
                    case "copiesOfPost" -> copies;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static PostCopiesScheduledEvent batch() {
        return new PostCopiesScheduledEvent(PostDistribution.idOf("post-1"), "post-1", "account-1",
                List.of(ScheduledCopy.of("post-1", ONE), ScheduledCopy.of("post-1", TWO)), "2026-11", AT);
    }

    private static RequestRemoteDeletionCommand named(Destination server, DeletionReason reason) {
        return new RequestRemoteDeletionCommand(CopyIds.of("post-1", server), reason, AT,
                new CopyAddress("post-1", "account-1", server));
    }

    @Test
    void aBatchScheduledAfterItsPostWasDeletedIsRecalledCopyByCopy() {
        postDeleted = true;
        policy.on(batch());
        assertThat(sent).containsExactly(named(ONE, DeletionReason.POST_DELETED),
                named(TWO, DeletionReason.POST_DELETED));
    }

    @Test
    void aBatchForALivePostIsLeftAlone() {
        policy.on(batch());
        assertThat(sent).isEmpty();
    }

    @Test
    void aDeletedPostsCopiesNotYetAskedAreAskedByName() {
        copies = List.of(new CopyView(CopyIds.of("post-1", ONE), "post-1", "account-1", ONE, false),
                new CopyView(CopyIds.of("post-1", TWO), "post-1", "account-1", TWO, true));
        policy.on(new PostDeletedEvent("post-1", "account-1", PostDeletionReason.AUTHOR_REQUEST, true, AT));
        assertThat(sent).containsExactly(named(ONE, DeletionReason.POST_DELETED));
    }
}
