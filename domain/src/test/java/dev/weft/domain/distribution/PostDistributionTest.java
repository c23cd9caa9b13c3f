package dev.weft.domain.distribution;

import static dev.weft.domain.shared.DomainRuleMatchers.onField;
import static org.hamcrest.CoreMatchers.containsString;

import dev.weft.domain.links.Platform;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A post's copies to fediverse servers, scheduled by one command as a few events. */
class PostDistributionTest {
    private static final String POST_ID = "post-1";
    private static final String ACCOUNT_ID = "account-1";
    private static final String DISTRIBUTION_ID = PostDistribution.idOf(POST_ID);
    private static final String CONSENT = "2026-11";
    private static final Instant AT = Instant.parse("2026-12-07T10:00:00Z");
    private static final Destination ONE = Destination.server("one.example");
    private static final Destination TWO = Destination.server("two.example");

    private FixtureConfiguration<PostDistribution> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PostDistribution.class);
    }

    private static ScheduleServerCopiesCommand schedule(List<Destination> servers) {
        return new ScheduleServerCopiesCommand(DISTRIBUTION_ID, POST_ID, ACCOUNT_ID, servers, CONSENT, AT);
    }

    private static PostCopiesScheduledEvent scheduled(List<Destination> servers) {
        return new PostCopiesScheduledEvent(DISTRIBUTION_ID, POST_ID, ACCOUNT_ID,
                servers.stream().map(s -> ScheduledCopy.of(POST_ID, s)).toList(), CONSENT, AT);
    }

    private static List<Destination> servers(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> Destination.server("s" + i + ".example")).toList();
    }

    @Test
    void schedulingEmitsOneEventWithEveryServersCopy() {
        fixture.givenNoPriorActivity()
                .when(schedule(List.of(ONE, TWO)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(scheduled(List.of(ONE, TWO)));
    }

    @Test
    void manyServersAreCutIntoEventsOfABatchEach() {
        List<Destination> all = servers(0, PostDistribution.BATCH * 2 + 1);
        fixture.givenNoPriorActivity()
                .when(schedule(all))
                .expectEvents(scheduled(all.subList(0, PostDistribution.BATCH)),
                        scheduled(all.subList(PostDistribution.BATCH, PostDistribution.BATCH * 2)),
                        scheduled(all.subList(PostDistribution.BATCH * 2, all.size())));
    }

    @Test
    void aServerNamedTwiceGetsOneCopy() {
        List<Destination> twice = new ArrayList<>(List.of(ONE, TWO, ONE));
        fixture.givenNoPriorActivity()
                .when(schedule(twice))
                .expectEvents(scheduled(List.of(ONE, TWO)));
    }

    @Test
    void aSecondScheduleIsAbsorbed() {
        fixture.given(scheduled(List.of(ONE)))
                .when(schedule(List.of(ONE, TWO)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void noServersScheduleNothing() {
        fixture.givenNoPriorActivity()
                .when(schedule(List.of()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aLinkedAccountIsRefused() {
        fixture.givenNoPriorActivity()
                .when(schedule(List.of(ONE, Destination.linkedAccount("link-1", Platform.THREADS))))
                .expectNoEvents()
                .expectException(onField("servers"))
                .expectExceptionMessage(containsString("fediverse servers only"));
    }

    @Test
    void missingServersAreRefused() {
        fixture.givenNoPriorActivity()
                .when(schedule(null))
                .expectNoEvents()
                .expectException(onField("servers"));
    }

    @Test
    void aDistributionWithoutAPostIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleServerCopiesCommand(DISTRIBUTION_ID, null, ACCOUNT_ID, List.of(ONE), CONSENT, AT))
                .expectNoEvents()
                .expectException(onField("postId"));
    }

    @Test
    void aDistributionWithoutAnAccountIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleServerCopiesCommand(DISTRIBUTION_ID, POST_ID, "", List.of(ONE), CONSENT, AT))
                .expectNoEvents()
                .expectException(onField("accountId"));
    }

    @Test
    void anotherPostsDistributionIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleServerCopiesCommand(PostDistribution.idOf("post-2"), POST_ID, ACCOUNT_ID,
                        List.of(ONE), CONSENT, AT))
                .expectNoEvents()
                .expectException(onField("distributionId"));
    }
}
