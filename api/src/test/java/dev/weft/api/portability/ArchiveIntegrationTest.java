package dev.weft.api.portability;

import static dev.weft.api.support.WeftClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.api.federation.inbox.RemoteActorServer;
import dev.weft.api.support.TestAccounts;
import dev.weft.api.support.TestAccounts.Registered;
import dev.weft.api.support.WeftIntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The archive a person takes elsewhere, opened and read file by file. */
class ArchiveIntegrationTest extends WeftIntegrationTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static RemoteActorServer remote;

    @BeforeAll
    static void startRemote() {
        remote = new RemoteActorServer();
    }

    @AfterAll
    static void stopRemote() {
        remote.close();
    }

    @Test
    void theArchiveHoldsTheActorPostsFollowsLikesAndLedger() throws Exception {
        Registered alice = TestAccounts.registerSharing(api, "archived");
        String aliceActor = BASE_URL + "/users/" + alice.handle();
        String fred = "fred-" + UUID.randomUUID();
        String gina = "gina-" + UUID.randomUUID();
        send(activity("Follow", fred, aliceActor), fred);
        await("fred follows alice", () -> api.get(alice.path() + "/followers", alice.token()).json().path("count")
                .asLong() == 1);
        assertThat(api.post(alice.path() + "/following", alice.token(), body("actorId", remote.actor(gina)))
                .status()).isBetween(200, 299);
        String kept = api.post(alice.path() + "/posts", alice.token(), body("text", "kept in the archive")).text("id");
        String gone = api.post(alice.path() + "/posts", alice.token(), body("text", "deleted before export"))
                .text("id");
        String keptNote = BASE_URL + "/posts/" + kept;
        await("the post reached fred", () -> remote.delivered().stream().anyMatch(b -> b.contains(keptNote)));
        send(activity("Like", fred, keptNote), fred);
        await("fred's like", () -> api.get("/api/v1/posts/" + kept + "/status", alice.token()).json()
                .at("/likes/count").asLong() == 1);
        assertThat(api.delete("/api/v1/posts/" + gone, alice.token()).status()).isBetween(200, 299);
        await("the deletion is read", () -> api.get("/api/v1/posts/" + gone, alice.token()).status() != 200);
        await("the ledger holds the kept post's disclosure to fred's server", () -> api.get(alice.path()
                + "/holdings", alice.token()).body().contains(kept));

        HttpResponse<byte[]> response = export(alice, alice.token());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/zip");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment")
                .contains(alice.handle());
        Map<String, String> files = unzip(response.body());
        assertThat(files).containsOnlyKeys("actor.json", "outbox.json", "followers.csv", "following.csv",
                "likes_received.json", "holdings.json", "ledger.jsonl");

        JsonNode actor = JSON.readTree(files.get("actor.json"));
        assertThat(actor.path("id").asString()).isEqualTo(aliceActor);
        assertThat(actor.path("type").asString()).isEqualTo("Person");
        assertThat(actor.at("/publicKey/publicKeyPem").asString()).startsWith("-----BEGIN PUBLIC KEY-----");

        JsonNode outbox = JSON.readTree(files.get("outbox.json"));
        assertThat(outbox.path("type").asString()).isEqualTo("OrderedCollection");
        List<String> texts = new ArrayList<>();
        outbox.path("orderedItems").forEach(item -> {
            assertThat(item.path("type").asString()).isEqualTo("Create");
            assertThat(item.path("actor").asString()).isEqualTo(aliceActor);
            texts.add(item.at("/object/content").asString());
        });
        assertThat(texts).containsExactly("<p>kept in the archive</p>");
        assertThat(outbox.path("totalItems").asInt()).isEqualTo(1);
        assertThat(files.get("outbox.json")).doesNotContain(gone);

        String host = "127.0.0.1:" + URI.create(remote.origin()).getPort();
        assertThat(files.get("followers.csv").lines().toList())
                .containsExactly("Account address", fred + "@" + host);
        assertThat(files.get("following.csv").lines().toList())
                .containsExactly("Account address,Show boosts,Notify on new posts,Languages",
                        gina + "@" + host + ",true,false,");

        JsonNode likes = JSON.readTree(files.get("likes_received.json"));
        assertThat(likes.path(kept).get(0).asString()).isEqualTo(remote.actor(fred));
        assertThat(likes.has(gone)).isFalse();

        JsonNode holdings = JSON.readTree(files.get("holdings.json"));
        assertThat(holdings.path("accountId").asString()).isEqualTo(alice.id());
        assertThat(holdings.path("recipients").size()).isPositive();
        List<String> ledger = files.get("ledger.jsonl").lines().toList();
        assertThat(ledger).isNotEmpty();
        assertThat(ledger).allSatisfy(line -> assertThat(JSON.readTree(line).path("accountId").asString())
                .isEqualTo(alice.id()));
        assertThat(ledger).anySatisfy(line -> assertThat(JSON.readTree(line).path("itemId").asString())
                .isEqualTo(kept));
    }

    @Test
    void onlyTheAccountItselfMayTakeItsArchive() throws Exception {
        Registered alice = TestAccounts.register(api, "archived");
        Registered mallory = TestAccounts.register(api, "mallory");

        assertThat(export(alice, mallory.token()).statusCode()).isEqualTo(403);
        assertThat(export(alice, AUDITOR_TOKEN).statusCode()).isEqualTo(403);
        assertThat(export(alice, OPERATOR_TOKEN).statusCode()).isEqualTo(403);
        assertThat(export(alice, alice.token()).statusCode()).isEqualTo(200);
    }

    /** A deleted account's token is dropped with it, so its export is refused as unauthenticated. */
    @Test
    void aDeletedAccountHasNoArchive() throws Exception {
        Registered alice = TestAccounts.register(api, "archived");
        assertThat(api.delete(alice.path(), alice.token()).status()).isBetween(200, 299);

        assertThat(export(alice, alice.token()).statusCode()).isEqualTo(401);
    }

    private static String activity(String type, String actorName, String object) {
        return "{\"id\": \"" + remote.origin() + "/activities/" + UUID.randomUUID() + "\", \"type\": \"" + type
                + "\", \"actor\": \"" + remote.actor(actorName) + "\", \"object\": \"" + object + "\"}";
    }

    private static void send(String activity, String actorName) {
        var answer = remote.post(BASE_URL + "/inbox", activity, actorName);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
    }

    private static HttpResponse<byte[]> export(Registered account, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(BASE_URL + account.path() + "/export"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Map<String, String> unzip(byte[] bytes) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                files.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
