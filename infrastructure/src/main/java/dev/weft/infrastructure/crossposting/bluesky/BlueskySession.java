package dev.weft.infrastructure.crossposting.bluesky;

import dev.weft.application.crossposting.platforms.LinkSecret;
import dev.weft.application.crossposting.platforms.LinkSecrets;
import dev.weft.application.crossposting.platforms.LinkTarget;
import dev.weft.application.shared.Clock;
import dev.weft.infrastructure.crossposting.FailedRequest;
import dev.weft.infrastructure.crossposting.Forms;
import dev.weft.infrastructure.crossposting.Json;
import dev.weft.infrastructure.crossposting.PlatformClient;
import dev.weft.infrastructure.crossposting.PlatformClient.IfRepeated;
import dev.weft.infrastructure.crossposting.PlatformFailure;
import dev.weft.infrastructure.crossposting.StoredSecrets;
import dev.weft.infrastructure.http.HttpReply;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Requests to a PDS as the linked account, with the stored access token. When the PDS says
 * that token expired (or answers 401), the session is renewed once and the request sent again:
 * first with com.atproto.server.refreshSession and the refresh token, then, should that fail,
 * with com.atproto.server.createSession and the app password, which is why the link keeps it.
 * The new pair is stored at once, never blanking what the answer leaves out. Only a sign-in
 * the PDS refuses makes the link unauthorized.
 */
final class BlueskySession {
    private final PlatformClient http;
    private final LinkSecrets secrets;
    private final Clock clock;

    BlueskySession(PlatformClient http, LinkSecrets secrets, Clock clock) {
        this.http = http;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** request gets the access token and sends the call. */
    HttpReply call(LinkTarget link, String pds, Function<String, HttpReply> request) {
        LinkSecret secret = StoredSecrets.required(secrets, link);
        HttpReply reply = request.apply(secret.accessToken());
        if (reply.status() != 401 && !XrpcError.of(reply).is("ExpiredToken")) {
            return reply;
        }
        return request.apply(renewed(link, pds, secret).accessToken());
    }

    private LinkSecret renewed(LinkTarget link, String pds, LinkSecret secret) {
        LinkSecret renewed = refreshed(pds, secret).orElseGet(() -> signedIn(link, pds, secret));
        secrets.replace(link.linkId(), renewed);
        return renewed;
    }

    private Optional<LinkSecret> refreshed(String pds, LinkSecret secret) {
        if (secret.refreshToken() == null) {
            return Optional.empty();
        }
        try {
            HttpReply reply = http.post(xrpc(pds, "com.atproto.server.refreshSession", Map.of()),
                    headers(secret.refreshToken()), null, IfRepeated.HARMLESS);
            return PlatformClient.succeeded(reply) ? renewedWith(secret, Json.read(reply)) : Optional.empty();
        } catch (FailedRequest e) {
            return Optional.empty();
        }
    }

    private LinkSecret signedIn(LinkTarget link, String pds, LinkSecret secret) {
        if (secret.appPassword() == null) {
            throw new FailedRequest(PlatformFailure.unauthorized("Bluesky's session ended and no app password is"
                    + " stored to sign in again; link the account again", null));
        }
        HttpReply reply = createSession(http, pds, link.remoteAccountId(), secret.appPassword());
        if (!PlatformClient.succeeded(reply)) {
            throw new FailedRequest(XrpcError.classify(reply, clock.now()));
        }
        return renewedWith(secret, Json.read(reply)).orElseThrow(() -> new FailedRequest(PlatformFailure.retry(
                "Bluesky opened a session without its tokens", reply.status(), null)));
    }

    private static Optional<LinkSecret> renewedWith(LinkSecret secret, JsonNode session) {
        return Json.text(session, "accessJwt").map(access -> secret.refreshedWith(access,
                Json.text(session, "refreshJwt").orElse(null), null));
    }

    static HttpReply createSession(PlatformClient http, String pds, String identifier, String password) {
        byte[] body = Json.bytes(Json.object().put("identifier", identifier).put("password", password));
        return http.post(xrpc(pds, "com.atproto.server.createSession", Map.of()), headers(null), body,
                IfRepeated.HARMLESS);
    }

    static URI xrpc(String pds, String method, Map<String, String> query) {
        return Forms.uri(pds, "/xrpc/" + method, query);
    }

    static Map<String, String> headers(String bearer) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", Json.CONTENT_TYPE);
        headers.put("Content-Type", Json.CONTENT_TYPE);
        if (bearer != null) {
            headers.put("Authorization", "Bearer " + bearer);
        }
        return headers;
    }
}
