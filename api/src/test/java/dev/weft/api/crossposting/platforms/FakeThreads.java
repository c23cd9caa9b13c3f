package dev.weft.api.crossposting.platforms;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;

import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/*
 * A local Threads Graph API for the cross-posting tests, written from Meta's published
 * Threads documentation, independently of Weft's connector.
 *
 * Sources followed (developers.facebook.com/docs/threads/...):
 * - posts: publishing is two steps, POST /{threads-user-id}/threads (media_type TEXT, text,
 *   reply_to_id) answering {"id": container id}, then POST /{threads-user-id}/threads_publish
 *   with creation_id answering {"id": media id}; "Text posts are limited to 500 characters"
 *   and "Emojis are counted as the number of UTF-8 bytes".
 * - troubleshooting: GET /{container-id}?fields=status,error_message answers one of
 *   IN_PROGRESS, FINISHED, ERROR, EXPIRED ("not published within 24 hours"), PUBLISHED, with
 *   error_message only on ERROR; GET /{threads-user-id}/threads_publishing_limit with
 *   quota_usage/config, reply_quota_usage/reply_config, delete_quota_usage/delete_config, each
 *   config {quota_total, quota_duration: 86400}, wrapped in "data".
 * - overview and reply management: 250 API-published posts and 1,000 replies per moving
 *   24 hours, enforced when publishing.
 * - posts/delete-posts: DELETE /{threads-media-id} answers {"success": true, "deleted_id"};
 *   100 deletes per day.
 * - reference/media and retrieve-posts: GET /{threads-user-id}/threads and GET /{media-id}
 *   with fields id, text, permalink (https://www.threads.net/@{username}/post/{shortcode}),
 *   timestamp (ISO 8601, +0000), media_type TEXT_POST, media_product_type THREADS, shortcode,
 *   username, is_reply; paged as {"data": [...], "paging": {"cursors": {...}}}.
 * - get-started/long-lived-tokens: GET /refresh_access_token?grant_type=th_refresh_token
 *   &access_token=... answers {access_token, token_type: "bearer", expires_in}; long-lived
 *   tokens last 60 days; the endpoint is documented without a version prefix.
 * - The Graph API's error shape and codes: 190 (subcode 463 expired, 460 invalidated) for
 *   tokens, 104 for no token, 100 for parameters, 100/33 for an object that does not exist
 *   or may not be touched, 4/17/32/613 for rate limits.
 *
 * Assumed, where the documentation does not say:
 * - Token errors are HTTP 400, as the Graph API answers most errors; a connector should read
 *   code 190, and GraphError.withHttpStatus lets a test check that it does.
 * - Publishing a container that is still IN_PROGRESS is refused as Instagram's content
 *   publishing API refuses it (code 9007, subcode 2207027, "Media ID is not available").
 * - Publishing a container that is already PUBLISHED is refused (code 100) rather than
 *   answered with the same media id; EXPIRED and ERROR containers are refused likewise. The
 *   container's status and the user's posts say what became of it.
 * - A spent publishing or deleting quota is refused with rate-limit code 4.
 * - Over 500 characters, a reply_to_id that is not a post, or a missing text are refused
 *   at container creation with code 100, in the fake's own words.
 * - Refreshing keeps the old token working until its own expiry, and does not enforce the
 *   documented "at least 24 hours old" rule.
 * - Only TEXT posts are served; a user's nodes and edges answer only that user's token.
 * - Both versioned (/v1.0/...) and unversioned paths are served, as the Graph API does.
 */

/**
 * The Threads Graph API on a loopback port. Seed users with their tokens, point the
 * connector's Threads base URL at {@link #baseUrl()}, then inspect posts, containers and
 * quotas. Containers are FINISHED as soon as they are created unless a test plans otherwise.
 */
public final class FakeThreads extends FakeGraphPlatform<FakeThreads> {
    public static final String VERSION = "v1.0";

    private final ThreadsPlatform platform;

    public FakeThreads() {
        this(Clock.systemUTC());
    }

    public FakeThreads(Clock clock) {
        this(new ThreadsPlatform(clock));
    }

    private FakeThreads(ThreadsPlatform platform) {
        super("fake-threads", VERSION, new ThreadsApi(platform));
        this.platform = platform;
    }

    /** The user's long-lived token is good for 60 days from now. */
    public ThreadsUser seedUser(String userId, String username, String accessToken) {
        return platform.seed(userId, username, accessToken);
    }

    public void revokeToken(String accessToken) {
        platform.setToken(accessToken, ThreadsPlatform.TokenState.REVOKED);
    }

    public void expireToken(String accessToken) {
        platform.setToken(accessToken, ThreadsPlatform.TokenState.EXPIRED);
    }

    /** Counts uses against the user's quota now, as if published or deleted elsewhere. */
    public void useQuota(String userId, ThreadsQuota quota, int uses) {
        platform.use(userId, quota, uses);
    }

    /** The next container created answers IN_PROGRESS to that many status polls, then FINISHED. */
    public void holdNextContainerInProgress(int polls) {
        if (polls < 1) {
            throw new IllegalArgumentException("polls must be at least 1, got " + polls);
        }
        platform.plan(new ThreadsPlatform.ContainerPlan.HeldInProgress(polls));
    }

    public void expireNextContainer() {
        platform.plan(new ThreadsPlatform.ContainerPlan.Expired());
    }

    /** The next container created ends in ERROR with this error_message (say FAILED_PROCESSING_VIDEO). */
    public void failNextContainer(String errorMessage) {
        platform.plan(new ThreadsPlatform.ContainerPlan.Failed(errorMessage));
    }

    public void expireContainer(String containerId) {
        platform.expire(containerId);
    }

    /** Published posts that exist now, oldest first. */
    public List<ThreadsPost> posts() {
        return platform.posts();
    }

    public int postCount() {
        return posts().size();
    }

    public Optional<ThreadsPost> post(String mediaId) {
        return posts().stream().filter(post -> post.id().equals(mediaId)).findFirst();
    }

    public List<ThreadsPost> deletedPosts() {
        return platform.deleted();
    }

    public List<ThreadsContainer> containers() {
        return platform.containers();
    }

    public int quotaUsage(String userId, ThreadsQuota quota) {
        return platform.usage(userId, quota);
    }

    public static RequestPatternBuilder creatingContainers() {
        return postRequestedFor(graphPath("/[^/]+/threads"));
    }

    public static RequestPatternBuilder publishing() {
        return postRequestedFor(graphPath("/[^/]+/threads_publish"));
    }

    public static RequestPatternBuilder pollingContainers() {
        return getRequestedFor(graphPath("/[0-9]+")).withQueryParam("fields", containing("status"));
    }

    public static RequestPatternBuilder listingPosts() {
        return getRequestedFor(graphPath("/[^/]+/threads"));
    }

    public static RequestPatternBuilder deletingPosts() {
        return deleteRequestedFor(graphPath("/[0-9]+"));
    }

    public static RequestPatternBuilder refreshingTokens() {
        return getRequestedFor(graphPath("/refresh_access_token"));
    }
}
