package dev.weft.infrastructure.crossposting;

import dev.weft.application.shared.Clock;
import dev.weft.infrastructure.crossposting.PlatformClient.IfRepeated;
import dev.weft.infrastructure.http.HttpReply;
import java.net.URI;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Requests to one of Meta's Graph APIs (Threads, Facebook) at a versioned base URL. The token
 * goes as the access_token parameter, in the form body of a POST and in the query otherwise,
 * as the Graph API documents; an answer other than 2xx is raised as its {@link GraphError}.
 */
public final class GraphClient {
    private static final Map<String, String> ACCEPT_JSON = Map.of("Accept", Json.CONTENT_TYPE);

    private final PlatformClient http;
    private final String base;
    private final Clock clock;

    public GraphClient(PlatformClient http, String base, Clock clock) {
        this.http = http;
        this.base = base;
        this.clock = clock;
    }

    /** The same API at its host's root, for the few endpoints outside the versioned path. */
    public GraphClient atHostRoot() {
        URI versioned = URI.create(base);
        return new GraphClient(http, versioned.getScheme() + "://" + versioned.getRawAuthority(), clock);
    }

    public JsonNode get(String path, String token, String... parameters) {
        return read(http.get(Forms.uri(base, path, withToken(token, parameters)), ACCEPT_JSON));
    }

    public JsonNode post(String path, String token, IfRepeated ifRepeated, String... parameters) {
        return read(http.post(Forms.uri(base, path, Map.of()), Map.of("Accept", Json.CONTENT_TYPE,
                "Content-Type", Forms.CONTENT_TYPE), Forms.body(withToken(token, parameters)), ifRepeated));
    }

    public JsonNode delete(String path, String token) {
        return read(http.delete(Forms.uri(base, path, withToken(token)), ACCEPT_JSON));
    }

    private static Map<String, String> withToken(String token, String... parameters) {
        Map<String, String> fields = Forms.fields(parameters);
        fields.putAll(Forms.fields("access_token", token));
        return fields;
    }

    private JsonNode read(HttpReply reply) {
        if (!PlatformClient.succeeded(reply)) {
            throw new FailedRequest(GraphError.classify(reply, clock.now()));
        }
        return Json.read(reply);
    }
}
