package dev.weft.api.crossposting.platforms;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The PDS's XRPC endpoints over a {@link BlueskyPds}: /xrpc/{nsid}, JSON in, JSON out. */
final class BlueskyXrpcApi implements PlatformApi {
    static final String CREATE_SESSION = "com.atproto.server.createSession";
    static final String REFRESH_SESSION = "com.atproto.server.refreshSession";
    static final String CREATE_RECORD = "com.atproto.repo.createRecord";
    static final String GET_RECORD = "com.atproto.repo.getRecord";
    static final String DELETE_RECORD = "com.atproto.repo.deleteRecord";
    private static final Map<String, RequestMethod> METHODS = Map.of(CREATE_SESSION, RequestMethod.POST,
            REFRESH_SESSION, RequestMethod.POST, CREATE_RECORD, RequestMethod.POST, GET_RECORD, RequestMethod.GET,
            DELETE_RECORD, RequestMethod.POST);
    private static final String XRPC = "/xrpc/";
    private static final int WRITE_POINTS_PER_HOUR = 5000;

    private final BlueskyPds pds;

    BlueskyXrpcApi(BlueskyPds pds) {
        this.pds = pds;
    }

    @Override
    public ResponseDefinition answer(Request request) {
        try {
            return route(request).build();
        } catch (XrpcRefusal refusal) {
            return error(refusal).build();
        }
    }

    @Override
    public ResponseDefinition refusal(Failure failure) {
        if (failure instanceof Failure.RateLimited rateLimited) {
            long resetAt = pds.now().plus(rateLimited.retryAfter()).getEpochSecond();
            return error(new XrpcRefusal(429, "RateLimitExceeded", "Rate Limit Exceeded"))
                    .withHeader("RateLimit-Limit", Integer.toString(WRITE_POINTS_PER_HOUR))
                    .withHeader("RateLimit-Remaining", "0").withHeader("RateLimit-Reset", Long.toString(resetAt))
                    .withHeader("RateLimit-Policy", WRITE_POINTS_PER_HOUR + ";w=3600")
                    .withHeader("Retry-After", Long.toString(rateLimited.retryAfterSeconds())).build();
        }
        return error(XrpcRefusal.internalServerError()).build();
    }

    private ResponseDefinitionBuilder route(Request request) {
        String path = URI.create(request.getUrl()).getPath();
        String nsid = path.startsWith(XRPC) ? path.substring(XRPC.length()) : "";
        RequestMethod expected = METHODS.get(nsid);
        if (expected == null) {
            throw new XrpcRefusal(501, "MethodNotImplemented", "Method Not Implemented");
        }
        if (!expected.equals(request.getMethod())) {
            throw XrpcRefusal.invalidRequest("Incorrect HTTP method (" + request.getMethod() + ") expected " + expected);
        }
        JsonNode body = Json.parse(request.getBodyAsString());
        return switch (nsid) {
            case CREATE_SESSION -> Json.response(200, sessionJson(pds.createSession(body)));
            case REFRESH_SESSION -> Json.response(200, sessionJson(pds.refreshSession(bearer(request))));
            case CREATE_RECORD -> Json.response(200, createdJson(pds.createRecord(pds.authenticate(bearer(request)), body)));
            case GET_RECORD -> Json.response(200, recordJson(pds.getRecord(Params.of(request))));
            default -> Json.response(200, deletedJson(pds.deleteRecord(pds.authenticate(bearer(request)), body)));
        };
    }

    private static Optional<String> bearer(Request request) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(authorization.substring(7).strip());
    }

    private static ObjectNode sessionJson(BlueskyPds.Session session) {
        return Json.object().put("accessJwt", session.accessJwt()).put("refreshJwt", session.refreshJwt())
                .put("handle", session.account().handle()).put("did", session.account().did()).put("active", true);
    }

    private static ObjectNode createdJson(BlueskyPds.Created created) {
        ObjectNode json = Json.object().put("uri", created.uri()).put("cid", created.cid());
        json.putObject("commit").put("cid", created.commitCid()).put("rev", created.rev());
        return json.put("validationStatus", created.validated() ? "valid" : "unknown");
    }

    private static ObjectNode recordJson(BlueskyPds.Stored stored) {
        ObjectNode json = Json.object().put("uri", stored.uri()).put("cid", stored.cid());
        return json.set("value", stored.value().deepCopy());
    }

    private static ObjectNode deletedJson(Optional<String> rev) {
        ObjectNode json = Json.object();
        rev.ifPresent(commitRev -> json.putObject("commit").put("cid", Cid.of(commitRev)).put("rev", commitRev));
        return json;
    }

    private static ResponseDefinitionBuilder error(XrpcRefusal refusal) {
        ResponseDefinitionBuilder response = Json.response(refusal.status(),
                Json.object().put("error", refusal.error()).put("message", refusal.getMessage()));
        return refusal.status() == 401 ? response.withHeader("WWW-Authenticate", "Bearer") : response;
    }
}
