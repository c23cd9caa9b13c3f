package dev.weft.api.crossposting;

import static dev.weft.api.support.WeftClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.api.support.PlatformFakes;
import dev.weft.api.support.TestAccounts;
import dev.weft.api.support.TestAccounts.Registered;
import dev.weft.api.support.WeftClient.Response;
import dev.weft.api.support.WeftIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Linking asks the platform who the credentials belong to before anything is stored:
 * refused credentials are a 422 naming what was wrong, and nothing is written.
 */
class LinkingIntegrationTest extends WeftIntegrationTest {

    @Test
    void eachPlatformVouchesForItsAccountAndItsAnswerIsStored() {
        LinkedAccounts una = new LinkedAccounts(api, "una");
        JsonNode mastodon = una.linkMastodon().json();
        JsonNode threads = una.linkThreads().json();
        JsonNode facebook = una.linkFacebook().json();
        JsonNode bluesky = una.linkBluesky().json();

        assertThat(mastodon.path("externalAccountId").asString()).isEqualTo(una.unique);
        assertThat(mastodon.path("remoteAccountId").asString()).isNotBlank();
        assertThat(threads.path("remoteAccountId").asString()).isEqualTo(una.threadsUserId());
        assertThat(threads.path("externalAccountId").asString()).isEqualTo(una.unique);
        assertThat(facebook.path("remoteName").asString()).isEqualTo("Page of " + una.unique);
        assertThat(bluesky.path("remoteAccountId").asString()).isEqualTo(una.blueskyDid());
        assertThat(bluesky.path("externalAccountId").asString()).isEqualTo(una.blueskyHandle());
        for (JsonNode link : java.util.List.of(mastodon, threads, facebook, bluesky)) {
            assertThat(link.path("state").asString()).isEqualTo("active");
            assertThat(link.path("overflow").asString()).isEqualTo("refuse");
        }
        String all = api.get(una.person.path() + "/links", una.person.token()).body();
        assertThat(all).doesNotContain(una.mastodonToken()).doesNotContain(una.threadsToken())
                .doesNotContain(una.pageToken()).doesNotContain("app-password-" + una.unique);
    }

    @Test
    void aTokenThePlatformRefusesIsA422AndStoresNothing() {
        Registered vic = TestAccounts.register(api, "vic");
        Response refused = rejectedWithoutWrites(() -> api.post(vic.path() + "/links", vic.token(), body(
                "platform", "mastodon", "instanceUrl", PlatformFakes.MASTODON.baseUrl(),
                "accessToken", "nobody-has-this-token")));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("field")).isEqualTo("accessToken");
        assertThat(refused.text("detail")).contains("Mastodon").contains("401");
        assertThat(refused.body()).doesNotContain("nobody-has-this-token");
        assertThat(credentials(vic)).isZero();
    }

    @Test
    void aWrongBlueskyAppPasswordIsA422OnTheAppPassword() {
        LinkedAccounts wyn = new LinkedAccounts(api, "wyn");
        PlatformFakes.BLUESKY.seedAccount(wyn.blueskyHandle(), wyn.blueskyDid(), "the-right-one");
        Response refused = rejectedWithoutWrites(() -> wyn.link(body("platform", "bluesky",
                "externalAccountId", wyn.blueskyHandle(), "appPassword", "a-wrong-one")));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("field")).isEqualTo("appPassword");
    }

    @Test
    void aFacebookPageTheTokenCannotUseIsA422OnThePageId() {
        LinkedAccounts xia = new LinkedAccounts(api, "xia");
        PlatformFakes.FACEBOOK.seedPage(xia.pageId(), "Xia's page", xia.pageToken());
        Response refused = rejectedWithoutWrites(() -> xia.link(body("platform", "facebook",
                "externalAccountId", "no-such-page", "accessToken", xia.pageToken())));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.text("field")).isEqualTo("externalAccountId");
    }

    @Test
    void aPlatformThatCannotBeReachedIsA502AndStoresNothing() {
        Registered yan = TestAccounts.register(api, "yan");
        Response unreachable = api.post(yan.path() + "/links", yan.token(), body("platform", "mastodon",
                "instanceUrl", "http://127.0.0.1:9", "accessToken", "whatever"));
        assertThat(unreachable.status()).isEqualTo(502);
        assertThat(unreachable.contentType()).startsWith("application/problem+json");
        assertThat(credentials(yan)).isZero();
    }

    @Test
    void whatIsMissingIsRefusedBeforeAnyPlatformIsAsked() {
        Registered zed = TestAccounts.register(api, "zed");
        assertProblem(api.post(zed.path() + "/links", zed.token(), body("platform", "bluesky",
                "externalAccountId", "zed.bsky.test")), 400, "appPassword");
        assertProblem(api.post(zed.path() + "/links", zed.token(), body("platform", "facebook",
                "accessToken", "t")), 400, "externalAccountId");
        assertProblem(api.post(zed.path() + "/links", zed.token(), body("platform", "threads")), 400, "accessToken");
        assertProblem(api.post(zed.path() + "/links", zed.token(), body("platform", "facebook",
                "externalAccountId", "1", "accessToken", "t", "overflow", "thread")), 400, "overflow");
        assertProblem(api.post(zed.path() + "/links", zed.token(), body("platform", "myspace",
                "accessToken", "t")), 400, "platform");
        assertThat(PlatformFakes.FACEBOOK.server().getAllServeEvents()).noneMatch(e ->
                e.getRequest().getUrl().contains("/1?"));
    }

    @Test
    void aLinksOverflowAndDefaultCanBeChanged() {
        LinkedAccounts ada = new LinkedAccounts(api, "ada");
        String linkId = ada.linked(ada.linkThreads());
        Response changed = api.patch(ada.person.path() + "/links/" + linkId, ada.person.token(),
                body("overflow", "thread", "crossPostByDefault", false));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.text("overflow")).isEqualTo("thread");
        assertThat(changed.json().path("crossPostByDefault").asBoolean()).isFalse();
        assertProblem(api.patch(ada.person.path() + "/links/" + linkId, ada.person.token(),
                body("overflow", "squeeze")), 400, "overflow");
    }

    private long credentials(Registered who) {
        return jdbc.queryForObject("SELECT count(*) FROM vault.link_credential WHERE account_id = ?", Long.class,
                who.id());
    }

    private static void assertProblem(Response response, int status, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("field")).isEqualTo(field);
    }
}
