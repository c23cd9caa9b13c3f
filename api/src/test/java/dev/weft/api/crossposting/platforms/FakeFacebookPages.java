package dev.weft.api.crossposting.platforms;

import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;

import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/*
 * A local Facebook Graph API for Pages, for the cross-posting tests, written from Meta's
 * published documentation, independently of Weft's connector.
 *
 * Sources followed (developers.facebook.com/docs/...):
 * - pages-api/getting-started and pages-api/posts: POST /{page-id}/feed with message and/or
 *   link and a Page access token answers {"id": "{page-id}_{post-id}"}; GET /{page-id}/feed
 *   and /posts list the Page's posts; DELETE /{post-id} answers {"success": true}.
 * - graph-api/reference/page and reference/post: GET /{page-id}?fields=name; post fields id,
 *   message, created_time (ISO 8601, +0000) and permalink_url; the Graph API answers only the
 *   fields asked for plus the id, and pages lists as {"data": [...], "paging": {"cursors"}}.
 * - graph-api/guides/error-handling and the rate-limiting overview: the error shape
 *   {"error": {"message", "type", "code", "error_subcode", "fbtrace_id"}}; code 190 with
 *   subcode 463 (expired) or 460 (session invalidated), 104 (no token), 100 (parameter),
 *   100/33 (object does not exist or may not be touched), 200 (permission), 368 (blocked for
 *   policy), 506 (duplicate post), 4/17/32/613 (rate limits).
 * - Tokens as the access_token parameter or Authorization: Bearer; the version prefix of the
 *   base URL (https://graph.facebook.com/v21.0), unversioned calls also served.
 *
 * Assumed, where the documentation does not say:
 * - A post with neither message nor link is refused with code 100, "Missing message or
 *   attachment"; a link that is not an absolute http(s) URL with code 100 in the fake's words.
 * - A Page token used on another Page is refused with permission code 200 (HTTP 403).
 * - Token errors are HTTP 400, as the Graph API answers most errors; connectors should read
 *   the code, and GraphError.withHttpStatus lets a test check that they do.
 * - Duplicate detection (506) and policy blocks (368) are not guessed at: a test plans them
 *   with failNextWithGraphError. The message length limit is not enforced.
 * - Only Page tokens exist here; a Page token's "me" is its Page.
 */

/**
 * The Facebook Graph API for Pages on a loopback port. Seed Pages with their Page tokens,
 * point the connector's Facebook base URL at {@link #baseUrl()}, then inspect the posts.
 * Permalinks are https://www.facebook.com/{page-id}/posts/{post-id}.
 */
public final class FakeFacebookPages extends FakeGraphPlatform<FakeFacebookPages> {
    public static final String VERSION = "v21.0";

    private final FacebookPages pages;

    public FakeFacebookPages() {
        this(Clock.systemUTC());
    }

    public FakeFacebookPages(Clock clock) {
        this(new FacebookPages(clock));
    }

    private FakeFacebookPages(FacebookPages pages) {
        super("fake-facebook-pages", VERSION, new FacebookGraphApi(pages));
        this.pages = pages;
    }

    public FacebookPage seedPage(String pageId, String name, String pageAccessToken) {
        return pages.seed(pageId, name, pageAccessToken);
    }

    public void revokeToken(String pageAccessToken) {
        pages.setToken(pageAccessToken, FacebookPages.TokenState.REVOKED);
    }

    public void expireToken(String pageAccessToken) {
        pages.setToken(pageAccessToken, FacebookPages.TokenState.EXPIRED);
    }

    /** Posts that exist now, oldest first. */
    public List<FacebookPost> posts() {
        return pages.posts();
    }

    public int postCount() {
        return posts().size();
    }

    public Optional<FacebookPost> post(String postId) {
        return posts().stream().filter(post -> post.id().equals(postId)).findFirst();
    }

    public List<FacebookPost> deletedPosts() {
        return pages.deleted();
    }

    public static RequestPatternBuilder postingToFeed() {
        return postRequestedFor(graphPath("/[^/]+/feed"));
    }

    public static RequestPatternBuilder listingPosts() {
        return getRequestedFor(graphPath("/[^/]+/(posts|feed|published_posts)"));
    }

    public static RequestPatternBuilder deletingPosts() {
        return deleteRequestedFor(graphPath("/[0-9]+_[0-9]+"));
    }
}
