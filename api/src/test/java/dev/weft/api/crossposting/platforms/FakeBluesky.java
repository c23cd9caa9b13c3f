package dev.weft.api.crossposting.platforms;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/*
 * A local Bluesky PDS for the cross-posting tests, written from atproto's published
 * specifications and lexicons and, where they are silent, from the reference PDS
 * (bluesky-social/atproto, packages/pds and packages/xrpc-server), independently of Weft's
 * connector.
 *
 * Sources followed:
 * - atproto.com/specs/xrpc: /xrpc/{nsid} paths; errors as {"error", "message"}; 400 invalid
 *   request, 401 authentication required (with WWW-Authenticate), 429 with Retry-After;
 *   legacy Bearer auth with an access JWT from createSession and a refresh JWT sent to
 *   refreshSession; clients treat tokens as opaque.
 * - Lexicons com.atproto.server.createSession ({identifier, password} -> {accessJwt,
 *   refreshJwt, handle, did, active}), refreshSession, com.atproto.repo.createRecord ({repo,
 *   collection, rkey?, record} -> {uri, cid, commit, validationStatus}; its only documented
 *   error is InvalidSwap), getRecord (-> {uri, cid, value}; error RecordNotFound),
 *   deleteRecord.
 * - Lexicons app.bsky.feed.post (record key "tid"; text at most 3000 bytes and 300 graphemes;
 *   createdAt a datetime; langs at most 3; facets; reply {root, parent} strong refs) and
 *   app.bsky.richtext.facet (byteSlice in UTF-8 bytes, end exclusive; #mention did, #link uri,
 *   #tag tag at most 640 bytes and 64 graphemes).
 * - atproto.com/specs/tid and specs/record-key for record key syntax; specs/at-uri-scheme for
 *   at://{did}/app.bsky.feed.post/{rkey}.
 * - The reference PDS: an expired access or refresh token is 400 ExpiredToken "Token has
 *   expired"; a token it cannot verify or of the wrong kind is 400 InvalidToken; no token is
 *   401 AuthMissing; a bad password is 401 AuthenticationRequired "Invalid identifier or
 *   password"; a revoked refresh token is 400 ExpiredToken "Token has been revoked"; a used
 *   refresh token still answers, with the same successor, for a grace period; access tokens
 *   live 120 minutes, refresh tokens 90 days; a missing record is 400 RecordNotFound "Could not
 *   locate record: {uri}"; deleting a record that is not there succeeds and does nothing; the
 *   429 carries RateLimit-Limit, -Remaining, -Reset (epoch seconds) and -Policy.
 *
 * A record key that already exists: the lexicon documents no error for it, and the reference
 * PDS fails deep in its repository (MST add, "There is already a value at key") and answers a
 * plain 500 InternalServerError "Internal Server Error". The fake answers the same: a
 * connector cannot tell it from an outage, so it must look the key up with getRecord before
 * it creates again.
 *
 * Stricter than the reference PDS, said so where refused: facets must lie within the text's
 * bytes and on character boundaries, and reply refs must name posts stored here with their
 * CIDs. The reference PDS stores such records and the AppView later drops or mis-renders them;
 * refusing them makes a test see the mistake.
 *
 * Assumed: revoking an app password leaves access tokens already issued working until they
 * expire, as stateless JWTs do; CIDs are shaped as atproto's but hashed over JSON rather than
 * DAG-CBOR; validation messages follow the reference PDS's wording only approximately.
 */

/**
 * A Bluesky PDS on a loopback port. Seed accounts with an app password, point a link's PDS at
 * {@link #baseUrl()}, then inspect the posts stored.
 */
public final class FakeBluesky extends FakePlatform<FakeBluesky> {
    private static final String FACET_FEATURE = "app.bsky.richtext.facet#";
    private static final Map<String, String> FEATURE_VALUES = Map.of("link", "uri", "tag", "tag", "mention", "did");

    private final BlueskyPds pds;

    public FakeBluesky() {
        this(Clock.systemUTC());
    }

    public FakeBluesky(Clock clock) {
        this(new BlueskyPds("did:web:pds.bluesky.example", clock));
    }

    private FakeBluesky(BlueskyPds pds) {
        super("fake-bluesky", new BlueskyXrpcApi(pds));
        this.pds = pds;
    }

    public BlueskyAccount seedAccount(String handle, String did, String appPassword) {
        return pds.seed(handle, did, appPassword);
    }

    /** Every access token issued to the account answers ExpiredToken from now on; refreshing still works. */
    public void expireAccessTokens(String did) {
        pds.expireAccessTokens(did);
    }

    /** The app password no longer logs in and the account's refresh tokens answer "Token has been revoked". */
    public void revokeAppPassword(String did) {
        pds.revokeAppPassword(did);
    }

    /** The app.bsky.feed.post records that exist now, in the order they were created. */
    public List<BlueskyPost> posts() {
        return pds.stored().stream().filter(stored -> stored.collection().equals(BlueskyPds.POST))
                .map(FakeBluesky::post).toList();
    }

    public int postCount() {
        return posts().size();
    }

    public Optional<BlueskyPost> post(String uri) {
        return posts().stream().filter(post -> post.uri().equals(uri)).findFirst();
    }

    public List<BlueskyPost> deletedPosts() {
        return pds.deleted().stream().filter(stored -> stored.collection().equals(BlueskyPds.POST))
                .map(FakeBluesky::post).toList();
    }

    public static RequestPatternBuilder creatingSessions() {
        return calls(BlueskyXrpcApi.CREATE_SESSION);
    }

    public static RequestPatternBuilder refreshingSessions() {
        return calls(BlueskyXrpcApi.REFRESH_SESSION);
    }

    public static RequestPatternBuilder creatingRecords() {
        return calls(BlueskyXrpcApi.CREATE_RECORD);
    }

    public static RequestPatternBuilder gettingRecords() {
        return calls(BlueskyXrpcApi.GET_RECORD);
    }

    public static RequestPatternBuilder deletingRecords() {
        return calls(BlueskyXrpcApi.DELETE_RECORD);
    }

    private static RequestPatternBuilder calls(String nsid) {
        return anyRequestedFor(urlPathEqualTo("/xrpc/" + nsid));
    }

    private static BlueskyPost post(BlueskyPds.Stored stored) {
        JsonNode value = stored.value();
        List<String> langs = new ArrayList<>();
        value.path("langs").values().forEach(lang -> langs.add(lang.asString()));
        return new BlueskyPost(stored.uri(), stored.cid(), stored.did(), stored.rkey(), value.path("text").asString(),
                value.path("createdAt").asString(), langs, facets(value.path("facets")),
                value.path("reply").path("root").path("uri").asString(null),
                value.path("reply").path("parent").path("uri").asString(null), value);
    }

    private static List<BlueskyFacet> facets(JsonNode facets) {
        List<BlueskyFacet> flattened = new ArrayList<>();
        for (JsonNode facet : facets.values()) {
            int start = facet.path("index").path("byteStart").intValue();
            int end = facet.path("index").path("byteEnd").intValue();
            for (JsonNode feature : facet.path("features").values()) {
                String kind = feature.path("$type").asString("").replace(FACET_FEATURE, "");
                Optional.ofNullable(FEATURE_VALUES.get(kind))
                        .map(field -> new BlueskyFacet(start, end, kind, feature.path(field).asString(null)))
                        .ifPresent(flattened::add);
            }
        }
        return flattened;
    }
}
