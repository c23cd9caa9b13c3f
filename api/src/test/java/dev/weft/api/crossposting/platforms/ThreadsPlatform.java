package dev.weft.api.crossposting.platforms;

import dev.weft.api.crossposting.platforms.ThreadsContainer.Status;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Threads' state and publishing rules; see {@link FakeThreads} for the sources. Every method
 * holds the platform's lock, so a container is published once and a quota is counted
 * exactly, whichever worker threads ask.
 */
final class ThreadsPlatform {
    static final long TOKEN_LIFETIME_SECONDS = Duration.ofDays(60).toSeconds();
    private static final int MAX_TEXT = 500;
    private static final Duration QUOTA_WINDOW = Duration.ofHours(24);
    private static final Duration CONTAINER_LIFETIME = Duration.ofHours(24);
    private static final Set<Status> UNPUBLISHED = Set.of(Status.IN_PROGRESS, Status.FINISHED, Status.ERROR);
    private static final String SHORTCODE_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /** What becomes of the next container created, when a test says. */
    sealed interface ContainerPlan {
        record HeldInProgress(int polls) implements ContainerPlan {
        }

        record Expired() implements ContainerPlan {
        }

        record Failed(String errorMessage) implements ContainerPlan {
        }
    }

    enum TokenState { VALID, REVOKED, EXPIRED }

    record Refreshed(String accessToken, long expiresInSeconds) {
    }

    private record Grant(ThreadsUser user, Instant expiresAt, TokenState state) {
    }

    private record QuotaUse(ThreadsQuota quota, Instant at) {
    }

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Grant> grants = new HashMap<>();
    private final Map<String, ThreadsContainer> containers = new LinkedHashMap<>();
    private final Map<String, Integer> pollsLeftInProgress = new HashMap<>();
    private final Deque<ContainerPlan> plans = new ArrayDeque<>();
    private final Map<String, ThreadsPost> posts = new LinkedHashMap<>();
    private final List<ThreadsPost> deleted = new ArrayList<>();
    private final Map<String, List<QuotaUse>> quotaUses = new HashMap<>();
    private long lastContainerId = 17_889_615_691_921_000L;
    private long lastMediaId = 17_934_217_540_053_000L;

    ThreadsPlatform(Clock clock) {
        this.clock = clock;
    }

    synchronized ThreadsUser seed(String userId, String username, String accessToken) {
        ThreadsUser user = new ThreadsUser(userId, username);
        grants.put(accessToken, new Grant(user, now().plusSeconds(TOKEN_LIFETIME_SECONDS), TokenState.VALID));
        return user;
    }

    synchronized void setToken(String accessToken, TokenState state) {
        Grant grant = grants.get(accessToken);
        if (grant == null) {
            throw new IllegalArgumentException("no user was seeded with that token");
        }
        Instant expiresAt = state == TokenState.EXPIRED ? now() : grant.expiresAt();
        grants.put(accessToken, new Grant(grant.user(), expiresAt, state));
    }

    synchronized ThreadsUser authenticate(Optional<String> accessToken) {
        return grantFor(accessToken).user();
    }

    /** A new long-lived token for the same user; the refreshed one keeps working until its own expiry. */
    synchronized Refreshed refresh(Optional<String> accessToken, Optional<String> grantType) {
        if (grantType.filter("th_refresh_token"::equals).isEmpty()) {
            throw new GraphRefusal(GraphError.invalidParameter("Param grant_type must be th_refresh_token"));
        }
        ThreadsUser user = grantFor(accessToken).user();
        byte[] secret = new byte[24];
        random.nextBytes(secret);
        String refreshed = "THAA" + HexFormat.of().formatHex(secret);
        grants.put(refreshed, new Grant(user, now().plusSeconds(TOKEN_LIFETIME_SECONDS), TokenState.VALID));
        return new Refreshed(refreshed, TOKEN_LIFETIME_SECONDS);
    }

    synchronized void plan(ContainerPlan plan) {
        plans.add(plan);
    }

    synchronized void expire(String containerId) {
        ThreadsContainer container = containers.get(containerId);
        if (container == null) {
            throw new IllegalArgumentException("no container " + containerId);
        }
        containers.put(containerId, container.withStatus(Status.EXPIRED));
    }

    synchronized ThreadsContainer createContainer(ThreadsUser owner, Params params) {
        String mediaType = params.given("media_type").orElseThrow(() -> invalid("The parameter media_type is required"));
        if (!mediaType.equals("TEXT")) {
            throw invalid("Param media_type " + mediaType + " is not served: this fake publishes TEXT posts only");
        }
        String text = params.given("text").orElseThrow(() -> invalid("The parameter text is required for TEXT posts"));
        int counted = countedLength(text);
        if (counted > MAX_TEXT) {
            throw invalid("Param text must be at most " + MAX_TEXT + " characters long, got " + counted);
        }
        String replyToId = params.given("reply_to_id").orElse(null);
        if (replyToId != null && !posts.containsKey(replyToId)) {
            throw invalid("Param reply_to_id " + replyToId + " is not a post that can be replied to");
        }
        ThreadsContainer container = planned(new ThreadsContainer(Long.toString(++lastContainerId), owner.id(), text,
                replyToId, now(), Status.FINISHED, null, null));
        containers.put(container.id(), container);
        return container;
    }

    /** Answers the container's status as a poll sees it: a held container counts the poll down. */
    synchronized Optional<ThreadsContainer> poll(ThreadsUser reader, String containerId) {
        Optional<ThreadsContainer> container = ownContainer(reader, containerId);
        container.filter(found -> found.status() == Status.IN_PROGRESS).ifPresent(this::countPoll);
        return container;
    }

    synchronized ThreadsPost publish(ThreadsUser publisher, Optional<String> creationId) {
        String id = creationId.orElseThrow(() -> invalid("The parameter creation_id is required"));
        ThreadsContainer container = ownContainer(publisher, id)
                .orElseThrow(() -> invalid("Param creation_id " + id + " is not a media container of this user"));
        refuseUnlessFinished(container);
        ThreadsQuota quota = container.replyToId() == null ? ThreadsQuota.POSTS : ThreadsQuota.REPLIES;
        spend(publisher.id(), quota);
        ThreadsPost post = newPost(publisher, container);
        posts.put(post.id(), post);
        containers.put(container.id(), container.publishedAs(post.id()));
        return post;
    }

    synchronized ThreadsPost delete(ThreadsUser owner, String mediaId) {
        ThreadsPost post = ownPost(owner, mediaId)
                .orElseThrow(() -> new GraphRefusal(GraphError.unsupportedRequest("DELETE", mediaId)));
        spend(owner.id(), ThreadsQuota.DELETES);
        posts.remove(mediaId);
        deleted.add(post);
        return post;
    }

    synchronized Optional<ThreadsPost> ownPost(ThreadsUser reader, String mediaId) {
        return Optional.ofNullable(posts.get(mediaId)).filter(post -> post.ownerId().equals(reader.id()));
    }

    synchronized List<ThreadsPost> newestOf(String userId) {
        return posts.values().stream().filter(post -> post.ownerId().equals(userId))
                .sorted(Comparator.comparing(ThreadsPost::timestamp).thenComparing(ThreadsPost::id).reversed())
                .toList();
    }

    synchronized int usage(String userId, ThreadsQuota quota) {
        Instant windowStart = now().minus(QUOTA_WINDOW);
        return (int) quotaUses.getOrDefault(userId, List.of()).stream()
                .filter(use -> use.quota() == quota && use.at().isAfter(windowStart)).count();
    }

    synchronized void use(String userId, ThreadsQuota quota, int uses) {
        for (int i = 0; i < uses; i++) {
            quotaUses.computeIfAbsent(userId, id -> new ArrayList<>()).add(new QuotaUse(quota, now()));
        }
    }

    synchronized List<ThreadsPost> posts() {
        return List.copyOf(posts.values());
    }

    synchronized List<ThreadsPost> deleted() {
        return List.copyOf(deleted);
    }

    synchronized List<ThreadsContainer> containers() {
        containers.keySet().forEach(this::expireIfTooOld);
        return List.copyOf(containers.values());
    }

    private Grant grantFor(Optional<String> accessToken) {
        String token = accessToken.orElseThrow(() -> new GraphRefusal(GraphError.tokenRequired()));
        Grant grant = grants.get(token);
        if (grant == null) {
            throw new GraphRefusal(GraphError.invalidToken());
        }
        if (grant.state() == TokenState.REVOKED) {
            throw new GraphRefusal(GraphError.revokedToken());
        }
        if (!grant.expiresAt().isAfter(now())) {
            throw new GraphRefusal(GraphError.expiredToken(grant.expiresAt(), now()));
        }
        return grant;
    }

    /**
     * Threads counts a text's length in graphemes, except that a grapheme holding an emoji
     * counts as its UTF-8 bytes.
     */
    private static int countedLength(String text) {
        return Graphemes.split(text).stream()
                .mapToInt(grapheme -> Emoji.in(grapheme) ? grapheme.getBytes(StandardCharsets.UTF_8).length : 1)
                .sum();
    }

    private ThreadsContainer planned(ThreadsContainer container) {
        ContainerPlan plan = plans.poll();
        if (plan instanceof ContainerPlan.HeldInProgress held) {
            pollsLeftInProgress.put(container.id(), held.polls());
            return container.withStatus(Status.IN_PROGRESS);
        } else if (plan instanceof ContainerPlan.Expired) {
            return container.withStatus(Status.EXPIRED);
        } else if (plan instanceof ContainerPlan.Failed failed) {
            return container.failedWith(failed.errorMessage());
        }
        return container;
    }

    private Optional<ThreadsContainer> ownContainer(ThreadsUser reader, String containerId) {
        if (!containers.containsKey(containerId)) {
            return Optional.empty();
        }
        expireIfTooOld(containerId);
        return Optional.of(containers.get(containerId)).filter(container -> container.ownerId().equals(reader.id()));
    }

    private void expireIfTooOld(String containerId) {
        ThreadsContainer container = containers.get(containerId);
        if (UNPUBLISHED.contains(container.status()) && !container.createdAt().plus(CONTAINER_LIFETIME).isAfter(now())) {
            containers.put(containerId, container.withStatus(Status.EXPIRED));
        }
    }

    private void countPoll(ThreadsContainer container) {
        int pollsLeft = pollsLeftInProgress.merge(container.id(), -1, Integer::sum);
        if (pollsLeft <= 0) {
            pollsLeftInProgress.remove(container.id());
            containers.put(container.id(), container.withStatus(Status.FINISHED));
        }
    }

    private static void refuseUnlessFinished(ThreadsContainer container) {
        switch (container.status()) {
            case FINISHED -> {
            }
            case IN_PROGRESS -> throw new GraphRefusal(
                    new GraphError(400, 9007, 2207027, "OAuthException", "Media ID is not available"));
            case PUBLISHED -> throw invalid("The media container " + container.id() + " has already been published");
            case EXPIRED -> throw invalid("The media container " + container.id() + " has expired");
            case ERROR -> throw invalid("The media container " + container.id() + " failed: " + container.errorMessage());
        }
    }

    private void spend(String userId, ThreadsQuota quota) {
        if (usage(userId, quota) >= quota.total()) {
            throw new GraphRefusal(GraphError.rateLimited(4));
        }
        use(userId, quota, 1);
    }

    private ThreadsPost newPost(ThreadsUser owner, ThreadsContainer container) {
        String id = Long.toString(++lastMediaId);
        String shortcode = shortcodeOf(lastMediaId);
        return new ThreadsPost(id, owner.id(), container.text(), container.replyToId(), container.id(), shortcode,
                "https://www.threads.net/@" + owner.username() + "/post/" + shortcode, now());
    }

    /** Threads' shortcodes are the media id written in Instagram's 64-letter alphabet. */
    private static String shortcodeOf(long mediaId) {
        StringBuilder shortcode = new StringBuilder();
        for (long rest = mediaId; rest > 0; rest /= SHORTCODE_ALPHABET.length()) {
            shortcode.insert(0, SHORTCODE_ALPHABET.charAt((int) (rest % SHORTCODE_ALPHABET.length())));
        }
        return shortcode.toString();
    }

    private static GraphRefusal invalid(String detail) {
        return new GraphRefusal(GraphError.invalidParameter(detail));
    }

    private Instant now() {
        return clock.instant();
    }
}
