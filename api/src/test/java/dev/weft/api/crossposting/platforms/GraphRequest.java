package dev.weft.api.crossposting.platforms;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ObjectNode;

/**
 * A request to a Graph API (Threads' or Facebook's), read the way both read one: the path
 * with or without a version prefix (the Graph API serves unversioned calls on its oldest
 * version), parameters in the query or the body, and the token as the access_token parameter
 * or an Authorization: Bearer header.
 */
final class GraphRequest {
    private static final Pattern VERSION = Pattern.compile("^/v\\d+(?:\\.\\d+)?(?=/)");
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ").withZone(ZoneOffset.UTC);

    private final RequestMethod method;
    private final List<String> path;
    private final Params params;
    private final String authorization;

    private GraphRequest(RequestMethod method, List<String> path, Params params, String authorization) {
        this.method = method;
        this.path = path;
        this.params = params;
        this.authorization = authorization;
    }

    static GraphRequest of(Request request) {
        String unversioned = VERSION.matcher(URI.create(request.getUrl()).getPath()).replaceFirst("");
        List<String> path = Arrays.stream(unversioned.split("/")).filter(segment -> !segment.isEmpty()).toList();
        return new GraphRequest(request.getMethod(), path, Params.of(request), request.getHeader("Authorization"));
    }

    boolean is(RequestMethod expected, int segments) {
        return method.equals(expected) && path.size() == segments;
    }

    String segment(int index) {
        return path.get(index);
    }

    RequestMethod method() {
        return method;
    }

    Params params() {
        return params;
    }

    Optional<String> accessToken() {
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(authorization.substring(7).strip());
        }
        return params.given("access_token");
    }

    /**
     * The node's fields the request asked for, the given defaults when it named none, and
     * always the node's id when it has one, as the Graph API answers. A field the node type does not have is refused
     * as the Graph API refuses it; one it has but this node lacks is left out.
     */
    ObjectNode pick(ObjectNode node, String nodeType, Set<String> knownFields, List<String> defaults) {
        List<String> asked = params.given("fields").map(fields -> List.of(fields.split(",")))
                .map(fields -> fields.stream().map(String::strip).toList()).orElse(defaults);
        ObjectNode picked = Json.object();
        for (String field : asked) {
            if (!knownFields.contains(field)) {
                throw new GraphRefusal(GraphError.invalidParameter(
                        "Tried accessing nonexisting field (" + field + ") on node type (" + nodeType + ")"));
            }
            if (node.has(field)) {
                picked.set(field, node.get(field));
            }
        }
        if (node.has("id")) {
            picked.set("id", node.get("id"));
        }
        return picked;
    }

    static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    static ResponseDefinition refusal(Failure failure) {
        if (failure instanceof Failure.RateLimited rateLimited) {
            return GraphError.rateLimited(4).withHttpStatus(429).response()
                    .withHeader("Retry-After", Long.toString(rateLimited.retryAfterSeconds())).build();
        }
        return GraphError.unexpected().response().build();
    }
}
