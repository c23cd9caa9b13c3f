package dev.weft.api.crossposting.platforms;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/** The Threads Graph API over a {@link ThreadsPlatform}: routing, fields and the JSON it answers. */
final class ThreadsApi extends GraphApi {
    private static final Set<String> USER_FIELDS = Set.of("id", "username", "name");
    private static final Set<String> CONTAINER_FIELDS = Set.of("id", "status", "error_message");
    private static final Set<String> MEDIA_FIELDS = Set.of("id", "text", "permalink", "timestamp", "media_type",
            "media_product_type", "shortcode", "username", "is_reply");
    private static final Set<String> QUOTA_FIELDS = Set.of("quota_usage", "config", "reply_quota_usage",
            "reply_config", "delete_quota_usage", "delete_config");
    private static final List<String> ID_ONLY = List.of("id");
    private static final long QUOTA_DURATION_SECONDS = 86_400;

    private final ThreadsPlatform platform;

    ThreadsApi(ThreadsPlatform platform) {
        this.platform = platform;
    }

    @Override
    ResponseDefinitionBuilder route(GraphRequest request) {
        if (request.is(RequestMethod.GET, 1) && request.segment(0).equals("refresh_access_token")) {
            return refresh(request);
        }
        ThreadsUser caller = platform.authenticate(request.accessToken());
        if (request.is(RequestMethod.POST, 2) && request.segment(1).equals("threads")) {
            ThreadsContainer container = platform.createContainer(self(caller, request), request.params());
            return Json.response(200, Json.object().put("id", container.id()));
        } else if (request.is(RequestMethod.GET, 2) && request.segment(1).equals("threads")) {
            return Json.response(200, posts(self(caller, request), request));
        } else if (request.is(RequestMethod.POST, 2) && request.segment(1).equals("threads_publish")) {
            ThreadsPost post = platform.publish(self(caller, request), request.params().given("creation_id"));
            return Json.response(200, Json.object().put("id", post.id()));
        } else if (request.is(RequestMethod.GET, 2) && request.segment(1).equals("threads_publishing_limit")) {
            return Json.response(200, quota(self(caller, request), request));
        } else if (request.is(RequestMethod.GET, 1)) {
            return Json.response(200, node(caller, request));
        } else if (request.is(RequestMethod.DELETE, 1)) {
            ThreadsPost removed = platform.delete(caller, request.segment(0));
            return Json.response(200, Json.object().put("success", true).put("deleted_id", removed.id()));
        }
        throw new GraphRefusal(GraphError.unsupportedRequest(request.method().getName(), request.segment(0)));
    }

    private ResponseDefinitionBuilder refresh(GraphRequest request) {
        ThreadsPlatform.Refreshed refreshed = platform.refresh(request.accessToken(),
                request.params().given("grant_type"));
        return Json.response(200, Json.object().put("access_token", refreshed.accessToken())
                .put("token_type", "bearer").put("expires_in", refreshed.expiresInSeconds()));
    }

    /** A user's edges answer only for the token's own user, named by id or as "me". */
    private static ThreadsUser self(ThreadsUser caller, GraphRequest request) {
        String named = request.segment(0);
        if (!named.equals("me") && !named.equals(caller.id())) {
            throw new GraphRefusal(GraphError.unsupportedRequest(request.method().getName(), named));
        }
        return caller;
    }

    private ObjectNode node(ThreadsUser caller, GraphRequest request) {
        String id = request.segment(0);
        if (id.equals("me") || id.equals(caller.id())) {
            return request.pick(userJson(caller), "User", USER_FIELDS, ID_ONLY);
        }
        Optional<ThreadsContainer> container = platform.poll(caller, id);
        if (container.isPresent()) {
            return request.pick(containerJson(container.get()), "ThreadsMediaContainer", CONTAINER_FIELDS, ID_ONLY);
        }
        ThreadsPost post = platform.ownPost(caller, id)
                .orElseThrow(() -> new GraphRefusal(GraphError.unsupportedRequest("GET", id)));
        return request.pick(mediaJson(post, caller), "ThreadsMedia", MEDIA_FIELDS, ID_ONLY);
    }

    private ObjectNode posts(ThreadsUser user, GraphRequest request) {
        return request.paged(platform.newestOf(user.id()), ThreadsPost::id,
                post -> request.pick(mediaJson(post, user), "ThreadsMedia", MEDIA_FIELDS, ID_ONLY));
    }

    private ObjectNode quota(ThreadsUser user, GraphRequest request) {
        ObjectNode usage = Json.object();
        quotaFields(usage, user, ThreadsQuota.POSTS, "quota_usage", "config");
        quotaFields(usage, user, ThreadsQuota.REPLIES, "reply_quota_usage", "reply_config");
        quotaFields(usage, user, ThreadsQuota.DELETES, "delete_quota_usage", "delete_config");
        ObjectNode answer = Json.object();
        answer.putArray("data").add(request.pick(usage, "ThreadsPublishingLimit", QUOTA_FIELDS,
                List.of("quota_usage", "config")));
        return answer;
    }

    private void quotaFields(ObjectNode usage, ThreadsUser user, ThreadsQuota quota, String usageField,
                             String configField) {
        usage.put(usageField, platform.usage(user.id(), quota));
        usage.putObject(configField).put("quota_total", quota.total()).put("quota_duration", QUOTA_DURATION_SECONDS);
    }

    private static ObjectNode userJson(ThreadsUser user) {
        return Json.object().put("id", user.id()).put("username", user.username()).put("name", user.username());
    }

    private static ObjectNode containerJson(ThreadsContainer container) {
        ObjectNode json = Json.object().put("id", container.id()).put("status", container.status().name());
        if (container.errorMessage() != null) {
            json.put("error_message", container.errorMessage());
        }
        return json;
    }

    private static ObjectNode mediaJson(ThreadsPost post, ThreadsUser owner) {
        return Json.object().put("id", post.id()).put("text", post.text()).put("permalink", post.permalink())
                .put("timestamp", GraphRequest.timestamp(post.timestamp())).put("media_type", "TEXT_POST")
                .put("media_product_type", "THREADS").put("shortcode", post.shortcode())
                .put("username", owner.username()).put("is_reply", post.replyToId() != null);
    }
}
