package dev.weft.api.limits;

import static dev.weft.api.support.WeftClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.api.federation.inbox.RemoteActorServer;
import dev.weft.api.support.TestAccounts;
import dev.weft.api.support.TestAccounts.Registered;
import dev.weft.api.support.WeftClient.Response;
import dev.weft.api.support.WeftIntegrationTest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Each limit is reached and refused with 429, Retry-After and problem+json, writing
 * nothing: registrations per client address (10 an hour), posts per account (30 a
 * minute), inbox deliveries per remote server (60 per 10 seconds in the tests).
 */
class RateLimitIntegrationTest extends WeftIntegrationTest {

    @Test
    void theEleventhRegistrationFromOneAddressWithinTheHourIsRefused() {
        Map<String, String> oneClient = Map.of("X-Forwarded-For", "203.0.113.7, 127.0.0.1");
        for (int i = 0; i < 10; i++) {
            Response registered = api.send("POST", "/api/v1/accounts", null, registration(), oneClient);
            assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        }
        Response refused = rejectedWithoutWrites(() -> api.send("POST", "/api/v1/accounts", null, registration(),
                oneClient));
        assertRateLimited(refused, "at most 10 registrations per hour from one client address", "203.0.113.7");
        assertThat(api.send("POST", "/api/v1/accounts", null, registration(),
                Map.of("X-Forwarded-For", "203.0.113.8")).status()).as("another client still may").isEqualTo(201);
    }

    @Test
    void theThirtyFirstPostOfAnAccountWithinTheMinuteIsRefused() {
        Registered writer = TestAccounts.register(api, "prolific");
        for (int i = 0; i < 30; i++) {
            assertThat(api.post(writer.path() + "/posts", writer.token(), body("text", "post " + i)).status())
                    .isEqualTo(201);
        }
        Response refused = rejectedWithoutWrites(() -> api.post(writer.path() + "/posts", writer.token(),
                body("text", "one too many")));
        assertRateLimited(refused, "at most 30 posts per minute from one account", writer.id());
        Registered other = TestAccounts.register(api, "quiet");
        assertThat(api.post(other.path() + "/posts", other.token(), body("text", "mine")).status())
                .as("another account still may").isEqualTo(201);
    }

    @Test
    void theSixtyFirstDeliveryFromOneServerWithinTenSecondsIsRefused() {
        Registered target = TestAccounts.registerSharing(api, "popular");
        String note = api.post(target.path() + "/posts", target.token(), body("text", "like me")).text("url");
        try (RemoteActorServer remote = new RemoteActorServer()) {
            for (int i = 0; i < 60; i++) {
                HttpResponse<String> answer = remote.post(BASE_URL + "/inbox", like(remote, note), "kim");
                assertThat(answer.statusCode()).as(answer.body()).isIn(202, 404);
            }
            Response refused = rejectedWithoutWrites(() -> {
                HttpResponse<String> answer = remote.post(BASE_URL + "/inbox", like(remote, note), "kim");
                return new Response(answer.statusCode(), answer.headers().firstValue("Content-Type").orElse(""),
                        answer.body(), answer.headers().firstValue("Retry-After").orElse(null));
            });
            assertRateLimited(refused, "at most 60 activities per 10 seconds from one remote server", remote.host());
        }
    }

    private static String like(RemoteActorServer remote, String note) {
        return "{\"id\": \"" + remote.origin() + "/likes/" + UUID.randomUUID() + "\", \"type\": \"Like\", "
                + "\"actor\": \"" + remote.actor("kim") + "\", \"object\": \"" + note + "\"}";
    }

    private static Map<String, Object> registration() {
        return body("handle", "limited" + UUID.randomUUID().toString().substring(0, 8), "displayName", "Limited",
                "publicProfile", true, "country", "NZ", "birthDate", "1990-01-01");
    }

    private static void assertRateLimited(Response refused, String limit, String key) {
        assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("status").asInt()).isEqualTo(429);
        assertThat(refused.json().path("detail").asString()).contains(limit).contains("(" + key + ")");
        assertThat(Long.parseLong(refused.retryAfter())).as("Retry-After in seconds").isPositive();
    }
}
