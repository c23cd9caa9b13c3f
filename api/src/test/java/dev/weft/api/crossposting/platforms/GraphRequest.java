package dev.weft.api.crossposting.platforms;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A request to a Graph API (Threads' or Facebook's), read the way both read one: the path
 * with or without a version prefix (the Graph API serves unversioned calls on its oldest
 * version), parameters in the query or the body, and the token as the access_token parameter
 * or an Authorization: Bearer header.
 */
final class GraphRequest {
    private static final int DEFAULT_PAGE = 25;
    private static final int MAX_PAGE = 100;
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

    /** "" past the path's end, so a refusal can name the node even of a request to the bare root. */
    String segment(int index) {
        return index < path.size() ? path.get(index) : "";
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
     * always the node's id when it has one, as the Graph API answers. A field the node type
     * does not have is refused as the Graph API refuses it; one it has but this node lacks is
     * left out.
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

    /**
     * A newest-first list a page at a time, as {"data": [...], "paging": {"cursors": ...}}:
     * limit (25 unless given, at most 100) and an after cursor, which names the last item seen.
     */
    <T> ObjectNode paged(List<T> newestFirst, Function<T, String> idOf, Function<T, ObjectNode> jsonOf) {
        int limit = params.given("limit").map(GraphRequest::pageLimit).orElse(DEFAULT_PAGE);
        int from = params.given("after").map(GraphRequest::decodeCursor)
                .map(lastSeen -> indexAfter(newestFirst, idOf, lastSeen)).orElse(0);
        List<T> page = newestFirst.subList(Math.min(from, newestFirst.size()),
                Math.min(from + limit, newestFirst.size()));
        ObjectNode answer = Json.object();
        ArrayNode data = answer.putArray("data");
        page.forEach(item -> data.add(jsonOf.apply(item)));
        if (!page.isEmpty()) {
            answer.putObject("paging").putObject("cursors").put("before", cursor(idOf.apply(page.get(0))))
                    .put("after", cursor(idOf.apply(page.get(page.size() - 1))));
        }
        return answer;
    }

    static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    private static int pageLimit(String limit) {
        int asked = Params.wholeNumber(limit).filter(n -> n > 0)
                .orElseThrow(() -> new GraphRefusal(GraphError.invalidParameter("Param limit must be a positive integer")));
        return Math.min(asked, MAX_PAGE);
    }

    private static <T> int indexAfter(List<T> items, Function<T, String> idOf, String lastSeenId) {
        for (int i = 0; i < items.size(); i++) {
            if (idOf.apply(items.get(i)).equals(lastSeenId)) {
                return i + 1;
            }
        }
        return items.size();
    }

    private static String cursor(String id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeCursor(String cursor) {
        return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    }
}
