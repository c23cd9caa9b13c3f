package dev.weft.api.crossposting.platforms;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Bluesky PDS's accounts, sessions and records; see {@link FakeBluesky} for the sources.
 * Every method holds the lock, so a record key is taken exactly once however many threads
 * create it at the same moment.
 */
final class BlueskyPds {
    static final String POST = "app.bsky.feed.post";
    private static final Duration ACCESS_LIFETIME = Duration.ofMinutes(120);
    private static final Duration REFRESH_LIFETIME = Duration.ofDays(90);
    private static final Pattern NSID = Pattern.compile("[a-zA-Z][a-zA-Z0-9-]*(\\.[a-zA-Z0-9-]+)+\\.[a-zA-Z][a-zA-Z0-9]*");
    private static final Pattern RECORD_KEY = Pattern.compile("[A-Za-z0-9._:~-]{1,512}");
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    enum Kind { ACCESS, REFRESH }

    record Session(String accessJwt, String refreshJwt, BlueskyAccount account) {
    }

    record Created(String uri, String cid, String commitCid, String rev, boolean validated) {
    }

    record Stored(String uri, String did, String collection, String rkey, String cid, JsonNode value) {
    }

    private record Grant(String did, Kind kind, Instant expiresAt, boolean revoked) {
    }

    private final Clock clock;
    private final String serviceDid;
    private final SecureRandom random = new SecureRandom();
    private final FeedPostRules postRules = new FeedPostRules(this::storedPostCid);
    private final Map<String, BlueskyAccount> accountsByDid = new HashMap<>();
    private final Map<String, String> didsByHandle = new HashMap<>();
    private final Map<String, String> appPasswords = new HashMap<>();
    private final Map<String, Grant> grants = new HashMap<>();
    private final Map<String, String> rotatedTo = new HashMap<>();
    private final Map<String, Stored> records = new LinkedHashMap<>();
    private final List<Stored> deleted = new ArrayList<>();
    private long lastTidMicros;

    BlueskyPds(String serviceDid, Clock clock) {
        this.serviceDid = serviceDid;
        this.clock = clock;
    }

    synchronized BlueskyAccount seed(String handle, String did, String appPassword) {
        BlueskyAccount account = new BlueskyAccount(did, handle);
        accountsByDid.put(did, account);
        didsByHandle.put(handle.toLowerCase(Locale.ROOT), did);
        appPasswords.put(did, appPassword);
        return account;
    }

    synchronized Session createSession(JsonNode body) {
        String identifier = requiredString(body, "identifier");
        String password = requiredString(body, "password");
        Optional<BlueskyAccount> account = resolve(identifier)
                .filter(found -> password.equals(appPasswords.get(found.did())));
        if (account.isEmpty()) {
            throw XrpcRefusal.authenticationRequired("Invalid identifier or password");
        }
        return newSession(account.get());
    }

    /**
     * Rotates the refresh token. The used one keeps answering, with the same successor, as the
     * reference PDS allows during its grace period, so a retried refresh does not log anyone out.
     */
    synchronized Session refreshSession(Optional<String> bearer) {
        String refreshJwt = bearer.orElseThrow(XrpcRefusal::authMissing);
        Grant grant = validGrant(refreshJwt, Kind.REFRESH);
        BlueskyAccount account = accountsByDid.get(grant.did());
        String successor = rotatedTo.computeIfAbsent(refreshJwt, used -> issue(account.did(), Kind.REFRESH));
        return new Session(issue(account.did(), Kind.ACCESS), successor, account);
    }

    synchronized BlueskyAccount authenticate(Optional<String> bearer) {
        String accessJwt = bearer.orElseThrow(XrpcRefusal::authMissing);
        return accountsByDid.get(validGrant(accessJwt, Kind.ACCESS).did());
    }

    synchronized void expireAccessTokens(String did) {
        grants.replaceAll((token, grant) -> grant.did().equals(did) && grant.kind() == Kind.ACCESS
                ? new Grant(did, Kind.ACCESS, now(), grant.revoked()) : grant);
    }

    /** The app password stops logging in and its refresh tokens stop refreshing; issued access tokens live out their time. */
    synchronized void revokeAppPassword(String did) {
        appPasswords.remove(did);
        grants.replaceAll((token, grant) -> grant.did().equals(did) && grant.kind() == Kind.REFRESH
                ? new Grant(did, Kind.REFRESH, grant.expiresAt(), true) : grant);
    }

    synchronized Created createRecord(BlueskyAccount caller, JsonNode body) {
        String did = ownRepo(caller, requiredString(body, "repo"));
        String collection = requiredString(body, "collection");
        if (!NSID.matcher(collection).matches()) {
            throw XrpcRefusal.invalidRequest("Invalid NSID: " + collection);
        }
        JsonNode record = body.get("record");
        if (record == null || !record.isObject()) {
            throw XrpcRefusal.invalidRequest("Input must have the property \"record\"");
        }
        String rkey = recordKey(body.get("rkey"), collection);
        ObjectNode value = typed(((ObjectNode) record).deepCopy(), collection);
        if (collection.equals(POST)) {
            postRules.check(value);
        }
        String uri = "at://" + did + "/" + collection + "/" + rkey;
        if (records.containsKey(uri)) {
            throw XrpcRefusal.internalServerError();
        }
        Stored stored = new Stored(uri, did, collection, rkey, Cid.of(Json.write(value)), value);
        records.put(uri, stored);
        String rev = nextTid();
        return new Created(uri, stored.cid(), Cid.of(uri + rev), rev, collection.equals(POST));
    }

    synchronized Stored getRecord(Params params) {
        String repo = requiredParam(params, "repo");
        String collection = requiredParam(params, "collection");
        String rkey = requiredParam(params, "rkey");
        String did = resolve(repo).map(BlueskyAccount::did)
                .orElseThrow(() -> XrpcRefusal.invalidRequest("Could not locate record"));
        String uri = "at://" + did + "/" + collection + "/" + rkey;
        Stored stored = records.get(uri);
        if (stored == null) {
            throw new XrpcRefusal(400, "RecordNotFound", "Could not locate record: " + uri);
        }
        return stored;
    }

    /** Deleting a record that is not there does nothing and succeeds, as the reference PDS does. */
    synchronized Optional<String> deleteRecord(BlueskyAccount caller, JsonNode body) {
        String did = ownRepo(caller, requiredString(body, "repo"));
        String uri = "at://" + did + "/" + requiredString(body, "collection") + "/" + requiredString(body, "rkey");
        Stored removed = records.remove(uri);
        if (removed == null) {
            return Optional.empty();
        }
        deleted.add(removed);
        return Optional.of(nextTid());
    }

    synchronized List<Stored> stored() {
        return List.copyOf(records.values());
    }

    synchronized List<Stored> deleted() {
        return List.copyOf(deleted);
    }

    Instant now() {
        return clock.instant();
    }

    private Optional<BlueskyAccount> resolve(String handleOrDid) {
        String did = handleOrDid.startsWith("did:") ? handleOrDid : didsByHandle.get(handleOrDid.toLowerCase(Locale.ROOT));
        return Optional.ofNullable(did).map(accountsByDid::get);
    }

    private String ownRepo(BlueskyAccount caller, String repo) {
        String did = resolve(repo).map(BlueskyAccount::did)
                .orElseThrow(() -> XrpcRefusal.invalidRequest("Could not find repo: " + repo));
        if (!did.equals(caller.did())) {
            throw XrpcRefusal.authenticationRequired("Authentication Required");
        }
        return did;
    }

    private String recordKey(JsonNode given, String collection) {
        if (given == null || given.isNull()) {
            return nextTid();
        }
        String rkey = given.asString("");
        if (!RECORD_KEY.matcher(rkey).matches() || rkey.equals(".") || rkey.equals("..")) {
            throw XrpcRefusal.invalidRequest("Invalid record key: " + rkey);
        }
        if (collection.equals(POST) && !Tid.isValid(rkey)) {
            throw XrpcRefusal.invalidRequest("Invalid record key for " + POST + ": " + rkey + " is not a TID");
        }
        return rkey;
    }

    private static ObjectNode typed(ObjectNode record, String collection) {
        JsonNode type = record.get("$type");
        if (type == null) {
            return record.put("$type", collection);
        }
        if (!collection.equals(type.asString(""))) {
            throw XrpcRefusal.invalidRequest("Invalid $type: expected " + collection + ", got " + type.asString(""));
        }
        return record;
    }

    private Optional<String> storedPostCid(String uri) {
        return Optional.ofNullable(records.get(uri)).filter(stored -> stored.collection().equals(POST)).map(Stored::cid);
    }

    private Grant validGrant(String token, Kind expected) {
        Grant grant = grants.get(token);
        if (grant == null) {
            throw XrpcRefusal.invalidToken("Token could not be verified");
        }
        if (grant.kind() != expected) {
            throw XrpcRefusal.invalidToken("Invalid token type");
        }
        if (grant.revoked()) {
            throw XrpcRefusal.expiredToken("Token has been revoked");
        }
        if (!grant.expiresAt().isAfter(now())) {
            throw XrpcRefusal.expiredToken("Token has expired");
        }
        return grant;
    }

    private Session newSession(BlueskyAccount account) {
        return new Session(issue(account.did(), Kind.ACCESS), issue(account.did(), Kind.REFRESH), account);
    }

    /**
     * JWT-shaped, as the PDS's tokens are, so a client that reads exp from them can; the spec
     * tells clients to treat them as opaque, and the signature here means nothing.
     */
    private String issue(String did, Kind kind) {
        Instant issuedAt = now();
        Instant expiresAt = issuedAt.plus(kind == Kind.ACCESS ? ACCESS_LIFETIME : REFRESH_LIFETIME);
        ObjectNode header = Json.object().put("typ", kind == Kind.ACCESS ? "at+jwt" : "refresh+jwt").put("alg", "HS256");
        ObjectNode payload = Json.object()
                .put("scope", kind == Kind.ACCESS ? "com.atproto.appPass" : "com.atproto.refresh")
                .put("sub", did).put("aud", serviceDid).put("iat", issuedAt.getEpochSecond())
                .put("exp", expiresAt.getEpochSecond()).put("jti", nextTid());
        byte[] signature = new byte[32];
        random.nextBytes(signature);
        String token = encode(Json.write(header)) + "." + encode(Json.write(payload)) + "."
                + BASE64URL.encodeToString(signature);
        grants.put(token, new Grant(did, kind, expiresAt, false));
        return token;
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private String nextTid() {
        long nowMicros = ChronoUnit.MICROS.between(Instant.EPOCH, now());
        lastTidMicros = Math.max(lastTidMicros + 1, nowMicros);
        return Tid.of(lastTidMicros, 0);
    }

    private static String requiredString(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isString()) {
            throw XrpcRefusal.invalidRequest("Input must have the property \"" + field + "\"");
        }
        return value.stringValue();
    }

    private static String requiredParam(Params params, String name) {
        return params.given(name)
                .orElseThrow(() -> XrpcRefusal.invalidRequest("Params must have the property \"" + name + "\""));
    }
}
