package dev.weft.infrastructure.crossposting.threads;

import dev.weft.application.crossposting.platforms.PartRequest;
import dev.weft.infrastructure.crossposting.FailedRequest;
import dev.weft.infrastructure.crossposting.Forms;
import dev.weft.infrastructure.crossposting.GraphClient;
import dev.weft.infrastructure.crossposting.Json;
import dev.weft.infrastructure.crossposting.PlatformClient.IfRepeated;
import dev.weft.infrastructure.crossposting.PlatformFailure;
import dev.weft.infrastructure.crossposting.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/**
 * The Threads Graph API calls Weft makes, each giving back what it needs or raising the Graph
 * error as a FailedRequest. Creating a container publishes nothing (an unpublished one
 * expires), so only threads_publish is a request whose repetition may duplicate a post.
 */
final class ThreadsApi {
    /** One page is enough: the search only looks back to the attempt in question. */
    private static final String LISTED_POSTS = "100";

    private final GraphClient graph;

    ThreadsApi(GraphClient graph) {
        this.graph = graph;
    }

    JsonNode profile(String token) {
        return graph.get("/me", token, "fields", "id,username,name");
    }

    String createContainer(String userId, PartRequest part, String token) {
        JsonNode container = graph.post("/" + Forms.segment(userId) + "/threads", token, IfRepeated.HARMLESS,
                "media_type", "TEXT", "text", part.formatted().text(),
                "reply_to_id", part.isReply() ? part.parent().remoteId() : null);
        return Json.text(container, "id").orElseThrow(() -> new FailedRequest(PlatformFailure.retry(
                "Threads answered without a container id", null, null)));
    }

    ContainerState containerState(String containerId, String token) {
        return ContainerState.of(graph.get("/" + Forms.segment(containerId), token, "fields", "status,error_message"));
    }

    String publish(String userId, String containerId, String token) {
        JsonNode media = graph.post("/" + Forms.segment(userId) + "/threads_publish", token, IfRepeated.MAY_DUPLICATE,
                "creation_id", containerId);
        return Json.text(media, "id").orElseThrow(() -> new FailedRequest(PlatformFailure.unknown(
                "Threads answered the publish of container " + containerId + " without a media id")));
    }

    Optional<String> permalink(String mediaId, String token) {
        return Json.text(graph.get("/" + Forms.segment(mediaId), token, "fields", "permalink"), "permalink");
    }

    /** Newest first; replies are listed apart from top-level posts. */
    List<ThreadsPost> posts(String userId, boolean replies, Instant since, String token) {
        String edge = replies ? "/replies" : "/threads";
        JsonNode listed = graph.get("/" + Forms.segment(userId) + edge, token, "fields", "id,text,permalink,timestamp",
                "since", String.valueOf(since.getEpochSecond()), "limit", LISTED_POSTS);
        return StreamSupport.stream(listed.path("data").spliterator(), false).map(ThreadsApi::listedPost).toList();
    }

    private static ThreadsPost listedPost(JsonNode listed) {
        return new ThreadsPost(Json.text(listed, "id").orElse(null), Json.text(listed, "text").orElse(null),
                Json.text(listed, "permalink").orElse(null),
                Json.text(listed, "timestamp").flatMap(Timestamps::parse).orElse(null));
    }

    JsonNode publishingLimit(String userId, String token) {
        return graph.get("/" + Forms.segment(userId) + "/threads_publishing_limit", token,
                "fields", "quota_usage,config,reply_quota_usage,reply_config");
    }

    void delete(String mediaId, String token) {
        graph.delete("/" + Forms.segment(mediaId), token);
    }

    /** The refresh endpoint sits at the host's root, outside the versioned path. */
    JsonNode refreshedToken(String token) {
        return graph.atHostRoot().get("/refresh_access_token", token, "grant_type", "th_refresh_token");
    }
}
