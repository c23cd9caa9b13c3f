package dev.weft.infrastructure.crossposting.bluesky;

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
import dev.weft.infrastructure.http.HttpReply;
import dev.weft.infrastructure.http.SafeHttpClient;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Bluesky, or any atproto PDS the link names, as the lexicons define
 * com.atproto.server.createSession and refreshSession, com.atproto.repo.createRecord,
 * getRecord and deleteRecord, app.bsky.feed.post and app.bsky.richtext.facet
 * (https://docs.bsky.app/docs/api/, https://github.com/bluesky-social/atproto/tree/main/lexicons),
 * with rate limits as https://docs.bsky.app/docs/advanced-guides/rate-limits describes.
 *
 * <p>Every part goes under its deterministic record key, so the repository itself says whether
 * a part was published: reconcile asks getRecord and creates the record only when it is not
 * there. A createRecord that fails in a way that may mean the key is taken (a 5xx, which the
 * reference PDS still answers for a duplicate key, a 409, or an error naming an existing
 * record) is checked the same way before it is reported. deleteRecord succeeds whether or not
 * the record exists, so a delete asks getRecord first to tell a removal from a record already
 * gone. The post's web address uses the handle Weft knows it by.
 */
@Component
public class BlueskyConnector implements PlatformConnector {
    private static final Set<String> SIGN_IN_REFUSALS = Set.of("AccountTakedown", "AuthFactorTokenRequired");
    private static final Set<String> TAKEN_KEY_ERRORS = Set.of("RecordAlreadyExists", "InvalidSwap");

    private final PlatformClient http;
    private final BlueskySession session;
    private final PlatformEndpoints endpoints;
    private final Clock clock;

    public BlueskyConnector(SafeHttpClient http, LinkSecrets secrets, PlatformEndpoints endpoints, Clock clock) {
        this.http = new PlatformClient(http, "Bluesky");
        this.session = new BlueskySession(this.http, secrets, clock);
        this.endpoints = endpoints;
        this.clock = clock;
    }

    @Override
    public Platform platform() {
        return Platform.BLUESKY;
    }

    @Override
    public VerifiedAccount verify(LinkRequest request) {
        String appPassword = request.secret().appPassword();
        HttpReply reply = signIn(pds(request.instanceUrl()), request.externalAccountId(), appPassword);
        JsonNode opened = Json.read(reply);
        Optional<String> did = Json.text(opened, "did");
        Optional<String> accessJwt = Json.text(opened, "accessJwt");
        if (!PlatformClient.succeeded(reply) || did.isEmpty() || accessJwt.isEmpty()) {
            throw refusal(request.externalAccountId(), XrpcError.of(reply));
        }
        String handle = Json.text(opened, "handle").orElse(request.externalAccountId());
        return new VerifiedAccount(did.get(), handle, handle, new LinkSecret(accessJwt.get(),
                Json.text(opened, "refreshJwt").orElse(null), null, appPassword));
    }

    private static RuntimeException refusal(String identifier, XrpcError error) {
        if (error.rejectsCredentials() || SIGN_IN_REFUSALS.contains(error.error())) {
            return new CredentialsRejectedException("appPassword", "Bluesky refused the app password of "
                    + identifier + ": " + error.reason());
        }
        return new PlatformUnreachableException("Bluesky did not open a session for " + identifier + ": "
                + error.reason());
    }

    private HttpReply signIn(String pds, String identifier, String appPassword) {
        try {
            return BlueskySession.createSession(http, pds, identifier, appPassword);
        } catch (FailedRequest e) {
            throw new PlatformUnreachableException(e.getMessage());
        }
    }

    @Override
    public TargetRules rules(LinkTarget link) {
        return TargetRules.bluesky();
    }

    @Override
    public Optional<Instant> quotaWait(LinkTarget link, int parts, Instant now) {
        return Optional.empty();
    }

    @Override
    public PartOutcome publish(LinkTarget link, PartRequest part, Checkpoints checkpoints) {
        return Outcomes.ofPublishing(() -> create(link, part));
    }

    @Override
    public PartOutcome reconcile(LinkTarget link, PartRequest part, Instant attemptStartedAt,
                                 Checkpoints checkpoints) {
        return Outcomes.ofPublishing(() -> existing(link, ownPost(link, part))
                .<PartOutcome>map(PartOutcome.Published::new)
                .orElseGet(() -> create(link, part)));
    }

    private PartOutcome create(LinkTarget link, PartRequest part) {
        String pds = pds(link.instanceUrl());
        byte[] request = Json.bytes(PostRecord.createRequest(link.remoteAccountId(), part));
        HttpReply reply = session.call(link, pds, token -> http.post(BlueskySession.xrpc(pds,
                "com.atproto.repo.createRecord", Map.of()), BlueskySession.headers(token), request,
                IfRepeated.MAY_DUPLICATE));
        if (PlatformClient.succeeded(reply)) {
            return created(link, Json.read(reply));
        }
        Optional<RemotePart> existing = mayMeanTakenKey(reply) ? existing(link, ownPost(link, part)) : Optional.empty();
        return existing.<PartOutcome>map(PartOutcome.Published::new)
                .orElseGet(() -> XrpcError.classify(reply, clock.now()).asPartOutcome());
    }

    private static boolean mayMeanTakenKey(HttpReply reply) {
        XrpcError error = XrpcError.of(reply);
        return reply.status() >= 500 || reply.status() == 409 || TAKEN_KEY_ERRORS.contains(error.error())
                || (error.message() != null && error.message().contains("already exists"));
    }

    private PartOutcome created(LinkTarget link, JsonNode created) {
        Optional<AtUri> uri = Json.text(created, "uri").flatMap(AtUri::parse);
        if (uri.isEmpty()) {
            return new PartOutcome.Unknown("Bluesky answered createRecord without the record's uri");
        }
        return new PartOutcome.Published(remotePart(link, uri.get(), Json.text(created, "cid").orElse(null)));
    }

    /** The record as the repository holds it now, or empty when it holds none under that key. */
    private Optional<RemotePart> existing(LinkTarget link, AtUri record) {
        String pds = pds(link.instanceUrl());
        HttpReply reply = session.call(link, pds, token -> http.get(BlueskySession.xrpc(pds,
                "com.atproto.repo.getRecord", Forms.fields("repo", record.repo(), "collection", record.collection(),
                        "rkey", record.rkey())), BlueskySession.headers(token)));
        if (PlatformClient.succeeded(reply)) {
            JsonNode found = Json.read(reply);
            AtUri uri = Json.text(found, "uri").flatMap(AtUri::parse).orElse(record);
            return Optional.of(remotePart(link, uri, Json.text(found, "cid").orElse(null)));
        }
        if (XrpcError.of(reply).meansRecordNotFound()) {
            return Optional.empty();
        }
        throw new FailedRequest(XrpcError.classify(reply, clock.now()));
    }

    @Override
    public RemovalOutcome delete(LinkTarget link, RemotePart part) {
        return Outcomes.ofRemoval(() -> {
            AtUri record = AtUri.parse(part.remoteId()).orElseThrow(() -> new FailedRequest(PlatformFailure.refused(
                    "'" + part.remoteId() + "' is not the at:// address of a record", null)));
            if (existing(link, record).isEmpty()) {
                return new RemovalOutcome.AlreadyGone("Bluesky no longer holds " + record);
            }
            return deleteRecord(link, record);
        });
    }

    private RemovalOutcome deleteRecord(LinkTarget link, AtUri record) {
        String pds = pds(link.instanceUrl());
        byte[] request = Json.bytes(Json.object().put("repo", record.repo()).put("collection", record.collection())
                .put("rkey", record.rkey()));
        HttpReply reply = session.call(link, pds, token -> http.post(BlueskySession.xrpc(pds,
                "com.atproto.repo.deleteRecord", Map.of()), BlueskySession.headers(token), request,
                IfRepeated.HARMLESS));
        return PlatformClient.succeeded(reply) ? new RemovalOutcome.Removed()
                : XrpcError.classify(reply, clock.now()).asRemovalOutcome();
    }

    private static AtUri ownPost(LinkTarget link, PartRequest part) {
        return new AtUri(link.remoteAccountId(), PostRecord.POSTS, part.recordKey());
    }

    private RemotePart remotePart(LinkTarget link, AtUri uri, String cid) {
        String profile = link.externalAccountId() != null ? link.externalAccountId() : uri.repo();
        return new RemotePart(uri.toString(), endpoints.blueskyWebUrl().replaceAll("/+$", "") + "/profile/"
                + Forms.segment(profile) + "/post/" + Forms.segment(uri.rkey()), cid);
    }

    private String pds(String instanceUrl) {
        return instanceUrl != null && !instanceUrl.isBlank() ? instanceUrl : endpoints.blueskyDefaultPds();
    }
}
