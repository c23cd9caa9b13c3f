package dev.weft.infrastructure.crossposting.threads;

import dev.weft.application.crossposting.platforms.PartRequest;
import dev.weft.application.shared.Clock;
import dev.weft.infrastructure.crossposting.FailedRequest;
import dev.weft.infrastructure.crossposting.Forms;
import dev.weft.infrastructure.crossposting.GraphError;
import dev.weft.infrastructure.crossposting.Json;
import dev.weft.infrastructure.crossposting.PlatformClient;
import dev.weft.infrastructure.crossposting.PlatformClient.IfRepeated;
import dev.weft.infrastructure.crossposting.PlatformFailure;
import dev.weft.infrastructure.crossposting.Timestamps;
import dev.weft.infrastructure.http.HttpReply;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/**
 * The Threads Graph API calls Weft makes, each giving back what it needs or raising the Graph
 * error as a FailedRequest. The token goes as the access_token parameter, in the form body
 * of a POST. Creating a container publishes nothing (an unpublished one expires), so only
 * threads_publish is a request whose repetition may duplicate a post.
 */
final class ThreadsApi {
    /** One page is enough: the search only looks back to the attempt in question. */
    private static final String LISTED_POSTS = "100";

    private final PlatformClient http;
    private final String base;
    private final Clock clock;

    ThreadsApi(PlatformClient http, String base, Clock clock) {
        this.http = http;
        this.base = base;
        this.clock = clock;
    }

    JsonNode profile(String token) {
        return read(get("/me", token, "fields", "id,username,name"));
    }

    String createContainer(String userId, PartRequest part, String token) {
        JsonNode container = read(post("/" + Forms.segment(userId) + "/threads", token, IfRepeated.HARMLESS,
                "media_type", "TEXT", "text", part.formatted().text(),
                "reply_to_id", part.isReply() ? part.parent().remoteId() : null));
        return Json.text(container, "id").orElseThrow(() -> new FailedRequest(PlatformFailure.retry(
                "Threads answered without a container id", null, null)));
    }

    ContainerState containerState(String containerId, String token) {
        return ContainerState.of(read(get("/" + Forms.segment(containerId), token, "fields", "status,error_message")));
    }

    String publish(String userId, String containerId, String token) {
        JsonNode media = read(post("/" + Forms.segment(userId) + "/threads_publish", token, IfRepeated.MAY_DUPLICATE,
                "creation_id", containerId));
        return Json.text(media, "id").orElseThrow(() -> new FailedRequest(PlatformFailure.unknown(
                "Threads answered the publish of container " + containerId + " without a media id")));
    }

    Optional<String> permalink(String mediaId, String token) {
        return Json.text(read(get("/" + Forms.segment(mediaId), token, "fields", "permalink")), "permalink");
    }

    /** Newest first; replies are listed apart from top-level posts. */
    List<ThreadsPost> posts(String userId, boolean replies, Instant since, String token) {
        String edge = replies ? "/replies" : "/threads";
        JsonNode listed = read(get("/" + Forms.segment(userId) + edge, token, "fields", "id,text,permalink,timestamp",
                "since", String.valueOf(since.getEpochSecond()), "limit", LISTED_POSTS));
        return StreamSupport.stream(listed.path("data").spliterator(), false).map(ThreadsApi::listedPost).toList();
    }

    private static ThreadsPost listedPost(JsonNode listed) {
        return new ThreadsPost(Json.text(listed, "id").orElse(null), Json.text(listed, "text").orElse(null),
                Json.text(listed, "permalink").orElse(null),
                Json.text(listed, "timestamp").flatMap(Timestamps::parse).orElse(null));
    }

    JsonNode publishingLimit(String userId, String token) {
        return read(get("/" + Forms.segment(userId) + "/threads_publishing_limit", token,
                "fields", "quota_usage,config,reply_quota_usage,reply_config"));
    }

    void delete(String mediaId, String token) {
        read(http.delete(Forms.uri(base, "/" + Forms.segment(mediaId), Forms.fields("access_token", token)),
                Map.of("Accept", Json.CONTENT_TYPE)));
    }

    /** The refresh endpoint sits at the host's root, outside the versioned path. */
    JsonNode refreshedToken(String token) {
        URI versioned = URI.create(base);
        String root = versioned.getScheme() + "://" + versioned.getRawAuthority();
        return read(http.get(Forms.uri(root, "/refresh_access_token",
                Forms.fields("grant_type", "th_refresh_token", "access_token", token)), Map.of("Accept", Json.CONTENT_TYPE)));
    }

    private HttpReply get(String path, String token, String... parameters) {
        Map<String, String> query = Forms.fields(parameters);
        query.putAll(Forms.fields("access_token", token));
        return http.get(Forms.uri(base, path, query), Map.of("Accept", Json.CONTENT_TYPE));
    }

    private HttpReply post(String path, String token, IfRepeated ifRepeated, String... parameters) {
        Map<String, String> form = Forms.fields(parameters);
        form.putAll(Forms.fields("access_token", token));
        return http.post(Forms.uri(base, path, Map.of()), Map.of("Accept", Json.CONTENT_TYPE,
                "Content-Type", Forms.CONTENT_TYPE), Forms.body(form), ifRepeated);
    }

    private JsonNode read(HttpReply reply) {
        if (!PlatformClient.succeeded(reply)) {
            throw new FailedRequest(GraphError.classify(reply, clock.now()));
        }
        return Json.read(reply);
    }
}
