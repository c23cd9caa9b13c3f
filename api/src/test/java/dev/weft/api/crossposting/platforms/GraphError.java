package dev.weft.api.crossposting.platforms;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/**
 * An error in the Graph API's shape, {"error": {"message", "type", "code", "error_subcode",
 * "fbtrace_id"}}, as Threads and Facebook both answer them. A connector should decide on the
 * code (and subcode), not on the HTTP status: the Graph API answers most errors with 400, and
 * {@link #withHttpStatus} lets a test check that a connector does.
 */
public record GraphError(int httpStatus, int code, Integer subcode, String type, String message) {
    private static final String OAUTH = "OAuthException";
    private static final Map<Integer, String> RATE_LIMITS = Map.of(
            4, "(#4) Application request limit reached",
            17, "(#17) User request limit reached",
            32, "(#32) Page request limit reached",
            613, "(#613) Calls to this api have exceeded the rate limit.");
    private static final DateTimeFormatter SESSION_TIME =
            DateTimeFormatter.ofPattern("EEEE, dd-MMM-yy HH:mm:ss 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    public static GraphError tokenRequired() {
        return new GraphError(400, 104, null, OAUTH, "An access token is required to request this resource.");
    }

    public static GraphError invalidToken() {
        return new GraphError(400, 190, null, OAUTH, "Invalid OAuth access token - Cannot parse access token");
    }

    public static GraphError expiredToken(Instant expiredAt, Instant now) {
        return new GraphError(400, 190, 463, OAUTH, "Error validating access token: Session has expired on "
                + SESSION_TIME.format(expiredAt) + ". The current time is " + SESSION_TIME.format(now) + ".");
    }

    public static GraphError revokedToken() {
        return new GraphError(400, 190, 460, OAUTH, "Error validating access token: The session has been invalidated"
                + " because the user changed their password or Facebook has changed the session for security reasons.");
    }

    /** One of the Graph API's rate-limit codes: 4 (app), 17 (user), 32 (page), 613 (this API). */
    public static GraphError rateLimited(int code) {
        String message = RATE_LIMITS.get(code);
        if (message == null) {
            throw new IllegalArgumentException("not a Graph rate-limit code: " + code);
        }
        return new GraphError(400, code, null, OAUTH, message);
    }

    public static GraphError blockedForPolicy() {
        return new GraphError(400, 368, null, OAUTH,
                "(#368) The action attempted has been deemed abusive or is otherwise disallowed");
    }

    public static GraphError duplicatePost() {
        return new GraphError(400, 506, null, OAUTH, "(#506) Duplicate status message");
    }

    public static GraphError invalidParameter(String detail) {
        return new GraphError(400, 100, null, OAUTH, "(#100) " + detail);
    }

    /** What the Graph API answers for an id that does not exist, or that this token may not touch. */
    public static GraphError unsupportedRequest(String method, String id) {
        return new GraphError(400, 100, 33, "GraphMethodException", "Unsupported " + method.toLowerCase(Locale.ROOT)
                + " request. Object with ID '" + id + "' does not exist, cannot be loaded due to missing permissions,"
                + " or does not support this operation. Please read the Graph API documentation at"
                + " https://developers.facebook.com/docs/graph-api");
    }

    public static GraphError permissionDenied(String detail) {
        return new GraphError(403, 200, null, OAUTH, "(#200) " + detail);
    }

    public static GraphError unexpected() {
        return new GraphError(500, 2, null, OAUTH, "An unexpected error has occurred. Please retry your request later.");
    }

    public GraphError withHttpStatus(int status) {
        return new GraphError(status, code, subcode, type, message);
    }

    ResponseDefinitionBuilder response() {
        ObjectNode body = Json.object();
        ObjectNode error = body.putObject("error").put("message", message).put("type", type).put("code", code);
        if (subcode != null) {
            error.put("error_subcode", subcode);
        }
        error.put("fbtrace_id", UUID.randomUUID().toString().replace("-", ""));
        return Json.response(httpStatus, body);
    }
}
