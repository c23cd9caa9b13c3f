package dev.weft.api.admin;

import static dev.weft.api.support.WeftClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.api.crossposting.LinkedAccounts;
import dev.weft.api.federation.inbox.RemoteActorServer;
import dev.weft.api.support.WeftIntegrationTest;
import java.net.URI;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * After a post fans out to a follower's server and a linked account, and a projection is
 * rebuilt, the operator's scrape shows each of them; nobody else may scrape.
 */
class MetricsIntegrationTest extends WeftIntegrationTest {
    private static final String SCRAPE = "/actuator/prometheus";
    private static final String REBUILDS_SUCCEEDED =
            "weft_projection_rebuilds_total{outcome=\"succeeded\",processor=\"followers\"}";
    private static final String REBUILT_EVENTS = "weft_projection_rebuild_events_total{processor=\"followers\"}";
    private RemoteActorServer remote;

    @BeforeEach
    void startRemote() {
        remote = new RemoteActorServer();
    }

    @AfterEach
    void stopRemote() {
        remote.close();
    }

    @Test
    void aPublishAFanOutAndARebuildShowInTheScrape() {
        LinkedAccounts mia = sharing(new LinkedAccounts(api, "mia"));
        String linkId = mia.linked(mia.linkThreads());
        follow(mia, "finn");
        double deliveredBefore = value(scrape(), deliveries("delivered")).orElse(0);

        String postId = mia.publish("text", "Counted on the way out");
        mia.awaitState(postId, linkId, "published");
        await("delivered to finn's server", () -> value(scrape(), deliveries("delivered")).orElse(0)
                > deliveredBefore);

        String scrape = scrape();
        assertThat(value(scrape, "weft_crosspost_latency_seconds_count{platform=\"threads\"}").orElse(0))
                .as("cross-post latency").isGreaterThanOrEqualTo(1);
        assertThat(value(scrape, "weft_crosspost_latency_seconds_bucket{platform=\"threads\",le=\"+Inf\"}")
                .orElse(0)).isGreaterThanOrEqualTo(1);
        assertThat(value(scrape, "weft_crossposts_total{outcome=\"published\",platform=\"threads\"}").orElse(0))
                .isGreaterThanOrEqualTo(1);
        for (String backlog : new String[] {"weft_outbox_pending", "weft_outbox_oldest_due_seconds",
                "weft_inbox_queue_depth", "weft_inbox_oldest_waiting_seconds", "weft_crossposts_pending"}) {
            assertThat(value(scrape, backlog)).as(backlog).isPresent();
            assertThat(value(scrape, backlog).getAsDouble()).as(backlog).isGreaterThanOrEqualTo(0);
        }
        awaitCaughtUp();
        assertThat(value(scrape(), "weft_projection_lag_events{processor=\"sharing-status\"}")).hasValue(0);
        assertThat(value(scrape(), "weft_node_nudges_listening")).as("this node hears the others").hasValue(1);
        assertThat(value(scrape(), "weft_projection_position{processor=\"sharing-status\"}").orElse(0))
                .isPositive();
    }

    @Test
    void aRebuildCountsTheEventsItReplayedAndHowItEnded() {
        follow(sharing(new LinkedAccounts(api, "ray")), "gus");
        awaitCaughtUp();
        String before = scrape();
        assertThat(api.post("/api/v1/admin/projections/followers/rebuild", OPERATOR_TOKEN, null).status())
                .isEqualTo(202);
        await("the rebuild ended", () -> value(scrape(), REBUILDS_SUCCEEDED).orElse(0)
                == value(before, REBUILDS_SUCCEEDED).orElse(0) + 1);

        String after = scrape();
        assertThat(value(after, REBUILT_EVENTS).orElse(0) - value(before, REBUILT_EVENTS).orElse(0))
                .as("events replayed, gus's follow among them").isGreaterThanOrEqualTo(1);
        assertThat(value(after, "weft_projection_rebuilding{processor=\"followers\"}")).hasValue(0);
        assertThat(value(after, "weft_projection_rebuild_progress_ratio{processor=\"followers\"}")).hasValue(0);
    }

    @Test
    void onlyTheOperatorMayScrapeButHealthIsOpen() {
        var anonymous = api.get(SCRAPE, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.text("detail")).isEqualTo("a bearer token is required");
        LinkedAccounts ned = new LinkedAccounts(api, "ned");
        var person = api.get(SCRAPE, ned.person.token());
        assertThat(person.status()).isEqualTo(403);
        assertThat(person.text("detail")).isEqualTo("only operators may read the engine's metrics");
        assertThat(api.get(SCRAPE, AUDITOR_TOKEN).status()).isEqualTo(403);
        assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
    }

    private LinkedAccounts sharing(LinkedAccounts person) {
        assertThat(api.put(person.person.path() + "/fediverse-sharing", person.person.token(),
                body("consentVersion", "2026-11")).status()).isEqualTo(200);
        return person;
    }

    private void follow(LinkedAccounts person, String follower) {
        String activity = remote.activity("Follow", follower, "\"" + BASE_URL + "/users/" + person.person.handle()
                + "\"");
        assertThat(remote.post(BASE_URL + "/inbox", activity, follower).statusCode()).isEqualTo(202);
        await(follower + " follows", () -> api.get(person.person.path() + "/followers", person.person.token()).json()
                .path("count").asLong() == 1);
    }

    private String deliveries(String outcome) {
        return "weft_deliveries_total{host=\"" + URI.create(remote.origin()).getHost() + "\",outcome=\"" + outcome
                + "\",purpose=\"post_create\"}";
    }

    private String scrape() {
        var response = api.get(SCRAPE, OPERATOR_TOKEN);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    /** The value of the series written exactly so, labels in the registry's (alphabetical) order. */
    private static OptionalDouble value(String scrape, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(scrape);
        return m.find() ? OptionalDouble.of(Double.parseDouble(m.group(1))) : OptionalDouble.empty();
    }
}
