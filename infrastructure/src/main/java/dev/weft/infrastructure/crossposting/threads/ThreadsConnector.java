package dev.weft.infrastructure.crossposting.threads;

import dev.weft.application.crossposting.formatting.TargetRules;
import dev.weft.application.crossposting.platforms.CredentialRefresh;
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
import dev.weft.infrastructure.crossposting.GraphClient;
import dev.weft.infrastructure.crossposting.Json;
import dev.weft.infrastructure.crossposting.Outcomes;
import dev.weft.infrastructure.crossposting.PlatformClient;
import dev.weft.infrastructure.crossposting.PlatformEndpoints;
import dev.weft.infrastructure.crossposting.PlatformFailure;
import dev.weft.infrastructure.crossposting.StoredSecrets;
import dev.weft.infrastructure.http.SafeHttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Threads, through its Graph API at {@link PlatformEndpoints#threadsBaseUrl()}, as documented at
 * https://developers.facebook.com/docs/threads/posts (container, then threads_publish),
 * /docs/threads/troubleshooting (container statuses), /docs/threads/overview (250 posts per
 * 24 hours, threads_publishing_limit), /docs/threads/retrieve-and-manage-replies (1,000
 * replies per 24 hours), /docs/threads/retrieve-and-discover-posts/retrieve-posts,
 * /docs/threads/posts/delete-posts, /docs/threads/threads-profiles and
 * /docs/threads/get-started/long-lived-tokens; errors as {@link dev.weft.infrastructure.crossposting.GraphError}.
 *
 * <p>The container id is saved as the part's checkpoint the moment Threads names it, so a later
 * attempt resumes that container rather than making another. Its status is asked at once (a
 * text container is often ready), then after containerPollInterval, doubling, for at most
 * containerInlineWait; a container still in progress comes back after a minute, the interval
 * the troubleshooting page recommends. Threads has no idempotency key: a container that says
 * PUBLISHED is found among the account's posts (replies are listed apart) by its exact text,
 * published no earlier than a minute before the attempt in question (before the part was
 * written, for a plain publish that meets one). An expired container is replaced once per
 * attempt. A quota that is full is re-checked an hour later, and a token without a stated
 * expiry is taken for a 60-day long-lived one.
 */
@Component
public class ThreadsConnector implements PlatformConnector {
    static final Duration QUOTA_RECHECK = Duration.ofHours(1);
    static final Duration LONG_LIVED_TOKEN = Duration.ofDays(60);
    static final Duration PUBLISHED_TIME_SLACK = Duration.ofMinutes(1);
    static final int DOCUMENTED_POST_QUOTA = 250;
    static final int DOCUMENTED_REPLY_QUOTA = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(ThreadsConnector.class);

    private final ThreadsApi api;
    private final LinkSecrets secrets;
    private final PlatformEndpoints endpoints;
    private final Clock clock;

    public ThreadsConnector(SafeHttpClient http, LinkSecrets secrets, PlatformEndpoints endpoints, Clock clock) {
        this.api = new ThreadsApi(new GraphClient(new PlatformClient(http, "Threads"), endpoints.threadsBaseUrl(),
                clock));
        this.secrets = secrets;
        this.endpoints = endpoints;
        this.clock = clock;
    }

    @Override
    public Platform platform() {
        return Platform.THREADS;
    }

    @Override
    public VerifiedAccount verify(LinkRequest request) {
        LinkSecret given = request.secret();
        JsonNode profile = profile(given.accessToken());
        String id = Json.text(profile, "id").orElseThrow(() -> new PlatformUnreachableException(
                "Threads answered without naming the account"));
        String username = Json.text(profile, "username").orElse(id);
        Instant expiresAt = given.expiresAt() != null ? given.expiresAt() : clock.now().plus(LONG_LIVED_TOKEN);
        return new VerifiedAccount(id, username, Json.text(profile, "name").orElse(username),
                given.refreshedWith(null, null, expiresAt));
    }

    private JsonNode profile(String token) {
        try {
            return api.profile(token);
        } catch (FailedRequest e) {
            if (e.failure().kind() == PlatformFailure.Kind.UNAUTHORIZED) {
                throw new CredentialsRejectedException("accessToken", "Threads refused the access token: "
                        + e.getMessage());
            }
            throw new PlatformUnreachableException("Threads did not confirm the account: " + e.getMessage());
        }
    }

    @Override
    public TargetRules rules(LinkTarget link) {
        return TargetRules.threads();
    }

    @Override
    public Optional<Instant> quotaWait(LinkTarget link, int parts, Instant now) {
        try {
            JsonNode usage = api.publishingLimit(link.remoteAccountId(), token(link)).path("data").path(0);
            return quotaFull(usage, parts) ? Optional.of(now.plus(QUOTA_RECHECK)) : Optional.empty();
        } catch (FailedRequest e) {
            LOG.info("Threads did not tell the publishing quota of link {} ({}); threads_publish enforces it anyway",
                    link.linkId(), e.getMessage());
            return Optional.empty();
        }
    }

    /** Every part is counted against the post quota; the replies of a thread against the reply quota too. */
    private static boolean quotaFull(JsonNode usage, int parts) {
        return exceeds(usage, "quota_usage", "config", DOCUMENTED_POST_QUOTA, parts)
                || exceeds(usage, "reply_quota_usage", "reply_config", DOCUMENTED_REPLY_QUOTA, parts - 1);
    }

    private static boolean exceeds(JsonNode usage, String usedField, String configField, int documented,
                                   int wanted) {
        OptionalLong used = Json.number(usage, usedField);
        long total = Json.number(usage.path(configField), "quota_total").orElse(documented);
        return wanted > 0 && used.isPresent() && used.getAsLong() + wanted > total;
    }

    @Override
    public PartOutcome publish(LinkTarget link, PartRequest part, Checkpoints checkpoints) {
        return Outcomes.ofPublishing(() -> {
            Attempt attempt = new Attempt(link.remoteAccountId(), part, token(link), checkpoints, part.createdAt(),
                    false);
            String container = part.checkpoint() != null ? part.checkpoint() : newContainer(attempt);
            return advance(attempt, container, endpoints.containerInlineWait());
        });
    }

    @Override
    public PartOutcome reconcile(LinkTarget link, PartRequest part, Instant attemptStartedAt,
                                 Checkpoints checkpoints) {
        if (part.checkpoint() == null) {
            return publish(link, part, checkpoints);
        }
        return Outcomes.ofPublishing(() -> advance(new Attempt(link.remoteAccountId(), part, token(link), checkpoints,
                attemptStartedAt, false), part.checkpoint(), Duration.ZERO));
    }

    /** One attempt at a part; publishedNotBefore bounds the search for a post already made. */
    private record Attempt(String userId, PartRequest part, String token, Checkpoints checkpoints,
                           Instant publishedNotBefore, boolean containerRenewed) {
        Attempt withRenewedContainer() {
            return new Attempt(userId, part, token, checkpoints, publishedNotBefore, true);
        }
    }

    private String newContainer(Attempt attempt) {
        String container = api.createContainer(attempt.userId(), attempt.part(), attempt.token());
        attempt.checkpoints().save(container);
        return container;
    }

    private PartOutcome advance(Attempt attempt, String container, Duration inlineWait) {
        ContainerState state = settled(container, attempt.token(), inlineWait);
        return switch (state.status()) {
            case FINISHED -> publishContainer(attempt, container);
            case PUBLISHED -> alreadyPublished(attempt, container);
            case IN_PROGRESS -> new PartOutcome.Retry("Threads is still processing container " + container, null,
                    clock.now().plus(endpoints.containerRecheck()), false);
            case EXPIRED -> renewed(attempt, container);
            case ERROR -> new PartOutcome.Refused("Threads could not publish container " + container + ": "
                    + state.errorMessage(), null);
            case UNRECOGNIZED -> new PartOutcome.Retry("Threads gave container " + container
                    + " the unrecognized status '" + state.said() + "'", null, null, true);
        };
    }

    private ContainerState settled(String container, String token, Duration budget) {
        ContainerState state = api.containerState(container, token);
        Duration waited = Duration.ZERO;
        Duration pause = endpoints.containerPollInterval();
        while (state.inProgress() && waited.compareTo(budget) < 0) {
            Duration next = pause.compareTo(budget.minus(waited)) < 0 ? pause : budget.minus(waited);
            sleep(next);
            waited = waited.plus(next);
            pause = pause.multipliedBy(2);
            state = api.containerState(container, token);
        }
        return state;
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FailedRequest(PlatformFailure.waiting("interrupted while Threads processed the container",
                    null, null));
        }
    }

    private PartOutcome renewed(Attempt attempt, String expired) {
        if (attempt.containerRenewed()) {
            return new PartOutcome.Retry("Threads let container " + expired + " expire as well", null, null, true);
        }
        Attempt renewed = attempt.withRenewedContainer();
        return advance(renewed, newContainer(renewed), endpoints.containerInlineWait());
    }

    private PartOutcome publishContainer(Attempt attempt, String container) {
        String mediaId = api.publish(attempt.userId(), container, attempt.token());
        return new PartOutcome.Published(new RemotePart(mediaId, permalink(mediaId, attempt.token()), null));
    }

    /** The post is out; a permalink that cannot be read now must not turn that into a failure. */
    private String permalink(String mediaId, String token) {
        try {
            return api.permalink(mediaId, token).orElse(null);
        } catch (FailedRequest e) {
            LOG.info("Threads did not give the permalink of media {} ({})", mediaId, e.getMessage());
            return null;
        }
    }

    private PartOutcome alreadyPublished(Attempt attempt, String container) {
        Instant since = attempt.publishedNotBefore().minus(PUBLISHED_TIME_SLACK);
        String text = attempt.part().formatted().text();
        return api.posts(attempt.userId(), attempt.part().isReply(), since, attempt.token()).stream()
                .filter(post -> post.carries(text, since))
                .findFirst()
                .<PartOutcome>map(post -> new PartOutcome.Published(new RemotePart(post.id(), post.permalink(), null)))
                .orElseGet(() -> new PartOutcome.Retry("Threads says container " + container + " is published but"
                        + " lists no post with its text since " + since + " yet", null, null, true));
    }

    @Override
    public RemovalOutcome delete(LinkTarget link, RemotePart part) {
        return Outcomes.ofRemoval(() -> {
            api.delete(part.remoteId(), token(link));
            return new RemovalOutcome.Removed();
        });
    }

    @Override
    public CredentialRefresh refreshIfDue(LinkTarget link, Instant now) {
        Optional<LinkSecret> stored = secrets.reveal(link.linkId());
        if (stored.isEmpty()) {
            return new CredentialRefresh.Unauthorized("the link's token is no longer stored; link the account again");
        }
        LinkSecret secret = stored.get();
        if (secret.expiresAt() != null && secret.expiresAt().isAfter(now.plus(endpoints.threadsRefreshBefore()))) {
            return new CredentialRefresh.NotDue();
        }
        try {
            return refreshed(link, secret, now);
        } catch (FailedRequest e) {
            return e.failure().asCredentialRefresh();
        }
    }

    private CredentialRefresh refreshed(LinkTarget link, LinkSecret secret, Instant now) {
        JsonNode answer = api.refreshedToken(secret.accessToken());
        String token = Json.text(answer, "access_token").orElseThrow(() -> new FailedRequest(PlatformFailure.retry(
                "Threads answered the refresh without a token", null, null)));
        Instant expiresAt = now.plusSeconds(Json.number(answer, "expires_in").orElse(LONG_LIVED_TOKEN.toSeconds()));
        secrets.replace(link.linkId(), secret.refreshedWith(token, null, expiresAt));
        return new CredentialRefresh.Refreshed(expiresAt);
    }

    private String token(LinkTarget link) {
        return StoredSecrets.required(secrets, link).accessToken();
    }
}
