package dev.weft.api.ledger;

import static dev.weft.api.support.WeftClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.api.support.PlatformFakes;
import dev.weft.api.support.TestAccounts;
import dev.weft.api.support.TestAccounts.Registered;
import dev.weft.api.support.WeftClient.Response;
import dev.weft.api.support.WeftIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The ledger's calls: a post's history, the flat exports, who may read, and the log of auditors' reads. */
class LedgerApiIntegrationTest extends WeftIntegrationTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private Registered alice;
    private String postId;
    private String linkId;

    @BeforeEach
    void aCrossPostedPost() {
        alice = TestAccounts.register(api, "ledgerapi");
        String unique = TestAccounts.uniqueHandle("t");
        PlatformFakes.MASTODON.seedAccount("la" + unique, "la-token-" + unique);
        linkId = api.post(alice.path() + "/links", alice.token(), body("platform", "mastodon", "instanceUrl",
                PlatformFakes.MASTODON.baseUrl(), "accessToken", "la-token-" + unique, "crossPostByDefault", true))
                .text("id");
        postId = api.post(alice.path() + "/posts", alice.token(), body("text", "ledgered")).text("id");
        await("the copy confirmed in the ledger", () -> api.get(alice.path() + "/holdings", alice.token()).json()
                .path("recipients").size() == 1);
    }

    @Test
    void aPostsHistoryTellsItsStoryInOrder() {
        JsonNode history = api.get("/api/v1/posts/" + postId + "/history", alice.token()).json();
        List<String> kinds = new ArrayList<>();
        history.path("entries").forEach(e -> kinds.add(e.path("kind").asString()));
        assertThat(kinds).containsSubsequence("post_published", "copy_scheduled", "disclosed");
        JsonNode disclosed = history.path("entries").get(kinds.indexOf("disclosed"));
        assertThat(disclosed.path("recipient").asString()).isEqualTo("mastodon:" + linkId);
        assertThat(disclosed.path("channel").asString()).isEqualTo("cross_post");
        assertThat(disclosed.path("remoteId").asString()).isNotBlank();
        assertThat(history.path("accountId").asString()).isEqualTo(alice.id());
    }

    @Test
    void holdingsExportAsJsonLinesAndCsv() {
        Response lines = api.get(alice.path() + "/holdings?format=jsonl", alice.token());
        assertThat(lines.contentType()).startsWith("application/jsonl");
        List<String> rows = lines.body().lines().toList();
        assertThat(rows).hasSize(1);
        JsonNode row = JSON.readTree(rows.get(0));
        assertThat(row.path("itemId").asString()).isEqualTo(postId);
        assertThat(row.path("recipient").asString()).isEqualTo("mastodon:" + linkId);
        assertThat(row.path("held").asBoolean()).isTrue();

        Response csv = api.get(alice.path() + "/holdings?format=csv", alice.token());
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> csvRows = csv.body().lines().toList();
        assertThat(csvRows.get(0)).startsWith("\"asOf\",\"accountId\",\"recipientKind\",\"recipient\"");
        assertThat(csvRows).hasSize(2);
        assertThat(csvRows.get(1)).contains("\"" + postId + "\"", "\"mastodon:" + linkId + "\"", "\"true\"");
    }

    @Test
    void badQuestionsAreProblemsNamingTheParameter() {
        assertProblem(api.get(alice.path() + "/holdings?format=xml", alice.token()), 400, "format");
        assertProblem(api.get(alice.path() + "/holdings?asOf=yesterday", alice.token()), 400, "asOf");
        assertProblem(api.get("/api/v1/posts/no-such-post/history", alice.token()), 404, "postId");
        Registered mallory = TestAccounts.register(api, "mallory");
        assertThat(api.get("/api/v1/posts/" + postId + "/history", mallory.token()).status()).isEqualTo(403);
        assertThat(api.get(alice.path() + "/holdings", mallory.token()).status()).isEqualTo(403);
    }

    @Test
    void everyAuditorReadIsLoggedAndTheAccountSeesIt() {
        api.get(alice.path() + "/holdings", alice.token());
        assertThat(api.get(alice.path() + "/auditor-reads", alice.token()).json()).isEmpty();

        assertThat(api.get(alice.path() + "/holdings?asOf=2026-01-01T00:00:00Z", AUDITOR_TOKEN).status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/posts/" + postId + "/history", OPERATOR_TOKEN).status()).isEqualTo(200);

        api.get(alice.path() + "/audit", AUDITOR_TOKEN);

        JsonNode reads = api.get(alice.path() + "/auditor-reads", alice.token()).json();
        List<String> logged = new ArrayList<>();
        reads.forEach(r -> logged.add(r.path("reader").asString() + " " + r.path("question").asString()));
        assertThat(logged).as("newest first").containsExactly(
                "auditor GET " + alice.path() + "/audit",
                "operator GET /api/v1/posts/" + postId + "/history",
                "auditor GET " + alice.path() + "/holdings?asOf=2026-01-01T00:00:00Z");
    }

    @Test
    void holdingsBeforeAnythingWasSharedAreEmpty() {
        JsonNode before = api.get(alice.path() + "/holdings?asOf=2026-01-01T00:00:00Z", alice.token()).json();
        assertThat(before.path("recipients")).isEmpty();
        assertThat(before.path("factsRead").asInt()).isZero();
        assertThat(api.get(alice.path() + "/deletion-requests/as-of", alice.token()).json().path("items")).isEmpty();
    }

    private static void assertProblem(Response response, int status, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("field")).as(response.toString()).isEqualTo(field);
    }
}
