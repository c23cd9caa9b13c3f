package dev.weft.api.crossposting.platforms;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/** The Facebook Graph API's Page endpoints over {@link FacebookPages}: routing, fields and JSON. */
final class FacebookGraphApi extends GraphApi {
    private static final Set<String> PAGE_FIELDS = Set.of("id", "name");
    private static final Set<String> POST_FIELDS = Set.of("id", "message", "created_time", "permalink_url");
    private static final Set<String> PAGE_POST_EDGES = Set.of("posts", "feed", "published_posts");
    private static final List<String> PAGE_DEFAULTS = List.of("name", "id");
    private static final List<String> POST_DEFAULTS = List.of("created_time", "message", "id");

    private final FacebookPages pages;

    FacebookGraphApi(FacebookPages pages) {
        this.pages = pages;
    }

    @Override
    ResponseDefinitionBuilder route(GraphRequest request) {
        FacebookPage caller = pages.authenticate(request.accessToken());
        if (request.is(RequestMethod.POST, 2) && request.segment(1).equals("feed")) {
            FacebookPage page = pages.page(caller, pageId(caller, request), "POST");
            FacebookPost post = pages.publish(page, request.params().given("message"), request.params().given("link"));
            return Json.response(200, Json.object().put("id", post.id()));
        } else if (request.is(RequestMethod.GET, 2) && PAGE_POST_EDGES.contains(request.segment(1))) {
            FacebookPage page = pages.page(caller, pageId(caller, request), "GET");
            return Json.response(200, request.paged(pages.newestOf(page.id()), FacebookPost::id,
                    post -> request.pick(postJson(post), "Post", POST_FIELDS, POST_DEFAULTS)));
        } else if (request.is(RequestMethod.GET, 1)) {
            return Json.response(200, node(caller, request));
        } else if (request.is(RequestMethod.DELETE, 1)) {
            pages.delete(caller, request.segment(0));
            return Json.response(200, Json.object().put("success", true));
        }
        throw new GraphRefusal(GraphError.unsupportedRequest(request.method().getName(), request.segment(0)));
    }

    /** A Page token's "me" is its Page. */
    private static String pageId(FacebookPage caller, GraphRequest request) {
        return request.segment(0).equals("me") ? caller.id() : request.segment(0);
    }

    private ObjectNode node(FacebookPage caller, GraphRequest request) {
        String id = request.segment(0);
        if (!id.contains("_")) {
            FacebookPage page = pages.page(caller, pageId(caller, request), "GET");
            return request.pick(Json.object().put("id", page.id()).put("name", page.name()), "Page", PAGE_FIELDS,
                    PAGE_DEFAULTS);
        }
        FacebookPost post = pages.ownPost(caller, id)
                .orElseThrow(() -> new GraphRefusal(GraphError.unsupportedRequest("GET", id)));
        return request.pick(postJson(post), "Post", POST_FIELDS, POST_DEFAULTS);
    }

    /** A link-only post has no message field at all, as the Graph API leaves out what a node lacks. */
    private static ObjectNode postJson(FacebookPost post) {
        ObjectNode json = Json.object().put("id", post.id())
                .put("created_time", GraphRequest.timestamp(post.createdTime())).put("permalink_url", post.permalinkUrl());
        return post.message() == null ? json : json.put("message", post.message());
    }
}
