package dev.weft.infrastructure.crossposting.mastodon;

import dev.weft.application.crossposting.formatting.TargetRules;
import dev.weft.application.crossposting.platforms.CredentialsRejectedException;
import dev.weft.application.crossposting.platforms.LinkRequest;
import dev.weft.application.crossposting.platforms.LinkSecret;
import dev.weft.application.crossposting.platforms.LinkSecrets;
import dev.weft.application.crossposting.platforms.LinkTarget;
import dev.weft.application.crossposting.platforms.PartOutcome;
import dev.weft.application.crossposting.platforms.PartRequest;
import dev.weft.application.crossposting.platforms.PlatformConnector;
import dev.weft.application.crossposting.platforms.PlatformUnreachableException;
import dev.weft.application.crossposting.platforms.RemotePart;
import dev.weft.application.crossposting.platforms.RemovalOutcome;
import dev.weft.application.crossposting.platforms.VerifiedAccount;
import dev.weft.application.shared.Clock;
import dev.weft.domain.links.Platform;
import dev.weft.infrastructure.crossposting.FailedRequest;
import dev.weft.infrastructure.crossposting.Forms;
import dev.weft.infrastructure.crossposting.Json;
import dev.weft.infrastructure.crossposting.Outcomes;
import dev.weft.infrastructure.crossposting.PlatformClient;
import dev.weft.infrastructure.crossposting.PlatformClient.IfRepeated;
import dev.weft.infrastructure.crossposting.PlatformEndpoints;
import dev.weft.infrastructure.crossposting.PlatformFailure;
import dev.weft.infrastructure.crossposting.RateLimitHeaders;
import dev.weft.infrastructure.crossposting.StoredSecrets;
import dev.weft.infrastructure.http.HttpReply;
import dev.weft.infrastructure.http.SafeHttpClient;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Mastodon, on whichever instance the link names, as documented at
 * https://docs.joinmastodon.org/methods/accounts/#verify_credentials,
 * https://docs.joinmastodon.org/methods/instance/ (v2, and v1 for older servers),
 * https://docs.joinmastodon.org/methods/statuses/#create and #delete, and
 * https://docs.joinmastodon.org/api/rate-limits/.
 *
 * <p>Every status carries the part's Idempotency-Key, which Mastodon keeps for up to an hour:
 * a reconcile within {@link #IDEMPOTENCY_WINDOW} of the unanswered attempt simply posts again
 * and gets the first status back. Later than that the key may be forgotten, and a second post
 * could be a duplicate, so the part is refused as of unknown outcome instead. Weft's
 * followers-only is Mastodon's private. A 403 means the token lacks the write:statuses scope
 * (or the login is disabled): like a 401, only linking again helps. A 429 waits for
 * X-RateLimit-Reset, the header Mastodon documents, else for Retry-After.
 */
@Component
public class MastodonConnector implements PlatformConnector {
    /** Five minutes short of the documented hour, for clocks that disagree. */
    static final Duration IDEMPOTENCY_WINDOW = Duration.ofMinutes(55);
    private static final String PLATFORM = "Mastodon";

    private final PlatformClient http;
    private final LinkSecrets secrets;
    private final Clock clock;
    private final MastodonInstanceRules instanceRules;

    public MastodonConnector(SafeHttpClient http, LinkSecrets secrets, PlatformEndpoints endpoints, Clock clock) {
        this.http = new PlatformClient(http, PLATFORM);
        this.secrets = secrets;
        this.clock = clock;
        this.instanceRules = new MastodonInstanceRules(this.http, endpoints.instanceRulesTtl());
    }

    @Override
    public Platform platform() {
        return Platform.MASTODON;
    }

    @Override
    public VerifiedAccount verify(LinkRequest request) {
        HttpReply reply = ownAccount(request.instanceUrl(), request.secret().accessToken());
        if (reply.status() == 401 || reply.status() == 403) {
            throw new CredentialsRejectedException("accessToken", "Mastodon at " + request.instanceUrl()
                    + " refused the access token: " + reasonOf(reply));
        }
        JsonNode account = Json.read(reply);
        Optional<String> id = Json.text(account, "id");
        if (!PlatformClient.succeeded(reply) || id.isEmpty()) {
            throw new PlatformUnreachableException("Mastodon at " + request.instanceUrl()
                    + " did not confirm the account: " + reasonOf(reply));
        }
        String username = Json.text(account, "username").orElse(null);
        return new VerifiedAccount(id.get(), Json.text(account, "acct").orElse(username),
                Json.text(account, "display_name").orElse(username), request.secret());
    }

    private HttpReply ownAccount(String instanceUrl, String token) {
        try {
            return http.get(endpoint(instanceUrl, "/api/v1/accounts/verify_credentials"),
                    headers(Optional.ofNullable(token)));
        } catch (FailedRequest e) {
            throw new PlatformUnreachableException(e.getMessage());
        }
    }

    @Override
    public TargetRules rules(LinkTarget link) {
        return instanceRules.of(link.instanceUrl(), secrets.reveal(link.linkId()).map(LinkSecret::accessToken));
    }

    @Override
    public Optional<Instant> quotaWait(LinkTarget link, int parts, Instant now) {
        return Optional.empty();
    }

    @Override
    public PartOutcome publish(LinkTarget link, PartRequest part, Checkpoints checkpoints) {
        return Outcomes.ofPublishing(() -> postStatus(link, part));
    }

    private PartOutcome postStatus(LinkTarget link, PartRequest part) {
        Map<String, String> headers = new LinkedHashMap<>(headers(Optional.of(token(link))));
        headers.put("Content-Type", Forms.CONTENT_TYPE);
        headers.put("Idempotency-Key", part.idempotencyKey());
        HttpReply reply = http.post(endpoint(link.instanceUrl(), "/api/v1/statuses"), headers,
                Forms.body(statusFields(part)), IfRepeated.MAY_DUPLICATE);
        return PlatformClient.succeeded(reply) ? published(Json.read(reply)) : failureOf(reply).asPartOutcome();
    }

    private static Map<String, String> statusFields(PartRequest part) {
        return Forms.fields("status", part.formatted().text(), "spoiler_text", part.spoilerText(),
                "language", part.language(), "visibility", visibilityOf(part.visibility()),
                "in_reply_to_id", part.isReply() ? part.parent().remoteId() : null);
    }

    private static String visibilityOf(String weftVisibility) {
        if ("public".equals(weftVisibility)) {
            return "public";
        }
        if ("followers-only".equals(weftVisibility)) {
            return "private";
        }
        throw new FailedRequest(PlatformFailure.refused("Mastodon has no visibility for Weft's '"
                + weftVisibility + "'", null));
    }

    private static PartOutcome published(JsonNode status) {
        Optional<String> id = Json.text(status, "id");
        if (id.isEmpty()) {
            return new PartOutcome.Unknown("Mastodon answered without a status id; the post may have been published");
        }
        String url = Json.text(status, "url").or(() -> Json.text(status, "uri")).orElse(null);
        return new PartOutcome.Published(new RemotePart(id.get(), url, null));
    }

    @Override
    public PartOutcome reconcile(LinkTarget link, PartRequest part, Instant attemptStartedAt,
                                 Checkpoints checkpoints) {
        if (Duration.between(attemptStartedAt, clock.now()).compareTo(IDEMPOTENCY_WINDOW) < 0) {
            return publish(link, part, checkpoints);
        }
        return new PartOutcome.Refused("The attempt of " + attemptStartedAt + " got no answer and Mastodon keeps"
                + " idempotency keys for an hour only: whether it was published is unknown, and Weft will not"
                + " risk a duplicate", null);
    }

    @Override
    public RemovalOutcome delete(LinkTarget link, RemotePart part) {
        return Outcomes.ofRemoval(() -> {
            HttpReply reply = http.delete(endpoint(link.instanceUrl(), "/api/v1/statuses/"
                    + Forms.segment(part.remoteId())), headers(Optional.of(token(link))));
            return PlatformClient.succeeded(reply) ? new RemovalOutcome.Removed()
                    : failureOf(reply).asRemovalOutcome();
        });
    }

    private PlatformFailure failureOf(HttpReply reply) {
        int status = reply.status();
        if (status == 403) {
            return PlatformFailure.unauthorized(reasonOf(reply), status);
        }
        if (status == 404) {
            return PlatformFailure.gone(reasonOf(reply), status);
        }
        Instant now = clock.now();
        Optional<Instant> retryAfter = RateLimitHeaders.retryAfter(reply, now);
        Optional<Instant> retryAt = status == 429 ? RateLimitHeaders.isoReset(reply).or(() -> retryAfter) : retryAfter;
        return PlatformFailure.ofStatus(status, errorOf(reply), retryAt.orElse(null));
    }

    private static String reasonOf(HttpReply reply) {
        return PlatformFailure.reason(reply.status(), errorOf(reply));
    }

    private static String errorOf(HttpReply reply) {
        return Json.text(Json.read(reply), "error").orElse(null);
    }

    private String token(LinkTarget link) {
        return StoredSecrets.required(secrets, link).accessToken();
    }

    static Map<String, String> headers(Optional<String> token) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", Json.CONTENT_TYPE);
        token.ifPresent(value -> headers.put("Authorization", "Bearer " + value));
        return headers;
    }

    private static URI endpoint(String instanceUrl, String path) {
        if (instanceUrl == null || !instanceUrl.strip().matches("(?i)https?://[^/\\s]+/*")) {
            throw new FailedRequest(PlatformFailure.refused("'" + instanceUrl
                    + "' is not the address of a Mastodon instance (https://host)", null));
        }
        return Forms.uri(instanceUrl.strip(), path, Map.of());
    }
}
