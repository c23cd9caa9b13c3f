package dev.weft.api.crossposting.platforms;

import static dev.weft.api.crossposting.platforms.Http.bearer;
import static dev.weft.api.crossposting.platforms.SelfTestKit.awaitCount;
import static dev.weft.api.crossposting.platforms.SelfTestKit.concurrently;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.api.crossposting.platforms.Http.Reply;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class FakeBlueskyTest {
    private static final String DID = "did:plc:alice0000000000000000000";
    private static final String HANDLE = "alice.bsky.example";
    private static final String APP_PASSWORD = "abcd-efgh-ijkl-mnop";
    private static final String POST = "app.bsky.feed.post";
    private static final String RKEY = "3lbqtz7ukqk2a";

    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private FakeBluesky bluesky;

    @BeforeEach
    void startPds() {
        bluesky = new FakeBluesky(clock).start();
        bluesky.seedAccount(HANDLE, DID, APP_PASSWORD);
    }

    @AfterEach
    void stopPds() {
        bluesky.stop();
    }

    @Test
    void anAppPasswordLogsInByHandleOrDidAndAnswersJwtShapedTokens() {
        Reply byHandle = createSession("Alice.Bsky.Example", APP_PASSWORD);
        Reply byDid = createSession(DID, APP_PASSWORD);

        assertThat(byHandle.status()).isEqualTo(200);
        assertThat(byHandle.json().get("did").stringValue()).isEqualTo(DID);
        assertThat(byHandle.json().get("handle").stringValue()).isEqualTo(HANDLE);
        assertThat(byDid.status()).isEqualTo(200);
        String accessJwt = byHandle.json().get("accessJwt").stringValue();
        JsonNode payload = Json.parse(new String(Base64.getUrlDecoder().decode(accessJwt.split("\\.")[1]),
                StandardCharsets.UTF_8));
        assertThat(accessJwt.split("\\.")).hasSize(3);
        assertThat(payload.get("sub").stringValue()).isEqualTo(DID);
        assertThat(payload.get("exp").longValue()).isEqualTo(clock.instant().plus(Duration.ofMinutes(120)).getEpochSecond());
        assertThat(byHandle.json().get("refreshJwt").stringValue()).isNotEqualTo(accessJwt);
    }

    @Test
    void aWrongPasswordOrAMissingFieldIsRefused() {
        Reply wrong = createSession(HANDLE, "wrong-pass-word-here");
        Reply missing = Http.postJson(xrpc("com.atproto.server.createSession"), Json.object().put("identifier", HANDLE));

        assertThat(xrpcError(wrong, 401, "AuthenticationRequired")).isEqualTo("Invalid identifier or password");
        assertThat(wrong.header("WWW-Authenticate")).isNotNull();
        xrpcError(missing, 400, "InvalidRequest");
    }

    @Test
    void aPostIsStoredAtItsRecordKeyWithACid() {
        String access = login();

        Reply created = createRecord(access, RKEY, post("Hello Bluesky").set("langs", Json.array().add("en")));
        Reply read = Http.get(xrpc("com.atproto.repo.getRecord") + "?repo=" + HANDLE + "&collection=" + POST
                + "&rkey=" + RKEY);

        String uri = "at://" + DID + "/" + POST + "/" + RKEY;
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.json().get("uri").stringValue()).isEqualTo(uri);
        assertThat(created.json().get("cid").stringValue()).startsWith("bafyrei").hasSize(59);
        assertThat(created.json().get("validationStatus").stringValue()).isEqualTo("valid");
        assertThat(read.json().get("cid").stringValue()).isEqualTo(created.json().get("cid").stringValue());
        assertThat(read.json().get("value").get("$type").stringValue()).isEqualTo(POST);
        assertThat(bluesky.post(uri)).hasValueSatisfying(post -> {
            assertThat(post.text()).isEqualTo("Hello Bluesky");
            assertThat(post.rkey()).isEqualTo(RKEY);
            assertThat(post.langs()).containsExactly("en");
            assertThat(post.createdAt()).isEqualTo("2026-03-01T10:00:00.000Z");
            assertThat(post.replyParentUri()).isNull();
        });
    }

    @Test
    void withoutARecordKeyThePdsChoosesATid() {
        Reply created = createRecord(login(), null, post("no key"));

        String rkey = created.json().get("uri").stringValue().substring(("at://" + DID + "/" + POST + "/").length());
        assertThat(rkey).matches("[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}");
    }

    @Test
    void aRecordKeyThatExistsIsRefusedAsTheReferencePdsDoesAndTheFirstPostStays() {
        String access = login();
        String firstCid = createRecord(access, RKEY, post("first")).json().get("cid").stringValue();

        Reply again = createRecord(access, RKEY, post("second"));
        Reply lookedUp = Http.get(xrpc("com.atproto.repo.getRecord") + "?repo=" + DID + "&collection=" + POST
                + "&rkey=" + RKEY);

        assertThat(xrpcError(again, 500, "InternalServerError")).isEqualTo("Internal Server Error");
        assertThat(lookedUp.json().get("cid").stringValue()).isEqualTo(firstCid);
        assertThat(bluesky.posts()).extracting(BlueskyPost::text).containsExactly("first");
    }

    @Test
    void concurrentCreatesOfOneRecordKeyStoreOnePost() throws Exception {
        String access = login();
        List<Integer> statuses = concurrently(12, i -> createRecord(access, RKEY, post("raced")).status());

        assertThat(statuses).containsOnlyOnce(200).containsOnly(200, 500);
        assertThat(bluesky.postCount()).isEqualTo(1);
    }

    @Test
    void aPostsRecordKeyMustBeATid() {
        assertThat(xrpcError(createRecord(login(), "my-post", post("keyed")), 400, "InvalidRequest")).contains("TID");
        assertThat(bluesky.postCount()).isZero();
    }

    @Test
    void textIsLimitedTo300GraphemesAnd3000Bytes() {
        String access = login();
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";

        assertThat(createRecord(access, null, post("é".repeat(300))).status()).isEqualTo(200);
        assertThat(xrpcError(createRecord(access, null, post("é".repeat(301))), 400, "InvalidRequest"))
                .contains("grapheme too big (maximum 300, got 301)");
        assertThat(createRecord(access, null, post(family.repeat(166))).status()).isEqualTo(200);
        assertThat(xrpcError(createRecord(access, null, post(family.repeat(167))), 400, "InvalidRequest"))
                .contains("string too big (maximum 3000, got 3006)");
        assertThat(bluesky.postCount()).isEqualTo(2);
    }

    @Test
    void facetsInUtf8BytesAreStoredAsGiven() {
        String text = "Café news #weft https://weft.example/p/1";
        int tagStart = utf8Length("Café news ");
        int linkStart = utf8Length("Café news #weft ");
        ObjectNode record = post(text);
        record.putArray("facets").add(facet(tagStart, tagStart + 5, "tag", "tag", "weft"))
                .add(facet(linkStart, utf8Length(text), "link", "uri", "https://weft.example/p/1"));

        Reply created = createRecord(login(), RKEY, record);

        assertThat(created.status()).isEqualTo(200);
        assertThat(bluesky.posts().get(0).facets()).containsExactly(
                new BlueskyFacet(11, 16, "tag", "weft"),
                new BlueskyFacet(17, 41, "link", "https://weft.example/p/1"));
    }

    @Test
    void facetsOutsideTheTextInsideACharacterOrWithABadUriAreRefused() {
        String access = login();
        String text = "Café";

        assertThat(xrpcError(createRecord(access, null, withFacet(text, facet(0, 6, "link", "uri", "https://a.example"))),
                400, "InvalidRequest")).contains("outside the text's 5 bytes");
        assertThat(xrpcError(createRecord(access, null, withFacet(text, facet(0, 4, "link", "uri", "https://a.example"))),
                400, "InvalidRequest")).contains("inside a UTF-8 character");
        assertThat(xrpcError(createRecord(access, null, withFacet(text, facet(0, 3, "link", "uri", "not a uri"))),
                400, "InvalidRequest")).contains("Invalid uri format");
        assertThat(bluesky.postCount()).isZero();
    }

    @Test
    void aReplyMustNameStoredPostsWithTheirCids() {
        String access = login();
        Reply root = createRecord(access, RKEY, post("root"));
        String rootUri = root.json().get("uri").stringValue();
        String rootCid = root.json().get("cid").stringValue();

        Reply reply = createRecord(access, null, replyTo(post("reply"), rootUri, rootCid));
        Reply toNothing = createRecord(access, null, replyTo(post("reply"), "at://" + DID + "/" + POST + "/3lbqtzzzzzzzz",
                rootCid));
        Reply wrongCid = createRecord(access, null, replyTo(post("reply"), rootUri, "bafyreiwrong"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(bluesky.post(reply.json().get("uri").stringValue())).hasValueSatisfying(post -> {
            assertThat(post.replyRootUri()).isEqualTo(rootUri);
            assertThat(post.replyParentUri()).isEqualTo(rootUri);
        });
        assertThat(xrpcError(toNothing, 400, "InvalidRequest")).contains("no post is stored at");
        assertThat(xrpcError(wrongCid, 400, "InvalidRequest")).contains("not bafyreiwrong");
        assertThat(bluesky.postCount()).isEqualTo(2);
    }

    @Test
    void createdAtAndLangsFollowTheLexicon() {
        String access = login();
        ObjectNode noCreatedAt = Json.object().put("$type", POST).put("text", "when?");
        ObjectNode badCreatedAt = post("when?").put("createdAt", "yesterday");
        ObjectNode fourLangs = post("polyglot");
        fourLangs.putArray("langs").add("en").add("de").add("fr").add("es");

        assertThat(xrpcError(createRecord(access, null, noCreatedAt), 400, "InvalidRequest")).contains("createdAt");
        assertThat(xrpcError(createRecord(access, null, badCreatedAt), 400, "InvalidRequest")).contains("datetime");
        assertThat(xrpcError(createRecord(access, null, fourLangs), 400, "InvalidRequest")).contains("maximum 3");
        assertThat(xrpcError(createRecord(access, null, post("x").put("$type", "app.bsky.feed.like")), 400,
                "InvalidRequest")).contains("Invalid $type");
    }

    @Test
    void tokensAreRefusedAsTheReferencePdsRefusesThem() {
        String refreshJwt = createSession(HANDLE, APP_PASSWORD).json().get("refreshJwt").stringValue();

        assertThat(xrpcError(createRecord(null, null, post("x")), 401, "AuthMissing")).isEqualTo("Authentication Required");
        assertThat(xrpcError(createRecord("garbage", null, post("x")), 400, "InvalidToken"))
                .isEqualTo("Token could not be verified");
        assertThat(xrpcError(createRecord(refreshJwt, null, post("x")), 400, "InvalidToken")).isEqualTo("Invalid token type");
        assertThat(bluesky.postCount()).isZero();
    }

    @Test
    void anExpiredAccessTokenIsRefreshedWithTheRefreshToken() {
        JsonNode session = createSession(HANDLE, APP_PASSWORD).json();
        bluesky.expireAccessTokens(DID);

        Reply expired = createRecord(session.get("accessJwt").stringValue(), null, post("x"));
        Reply refreshed = refresh(session.get("refreshJwt").stringValue());
        Reply withNewToken = createRecord(refreshed.json().get("accessJwt").stringValue(), null, post("x"));

        assertThat(xrpcError(expired, 400, "ExpiredToken")).isEqualTo("Token has expired");
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.json().get("did").stringValue()).isEqualTo(DID);
        assertThat(withNewToken.status()).isEqualTo(200);
        bluesky.verify(1, FakeBluesky.refreshingSessions());
    }

    @Test
    void accessTokensLastTwoHoursAndRefreshTokensNinetyDays() {
        JsonNode session = createSession(HANDLE, APP_PASSWORD).json();
        clock.advance(Duration.ofMinutes(120));
        Reply afterTwoHours = createRecord(session.get("accessJwt").stringValue(), null, post("x"));
        clock.advance(Duration.ofDays(90));
        Reply afterNinetyDays = refresh(session.get("refreshJwt").stringValue());

        assertThat(xrpcError(afterTwoHours, 400, "ExpiredToken")).isEqualTo("Token has expired");
        assertThat(xrpcError(afterNinetyDays, 400, "ExpiredToken")).isEqualTo("Token has expired");
    }

    @Test
    void aUsedRefreshTokenAnswersTheSameSuccessorAndARefreshedAccessTokenIsNew() {
        String refreshJwt = createSession(HANDLE, APP_PASSWORD).json().get("refreshJwt").stringValue();

        JsonNode first = refresh(refreshJwt).json();
        JsonNode retried = refresh(refreshJwt).json();

        assertThat(retried.get("refreshJwt").stringValue()).isEqualTo(first.get("refreshJwt").stringValue());
        assertThat(retried.get("accessJwt").stringValue()).isNotEqualTo(first.get("accessJwt").stringValue());
        assertThat(refresh(first.get("refreshJwt").stringValue()).status()).isEqualTo(200);
        assertThat(xrpcError(refresh(first.get("accessJwt").stringValue()), 400, "InvalidToken"))
                .isEqualTo("Invalid token type");
    }

    @Test
    void aRevokedAppPasswordNoLongerLogsInOrRefreshes() {
        String refreshJwt = createSession(HANDLE, APP_PASSWORD).json().get("refreshJwt").stringValue();
        bluesky.revokeAppPassword(DID);

        assertThat(xrpcError(createSession(HANDLE, APP_PASSWORD), 401, "AuthenticationRequired"))
                .isEqualTo("Invalid identifier or password");
        assertThat(xrpcError(refresh(refreshJwt), 400, "ExpiredToken")).isEqualTo("Token has been revoked");
        bluesky.verify(2, FakeBluesky.creatingSessions());
    }

    @Test
    void anotherAccountsRepoIsNotWritable() {
        bluesky.seedAccount("bob.bsky.example", "did:plc:bob", "bbbb-bbbb-bbbb-bbbb");
        String bobsAccess = createSession("bob.bsky.example", "bbbb-bbbb-bbbb-bbbb").json().get("accessJwt").stringValue();

        Reply intrusion = Http.postJson(xrpc("com.atproto.repo.createRecord"),
                Json.object().put("repo", DID).put("collection", POST).set("record", post("as alice")),
                "Authorization", bearer(bobsAccess));

        xrpcError(intrusion, 401, "AuthenticationRequired");
        assertThat(bluesky.postCount()).isZero();
    }

    @Test
    void aMissingRecordIsRecordNotFound() {
        Reply missing = Http.get(xrpc("com.atproto.repo.getRecord") + "?repo=" + DID + "&collection=" + POST + "&rkey="
                + RKEY);

        assertThat(xrpcError(missing, 400, "RecordNotFound"))
                .isEqualTo("Could not locate record: at://" + DID + "/" + POST + "/" + RKEY);
        bluesky.verify(1, FakeBluesky.gettingRecords());
    }

    @Test
    void deletingRemovesThePostAndDeletingAgainSucceedsDoingNothing() {
        String access = login();
        createRecord(access, RKEY, post("brief"));
        ObjectNode delete = Json.object().put("repo", DID).put("collection", POST).put("rkey", RKEY);

        Reply deleted = Http.postJson(xrpc("com.atproto.repo.deleteRecord"), delete, "Authorization", bearer(access));
        Reply again = Http.postJson(xrpc("com.atproto.repo.deleteRecord"), delete, "Authorization", bearer(access));

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("commit").get("rev").stringValue()).isNotBlank();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().has("commit")).isFalse();
        assertThat(bluesky.posts()).isEmpty();
        assertThat(bluesky.deletedPosts()).extracting(BlueskyPost::rkey).containsExactly(RKEY);
        bluesky.verify(2, FakeBluesky.deletingRecords());
    }

    @Test
    void plannedFailuresAreAnsweredWithoutStoring() {
        String access = login();
        bluesky.failNext(1, FakeBluesky.creatingRecords(), Failure.serverError());
        bluesky.failNext(1, FakeBluesky.creatingRecords(), Failure.rateLimited(Duration.ofSeconds(45)));

        Reply serverError = createRecord(access, RKEY, post("x"));
        Reply rateLimited = createRecord(access, RKEY, post("x"));

        assertThat(xrpcError(serverError, 500, "InternalServerError")).isEqualTo("Internal Server Error");
        assertThat(xrpcError(rateLimited, 429, "RateLimitExceeded")).isEqualTo("Rate Limit Exceeded");
        assertThat(rateLimited.header("Retry-After")).isEqualTo("45");
        assertThat(rateLimited.header("RateLimit-Remaining")).isEqualTo("0");
        assertThat(rateLimited.header("RateLimit-Reset"))
                .isEqualTo(Long.toString(clock.instant().plusSeconds(45).getEpochSecond()));
        assertThat(bluesky.postCount()).isZero();
        assertThat(createRecord(access, RKEY, post("x")).status()).isEqualTo(200);
    }

    @Test
    void aDelayedCreateStillStoresSoARetryOfTheKeyFailsAndTheLookupFindsIt() {
        String access = login();
        bluesky.delayNext(1, FakeBluesky.creatingRecords(), Duration.ofSeconds(2));
        ObjectNode body = Json.object().put("repo", DID).put("collection", POST).put("rkey", RKEY);
        body.set("record", post("slow"));

        Http.postJsonTimingOut(xrpc("com.atproto.repo.createRecord"), body, Duration.ofMillis(300),
                "Authorization", bearer(access));
        awaitCount(bluesky::postCount, 1);
        Reply retry = createRecord(access, RKEY, post("slow"));
        Reply lookup = Http.get(xrpc("com.atproto.repo.getRecord") + "?repo=" + DID + "&collection=" + POST + "&rkey="
                + RKEY);

        xrpcError(retry, 500, "InternalServerError");
        assertThat(lookup.json().get("value").get("text").stringValue()).isEqualTo("slow");
        assertThat(bluesky.postCount()).isEqualTo(1);
    }

    @Test
    void unknownMethodsAreNotImplementedAndKnownOnesWantTheirHttpMethod() {
        xrpcError(Http.get(xrpc("app.bsky.feed.getTimeline")), 501, "MethodNotImplemented");
        xrpcError(Http.get(xrpc("com.atproto.repo.createRecord")), 400, "InvalidRequest");
    }

    private String login() {
        return createSession(HANDLE, APP_PASSWORD).json().get("accessJwt").stringValue();
    }

    private Reply createSession(String identifier, String password) {
        return Http.postJson(xrpc("com.atproto.server.createSession"),
                Json.object().put("identifier", identifier).put("password", password));
    }

    private Reply refresh(String refreshJwt) {
        return Http.postJson(xrpc("com.atproto.server.refreshSession"), Json.object(), "Authorization", bearer(refreshJwt));
    }

    private Reply createRecord(String accessJwt, String rkey, ObjectNode record) {
        ObjectNode body = Json.object().put("repo", DID).put("collection", POST);
        if (rkey != null) {
            body.put("rkey", rkey);
        }
        body.set("record", record);
        return accessJwt == null ? Http.postJson(xrpc("com.atproto.repo.createRecord"), body)
                : Http.postJson(xrpc("com.atproto.repo.createRecord"), body, "Authorization", bearer(accessJwt));
    }

    private String xrpc(String nsid) {
        return bluesky.baseUrl() + "/xrpc/" + nsid;
    }

    private static ObjectNode post(String text) {
        return Json.object().put("$type", POST).put("text", text).put("createdAt", "2026-03-01T10:00:00.000Z");
    }

    private static ObjectNode withFacet(String text, ObjectNode facet) {
        ObjectNode record = post(text);
        record.putArray("facets").add(facet);
        return record;
    }

    private static ObjectNode replyTo(ObjectNode record, String uri, String cid) {
        ObjectNode reply = record.putObject("reply");
        reply.putObject("root").put("uri", uri).put("cid", cid);
        reply.putObject("parent").put("uri", uri).put("cid", cid);
        return record;
    }

    private static ObjectNode facet(int byteStart, int byteEnd, String feature, String field, String value) {
        ObjectNode facet = Json.object();
        facet.putObject("index").put("byteStart", byteStart).put("byteEnd", byteEnd);
        facet.putArray("features").addObject().put("$type", "app.bsky.richtext.facet#" + feature).put(field, value);
        return facet;
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String xrpcError(Reply reply, int status, String error) {
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.json().get("error").stringValue()).isEqualTo(error);
        return reply.json().get("message").stringValue();
    }
}
