package dev.weft.api.federation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.api.support.TestAccounts;
import dev.weft.api.support.TestAccounts.Registered;
import dev.weft.api.support.WeftClient.Response;
import dev.weft.api.support.WeftIntegrationTest;
import dev.weft.api.support.federation.InboxSink;
import dev.weft.api.support.federation.InboxSink.Reply;
import dev.weft.application.federation.delivery.DeliveryOutbox;
import dev.weft.application.federation.delivery.DeliveryPurpose;
import dev.weft.application.federation.delivery.OutboundDelivery;
import dev.weft.application.federation.delivery.ServerAvailability;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Operators list failing servers and send again; nobody else may. */
class FederationAdminIntegrationTest extends WeftIntegrationTest {
    @Autowired
    DeliveryOutbox outbox;
    @Autowired
    ServerAvailability availability;

    private InboxSink sink;
    private Registered alice;

    @BeforeEach
    void setUp() {
        alice = TestAccounts.register(api, "operated");
        sink = new InboxSink(Reply.of(410));
    }

    @AfterEach
    void tearDown() {
        jdbc.update("UPDATE federation.delivery SET state = 'failed' WHERE host = ? AND state = 'pending'", sink.host());
        sink.close();
    }

    private String enqueue() {
        String id = UUID.randomUUID().toString();
        outbox.enqueue(List.of(new OutboundDelivery(id, alice.id(), DeliveryPurpose.FOLLOW,
                BASE_URL + "/follows/" + id, "{\"type\":\"Follow\",\"n\":\"" + id + "\"}", sink.inbox(), sink.host(),
                null, null)));
        return id;
    }

    private String state(String id) {
        return jdbc.queryForObject("SELECT state FROM federation.delivery WHERE delivery_id = ?", String.class, id);
    }

    private JsonNode server(String filter) {
        for (JsonNode server : api.get("/api/v1/admin/servers?state=" + filter, OPERATOR_TOKEN).json()) {
            if (server.path("host").asString().equals(sink.host())) {
                return server;
            }
        }
        return null;
    }

    @Test
    void aFailedDeliveryIsListedAndRedeliveredOnRequest() {
        String id = enqueue();
        await("failed", () -> "failed".equals(state(id)));

        JsonNode listed = server("all");
        assertThat(listed).as("the server with a failed delivery").isNotNull();
        assertThat(listed.path("failed").asLong()).isEqualTo(1);
        assertThat(listed.path("pending").asLong()).isZero();
        assertThat(listed.path("state").asString()).isEqualTo("available");
        assertThat(server("failing")).isNotNull();
        assertThat(server("unavailable")).isNull();

        sink.answerFromNowOn(Reply.of(202));
        Response redelivered = api.post("/api/v1/admin/deliveries/" + id + "/redeliver", OPERATOR_TOKEN, null);
        assertThat(redelivered.status()).isEqualTo(200);
        await("delivered on redelivery", () -> "delivered".equals(state(id)));
        assertThat(sink.count()).isEqualTo(2);
        assertThat(server("all")).as("nothing failing or pending any more").isNull();
    }

    @Test
    void aServerWithFailuresOnEnoughDaysIsSkippedUntilRedelivered() throws InterruptedException {
        sink.answerFromNowOn(Reply.of(503));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (int daysAgo = 1; daysAgo <= 6; daysAgo++) {
            jdbc.update("INSERT INTO federation.server_failure_day (host, day) VALUES (?, ?)", sink.host(),
                    Date.valueOf(today.minusDays(daysAgo)));
        }
        String first = enqueue();
        await("marked unavailable on the seventh failing day", () -> server("unavailable") != null);
        assertThat(server("unavailable").path("failingDays").asInt()).isEqualTo(7);
        int attempts = sink.count();
        String second = enqueue();
        Thread.sleep(1000);
        assertThat(sink.count()).as("nothing is attempted while unavailable").isEqualTo(attempts);
        assertThat(state(second)).isEqualTo("pending");

        sink.answerFromNowOn(Reply.of(202));
        Response redelivered = api.post("/api/v1/admin/servers/" + sink.host() + "/redeliver", OPERATOR_TOKEN, null);
        assertThat(redelivered.status()).as(redelivered.toString()).isEqualTo(200);
        assertThat(redelivered.json().path("deliveries").asInt()).isEqualTo(2);
        await("both delivered", () -> "delivered".equals(state(first)) && "delivered".equals(state(second)));
        assertThat(server("unavailable")).isNull();
    }

    @Test
    void hearingFromAServerMakesItAvailable() {
        jdbc.update("INSERT INTO federation.server (host, unavailable_since) VALUES (?, now())", sink.host());
        assertThat(server("unavailable")).isNotNull();
        availability.heardFrom(sink.host());
        assertThat(server("unavailable")).isNull();
    }

    @Test
    void anUnknownDeliveryIsNotFound() {
        Response response = api.post("/api/v1/admin/deliveries/no-such-delivery/redeliver", OPERATOR_TOKEN, null);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("detail")).contains("no-such-delivery");
    }

    @Test
    void aBadFilterIsRefusedByName() {
        Response response = api.get("/api/v1/admin/servers?state=sideways", OPERATOR_TOKEN);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("field")).isEqualTo("state");
    }

    @Test
    void onlyOperatorsRedeliverAndAuditorsMayRead() {
        String id = enqueue();
        assertThat(api.get("/api/v1/admin/servers", alice.token()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin/servers", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/admin/servers", AUDITOR_TOKEN).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/admin/deliveries/" + id + "/redeliver", alice.token(), null).status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/admin/deliveries/" + id + "/redeliver", AUDITOR_TOKEN, null).status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/admin/servers/" + sink.host() + "/redeliver", alice.token(), null).status())
                .isEqualTo(403);
    }
}
