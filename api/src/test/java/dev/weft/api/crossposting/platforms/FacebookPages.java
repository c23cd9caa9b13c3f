package dev.weft.api.crossposting.platforms;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Facebook Pages' state and posting rules; see {@link FakeFacebookPages} for the sources.
 * Every method holds the lock, so concurrent posts each get their own id and are all kept.
 */
final class FacebookPages {
    enum TokenState { VALID, REVOKED, EXPIRED }

    private record Grant(FacebookPage page, TokenState state, Instant expiredAt) {
    }

    private final Clock clock;
    private final Map<String, FacebookPage> pages = new HashMap<>();
    private final Map<String, Grant> grants = new HashMap<>();
    private final Map<String, FacebookPost> posts = new LinkedHashMap<>();
    private final List<FacebookPost> deleted = new ArrayList<>();
    private long lastPostId = 122_100_000_000_000_000L;

    FacebookPages(Clock clock) {
        this.clock = clock;
    }

    synchronized FacebookPage seed(String pageId, String name, String pageAccessToken) {
        FacebookPage page = new FacebookPage(pageId, name);
        pages.put(pageId, page);
        grants.put(pageAccessToken, new Grant(page, TokenState.VALID, null));
        return page;
    }

    synchronized void setToken(String pageAccessToken, TokenState state) {
        Grant grant = grants.get(pageAccessToken);
        if (grant == null) {
            throw new IllegalArgumentException("no page was seeded with that token");
        }
        grants.put(pageAccessToken, new Grant(grant.page(), state, state == TokenState.EXPIRED ? now() : null));
    }

    /** The Page whose token this is: Page tokens act as their Page. */
    synchronized FacebookPage authenticate(Optional<String> accessToken) {
        String token = accessToken.orElseThrow(() -> new GraphRefusal(GraphError.tokenRequired()));
        Grant grant = grants.get(token);
        if (grant == null) {
            throw new GraphRefusal(GraphError.invalidToken());
        }
        return switch (grant.state()) {
            case VALID -> grant.page();
            case REVOKED -> throw new GraphRefusal(GraphError.revokedToken());
            case EXPIRED -> throw new GraphRefusal(GraphError.expiredToken(grant.expiredAt(), now()));
        };
    }

    /** The Page named, when it exists and the caller's token may act on it. */
    synchronized FacebookPage page(FacebookPage caller, String pageId, String method) {
        FacebookPage page = pages.get(pageId);
        if (page == null) {
            throw new GraphRefusal(GraphError.unsupportedRequest(method, pageId));
        }
        if (!page.equals(caller)) {
            throw new GraphRefusal(GraphError.permissionDenied("This Page access token belongs to another Page"));
        }
        return page;
    }

    synchronized FacebookPost publish(FacebookPage page, Optional<String> message, Optional<String> link) {
        if (message.isEmpty() && link.isEmpty()) {
            throw new GraphRefusal(GraphError.invalidParameter("Missing message or attachment"));
        }
        link.filter(url -> !isWebUrl(url)).ifPresent(url -> {
            throw new GraphRefusal(GraphError.invalidParameter("Param link must be a valid URL"));
        });
        String postId = Long.toString(++lastPostId);
        FacebookPost post = new FacebookPost(page.id() + "_" + postId, page.id(), message.orElse(null),
                link.orElse(null), now(), "https://www.facebook.com/" + page.id() + "/posts/" + postId);
        posts.put(post.id(), post);
        return post;
    }

    synchronized Optional<FacebookPost> ownPost(FacebookPage caller, String postId) {
        return Optional.ofNullable(posts.get(postId)).filter(post -> post.pageId().equals(caller.id()));
    }

    synchronized FacebookPost delete(FacebookPage caller, String postId) {
        FacebookPost post = ownPost(caller, postId)
                .orElseThrow(() -> new GraphRefusal(GraphError.unsupportedRequest("DELETE", postId)));
        posts.remove(postId);
        deleted.add(post);
        return post;
    }

    synchronized List<FacebookPost> newestOf(String pageId) {
        return posts.values().stream().filter(post -> post.pageId().equals(pageId))
                .sorted(Comparator.comparing(FacebookPost::createdTime).thenComparing(FacebookPost::id).reversed())
                .toList();
    }

    synchronized List<FacebookPost> posts() {
        return List.copyOf(posts.values());
    }

    synchronized List<FacebookPost> deleted() {
        return List.copyOf(deleted);
    }

    private static boolean isWebUrl(String url) {
        try {
            URI uri = new URI(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException notAUrl) {
            return false;
        }
    }

    private Instant now() {
        return clock.instant();
    }
}
