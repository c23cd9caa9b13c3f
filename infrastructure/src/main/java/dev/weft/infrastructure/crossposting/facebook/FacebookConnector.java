package dev.weft.infrastructure.crossposting.facebook;

import dev.weft.application.crossposting.formatting.TargetRules;
import dev.weft.application.crossposting.platforms.CredentialsRejectedException;
import dev.weft.application.crossposting.platforms.LinkRequest;
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
import dev.weft.infrastructure.crossposting.GraphClient;
import dev.weft.infrastructure.crossposting.Json;
import dev.weft.infrastructure.crossposting.Outcomes;
import dev.weft.infrastructure.crossposting.PlatformClient;
import dev.weft.infrastructure.crossposting.PlatformClient.IfRepeated;
import dev.weft.infrastructure.crossposting.PlatformEndpoints;
import dev.weft.infrastructure.crossposting.PlatformFailure;
import dev.weft.infrastructure.crossposting.StoredSecrets;
import dev.weft.infrastructure.crossposting.Timestamps;
import dev.weft.infrastructure.http.SafeHttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * A Facebook Page, through the Graph API at {@link PlatformEndpoints#facebookBaseUrl()} with
 * the page's access token, as documented at https://developers.facebook.com/docs/pages-api/posts
 * (POST /{page-id}/feed, DELETE /{post-id}), /docs/graph-api/reference/page/feed and
 * /docs/pages-api/getting-started; errors as {@link dev.weft.infrastructure.crossposting.GraphError}.
 *
 * <p>The first URL in the text goes as the link parameter, from which Facebook makes the
 * preview. Pages have no threads of self-replies, so a part that replies is refused. Facebook
 * has no idempotency key: an unanswered attempt is reconciled by looking among the page's posts
 * for one with exactly this message, created no earlier than a minute before that attempt, and
 * publishing only when there is none. A post whose permalink cannot be read is given
 * https://www.facebook.com/{post-id}, which Facebook resolves.
 */
@Component
public class FacebookConnector implements PlatformConnector {
    static final Duration CREATED_TIME_SLACK = Duration.ofMinutes(1);
    private static final String LISTED_POSTS = "100";
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+");
    private static final String TRAILING_PUNCTUATION = ".,;:!?)]}'";
    private static final Logger LOG = LoggerFactory.getLogger(FacebookConnector.class);

    private final GraphClient graph;
    private final LinkSecrets secrets;

    public FacebookConnector(SafeHttpClient http, LinkSecrets secrets, PlatformEndpoints endpoints, Clock clock) {
        this.graph = new GraphClient(new PlatformClient(http, "Facebook"), endpoints.facebookBaseUrl(), clock);
        this.secrets = secrets;
    }

    @Override
    public Platform platform() {
        return Platform.FACEBOOK;
    }

    @Override
    public VerifiedAccount verify(LinkRequest request) {
        JsonNode page = page(request.externalAccountId(), request.secret().accessToken());
        String id = Json.text(page, "id").orElseThrow(() -> new PlatformUnreachableException(
                "Facebook answered without naming page " + request.externalAccountId()));
        return new VerifiedAccount(id, request.externalAccountId(), Json.text(page, "name").orElse(id),
                request.secret());
    }

    private JsonNode page(String pageId, String token) {
        try {
            return graph.get("/" + Forms.segment(pageId), token, "fields", "id,name");
        } catch (FailedRequest e) {
            if (e.failure().kind() == PlatformFailure.Kind.UNAUTHORIZED) {
                throw new CredentialsRejectedException("accessToken", "Facebook refused the page token: "
                        + e.getMessage());
            }
            if (e.failure().kind() == PlatformFailure.Kind.GONE || e.failure().kind() == PlatformFailure.Kind.REFUSED) {
                throw new CredentialsRejectedException("externalAccountId", "Facebook has no page " + pageId
                        + " this token may use: " + e.getMessage());
            }
            throw new PlatformUnreachableException("Facebook did not confirm page " + pageId + ": " + e.getMessage());
        }
    }

    @Override
    public TargetRules rules(LinkTarget link) {
        return TargetRules.facebook();
    }

    @Override
    public Optional<Instant> quotaWait(LinkTarget link, int parts, Instant now) {
        return Optional.empty();
    }

    @Override
    public PartOutcome publish(LinkTarget link, PartRequest part, Checkpoints checkpoints) {
        if (part.isReply()) {
            return new PartOutcome.Refused("Facebook pages have no threads: a part cannot reply to another", null);
        }
        return Outcomes.ofPublishing(() -> newPost(link, part, token(link)));
    }

    private PartOutcome newPost(LinkTarget link, PartRequest part, String token) {
        String message = part.formatted().text();
        JsonNode created = graph.post("/" + Forms.segment(link.remoteAccountId()) + "/feed", token,
                IfRepeated.MAY_DUPLICATE, "message", message, "link", firstLink(message).orElse(null));
        String postId = Json.text(created, "id").orElseThrow(() -> new FailedRequest(PlatformFailure.unknown(
                "Facebook answered without a post id; the post may have been published")));
        return new PartOutcome.Published(new RemotePart(postId, permalink(postId, token), null));
    }

    static Optional<String> firstLink(String text) {
        Matcher url = URL.matcher(text);
        if (!url.find()) {
            return Optional.empty();
        }
        String found = url.group();
        int end = found.length();
        while (end > 0 && TRAILING_PUNCTUATION.indexOf(found.charAt(end - 1)) >= 0) {
            end--;
        }
        return Optional.of(found.substring(0, end));
    }

    /** The post is out; a permalink that cannot be read now must not turn that into a failure. */
    private String permalink(String postId, String token) {
        try {
            return Json.text(graph.get("/" + Forms.segment(postId), token, "fields", "permalink_url"), "permalink_url")
                    .orElseGet(() -> fallbackPermalink(postId));
        } catch (FailedRequest e) {
            LOG.info("Facebook did not give the permalink of post {} ({})", postId, e.getMessage());
            return fallbackPermalink(postId);
        }
    }

    private static String fallbackPermalink(String postId) {
        return "https://www.facebook.com/" + Forms.segment(postId);
    }

    @Override
    public PartOutcome reconcile(LinkTarget link, PartRequest part, Instant attemptStartedAt,
                                 Checkpoints checkpoints) {
        if (part.isReply()) {
            return publish(link, part, checkpoints);
        }
        return Outcomes.ofPublishing(() -> {
            String token = token(link);
            Instant since = attemptStartedAt.minus(CREATED_TIME_SLACK);
            return published(link, part.formatted().text(), since, token)
                    .<PartOutcome>map(PartOutcome.Published::new)
                    .orElseGet(() -> newPost(link, part, token));
        });
    }

    private Optional<RemotePart> published(LinkTarget link, String message, Instant since, String token) {
        JsonNode listed = graph.get("/" + Forms.segment(link.remoteAccountId()) + "/posts", token,
                "fields", "id,message,created_time,permalink_url", "since", String.valueOf(since.getEpochSecond()),
                "limit", LISTED_POSTS);
        return StreamSupport.stream(listed.path("data").spliterator(), false)
                .map(FacebookConnector::pagePost)
                .filter(post -> post.carries(message, since))
                .findFirst()
                .map(post -> new RemotePart(post.id(), post.permalinkUrl() != null ? post.permalinkUrl()
                        : fallbackPermalink(post.id()), null));
    }

    private static PagePost pagePost(JsonNode listed) {
        return new PagePost(Json.text(listed, "id").orElse(null), Json.text(listed, "message").orElse(null),
                Json.text(listed, "permalink_url").orElse(null),
                Json.text(listed, "created_time").flatMap(Timestamps::parse).orElse(null));
    }

    @Override
    public RemovalOutcome delete(LinkTarget link, RemotePart part) {
        return Outcomes.ofRemoval(() -> {
            graph.delete("/" + Forms.segment(part.remoteId()), token(link));
            return new RemovalOutcome.Removed();
        });
    }

    private String token(LinkTarget link) {
        return StoredSecrets.required(secrets, link).accessToken();
    }
}
