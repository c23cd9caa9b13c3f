package dev.weft.application.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.application.graph.GraphReader;
import dev.weft.application.shared.PolicyCommands;
import dev.weft.domain.distribution.Destination;
import dev.weft.domain.distribution.PostDistribution;
import dev.weft.domain.distribution.ScheduleServerCopiesCommand;
import dev.weft.domain.posts.PostContent;
import dev.weft.domain.posts.PostPublishedEvent;
import dev.weft.domain.posts.Visibility;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which servers a new post is scheduled to: every server with a follower, in one command. */
class PostDistributionPolicyTest {
    private static final Instant AT = Instant.parse("2026-12-07T10:00:00Z");

    private final List<Object> commands = new ArrayList<>();
    private List<String> followerServers = List.of("one.example", "two.example");
    private final PostDistributionPolicy policy = new PostDistributionPolicy(new PolicyCommands(null) {
        @Override
        public void send(String policyName, Object command) {
            commands.add(command);
        }
    }, graph());

    private GraphReader graph() {
        return (GraphReader) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {GraphReader.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("followerServers") && args[0].equals("account-1")) {
                        return followerServers;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static PostPublishedEvent published(boolean shared) {
        return new PostPublishedEvent("post-1", "account-1", Visibility.PUBLIC, "en", List.of(), shared, "2026-11",
                AT, new PostContent("hello", null));
    }

    @Test
    void aSharedPostIsScheduledToEveryFollowersServerInOneCommand() {
        policy.on(published(true));
        assertThat(commands).containsExactly(new ScheduleServerCopiesCommand(PostDistribution.idOf("post-1"),
                "post-1", "account-1", List.of(Destination.server("one.example"), Destination.server("two.example")),
                "2026-11", AT));
    }

    @Test
    void aPostNotSharedWithTheFediverseGoesNowhere() {
        policy.on(published(false));
        assertThat(commands).isEmpty();
    }

    @Test
    void anAccountWithoutFollowersSchedulesNothing() {
        followerServers = List.of();
        policy.on(published(true));
        assertThat(commands).isEmpty();
    }
}
