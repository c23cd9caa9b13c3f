package dev.weft.api.crossposting.platforms;

import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/*
 * A local Mastodon instance for the cross-posting tests, written from Mastodon's published
 * documentation and, where that is silent, from Mastodon's own source, independently of
 * Weft's connector.
 *
 * Sources followed:
 * - docs.joinmastodon.org/methods/statuses (POST /api/v1/statuses: form data parameters
 *   status, spoiler_text, visibility public|unlisted|private|direct, language, in_reply_to_id,
 *   sensitive; the Idempotency-Key header, "stored for up to 1 hour"; 401 {"error": "The access
 *   token is invalid"}; 422 {"error": "Validation failed: Text can't be blank"}; DELETE
 *   /api/v1/statuses/:id returns the status with its source "text", 404 {"error": "Record not
 *   found"} when it "is not owned by you or does not exist"; GET /api/v1/statuses/:id).
 * - docs.joinmastodon.org/methods/instance (GET /api/v2/instance,
 *   configuration.statuses.max_characters and characters_reserved_per_url).
 * - docs.joinmastodon.org/methods/accounts (GET /api/v1/accounts/verify_credentials, and
 *   GET /api/v1/accounts/:id/statuses for finding what was posted).
 * - docs.joinmastodon.org/api/rate-limits (X-RateLimit-Limit, -Remaining, -Reset; 300 requests
 *   per 5 minutes) and Mastodon's config/initializers/rack_attack.rb, whose 429 says
 *   {"error": "Too many requests"} and sets X-RateLimit-Reset as an ISO 8601 time with
 *   microseconds.
 * - Mastodon's app/validators/status_length_validator.rb: the spoiler text and the text are
 *   counted together, in grapheme clusters, against the one limit; every URL in the text counts
 *   as characters_reserved_per_url; a remote mention @user@domain counts as @user. Over the
 *   limit: 422 "Validation failed: Text character limit of N exceeded".
 * - Mastodon's StatusesController#set_thread: an in_reply_to_id that does not exist is a 404
 *   {"error": "The post you are trying to reply to does not appear to exist."}, checked before
 *   the idempotency key and before validation.
 * - Mastodon's PostStatusService: a status with a content warning is marked sensitive; a
 *   language Mastodon does not know falls back to the default instead of being refused.
 * - Doorkeeper's messages for revoked and expired tokens ("The access token was revoked",
 *   "The access token expired").
 *
 * Assumed, where neither says exactly:
 * - URLs are found as http(s):// up to whitespace, less trailing punctuation; Mastodon uses
 *   twitter-text's extractor, which differs at the edges (TLD lists, balanced brackets).
 * - An unknown visibility is refused as Rails' enum validation words it ("Visibility is not
 *   included in the list").
 * - Known languages are the ISO 639-1 codes and Mastodon's regional ones; its few ISO 639-3
 *   codes fall back to the default like unknown ones.
 * - A 500 carries {"error": ...} like every other error here; a real instance's may be HTML.
 * - The rate-limit headers count requests per token but are never enforced: a 429 comes only
 *   when a test plans one.
 * - Idempotency keys are per account, as Mastodon keys them, and a key whose status was
 *   deleted posts anew.
 */

/**
 * One Mastodon instance on a loopback port. Seed accounts with their tokens, point a link's
 * instance URL at {@link #baseUrl()}, then inspect what was posted. Status URLs are
 * https://{domain}/@{username}/{id}.
 */
public final class FakeMastodon extends FakePlatform<FakeMastodon> {
    public static final String DEFAULT_DOMAIN = "mastodon.example";

    private final MastodonInstance instance;

    public FakeMastodon() {
        this(DEFAULT_DOMAIN, Clock.systemUTC());
    }

    public FakeMastodon(String domain, Clock clock) {
        this(domain, clock, 0);
    }

    public FakeMastodon(String domain, Clock clock, int port) {
        this(new MastodonInstance(domain, clock), port);
    }

    private FakeMastodon(MastodonInstance instance, int port) {
        super("fake-mastodon", new MastodonApi(instance), port);
        this.instance = instance;
    }

    public String domain() {
        return instance.domain();
    }

    public MastodonAccount seedAccount(String username, String accessToken) {
        return instance.seed(username, accessToken);
    }

    public void grantToken(MastodonAccount account, String accessToken) {
        instance.grant(account, accessToken);
    }

    /** What GET /api/v2/instance reports and posting enforces; 500 and 23 until changed. */
    public void limitStatuses(int maxCharacters, int charactersReservedPerUrl) {
        instance.limit(new MastodonInstance.Limits(maxCharacters, charactersReservedPerUrl));
    }

    public void revokeToken(String accessToken) {
        instance.setToken(accessToken, MastodonInstance.TokenState.REVOKED);
    }

    public void expireToken(String accessToken) {
        instance.setToken(accessToken, MastodonInstance.TokenState.EXPIRED);
    }

    /** Statuses that exist now, in the order they were posted. */
    public List<MastodonStatus> statuses() {
        return instance.statuses();
    }

    public int statusCount() {
        return statuses().size();
    }

    public Optional<MastodonStatus> status(String id) {
        return statuses().stream().filter(status -> status.id().equals(id)).findFirst();
    }

    /** Statuses deleted through the API, in the order they were deleted. */
    public List<MastodonStatus> deletedStatuses() {
        return instance.deleted();
    }

    public static RequestPatternBuilder postingStatuses() {
        return postRequestedFor(urlPathEqualTo("/api/v1/statuses"));
    }

    public static RequestPatternBuilder deletingStatuses() {
        return deleteRequestedFor(urlPathMatching("/api/v1/statuses/[^/]+"));
    }

    public static RequestPatternBuilder readingInstance() {
        return getRequestedFor(urlPathEqualTo("/api/v2/instance"));
    }

    public static RequestPatternBuilder verifyingCredentials() {
        return getRequestedFor(urlPathEqualTo("/api/v1/accounts/verify_credentials"));
    }
}
