package dev.weft.api.crossposting.platforms;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Mastodon instance's state and posting rules; see {@link FakeMastodon} for the sources.
 * Every method holds the instance's lock, so an idempotency key is checked and remembered in
 * one step even when the same part is posted from two threads at once.
 */
final class MastodonInstance {
    static final int DEFAULT_MAX_CHARACTERS = 500;
    static final int DEFAULT_CHARACTERS_PER_URL = 23;
    private static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(1);
    private static final Set<String> VISIBILITIES = Set.of("public", "unlisted", "private", "direct");
    private static final Set<String> REGIONAL_LANGUAGES = Set.of("es-AR", "es-MX", "pt-BR", "pt-PT", "zh-CN", "zh-HK",
            "zh-TW");
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
    private static final String DEFAULT_LANGUAGE = "en";
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+");
    private static final Pattern URL_TRAILING_PUNCTUATION = Pattern.compile("[.,:;!?'\")\\]]+$");
    private static final Pattern REMOTE_MENTION = Pattern.compile("(?<![\\w@/])@(\\w+)@[\\w.-]*\\w");

    private static final String INVALID_TOKEN = "The access token is invalid";

    enum TokenState { VALID, REVOKED, EXPIRED }

    /** What a client asked for; null where it gave nothing. */
    record Draft(String text, String spoilerText, String visibility, String language, String inReplyToId,
                 Boolean sensitive) {
    }

    record Limits(int maxCharacters, int charactersPerUrl) {
    }

    private record Grant(MastodonAccount account, TokenState state) {
    }

    private record RememberedKey(String statusId, Instant at) {
    }

    private final Clock clock;
    private final String domain;
    private final Map<String, MastodonAccount> accounts = new HashMap<>();
    private final Map<String, Grant> grants = new HashMap<>();
    private final Map<String, MastodonStatus> statuses = new LinkedHashMap<>();
    private final List<MastodonStatus> deleted = new ArrayList<>();
    private final Map<String, RememberedKey> idempotencyKeys = new HashMap<>();
    private Limits limits = new Limits(DEFAULT_MAX_CHARACTERS, DEFAULT_CHARACTERS_PER_URL);
    private long lastId;

    MastodonInstance(String domain, Clock clock) {
        this.domain = domain;
        this.clock = clock;
    }

    String domain() {
        return domain;
    }

    synchronized MastodonAccount seed(String username, String accessToken) {
        MastodonAccount account = new MastodonAccount(nextId(), username);
        accounts.put(account.id(), account);
        grants.put(accessToken, new Grant(account, TokenState.VALID));
        return account;
    }

    /** A fresh token for an account that has one already, as when its owner authorizes the app again. */
    synchronized void grant(MastodonAccount account, String accessToken) {
        grants.put(accessToken, new Grant(account, TokenState.VALID));
    }

    synchronized MastodonAccount account(String id) {
        return accounts.get(id);
    }

    synchronized void setToken(String accessToken, TokenState state) {
        Grant grant = grants.get(accessToken);
        if (grant == null) {
            throw new IllegalArgumentException("no account was seeded with that token");
        }
        grants.put(accessToken, new Grant(grant.account(), state));
    }

    synchronized void limit(Limits newLimits) {
        limits = newLimits;
    }

    synchronized Limits limits() {
        return limits;
    }

    /** The token's account; absent, unknown, revoked or expired tokens are refused as Doorkeeper words it. */
    synchronized MastodonAccount authenticate(Optional<String> accessToken) {
        Grant grant = accessToken.map(grants::get).orElseThrow(() -> MastodonRefusal.unauthorized(INVALID_TOKEN));
        return switch (grant.state()) {
            case VALID -> grant.account();
            case REVOKED -> throw MastodonRefusal.unauthorized("The access token was revoked");
            case EXPIRED -> throw MastodonRefusal.unauthorized("The access token expired");
        };
    }

    /**
     * Posts in the order Mastodon checks: the replied-to status first (the controller's
     * before-action), then the idempotency key, then validation, so a repeated key returns the
     * first status even where the repeat would no longer validate.
     */
    synchronized MastodonStatus post(MastodonAccount author, Draft draft, Optional<String> idempotencyKey) {
        MastodonStatus repliedTo = draft.inReplyToId() == null ? null : repliedTo(draft.inReplyToId());
        Optional<MastodonStatus> earlier = idempotencyKey.flatMap(key -> remembered(author, key));
        if (earlier.isPresent()) {
            return earlier.get();
        }
        validate(draft);
        MastodonStatus status = create(author, draft, repliedTo);
        statuses.put(status.id(), status);
        idempotencyKey.ifPresent(key -> idempotencyKeys.put(keyOf(author, key), new RememberedKey(status.id(), now())));
        return status;
    }

    synchronized MastodonStatus delete(MastodonAccount owner, String id) {
        MastodonStatus status = statuses.get(id);
        if (status == null || !status.accountId().equals(owner.id())) {
            throw MastodonRefusal.notFound("Record not found");
        }
        statuses.remove(id);
        deleted.add(status);
        return status;
    }

    synchronized MastodonStatus find(String id) {
        MastodonStatus status = statuses.get(id);
        if (status == null) {
            throw MastodonRefusal.notFound("Record not found");
        }
        return status;
    }

    synchronized List<MastodonStatus> newestOf(String accountId, int limit) {
        return statuses.values().stream().filter(status -> status.accountId().equals(accountId))
                .sorted(Comparator.comparing(MastodonStatus::createdAt).thenComparing(MastodonStatus::id).reversed())
                .limit(limit).toList();
    }

    synchronized int statusCountOf(String accountId) {
        return (int) statuses.values().stream().filter(status -> status.accountId().equals(accountId)).count();
    }

    synchronized List<MastodonStatus> statuses() {
        return List.copyOf(statuses.values());
    }

    synchronized List<MastodonStatus> deleted() {
        return List.copyOf(deleted);
    }

    Instant now() {
        return clock.instant();
    }

    private MastodonStatus repliedTo(String id) {
        MastodonStatus status = statuses.get(id);
        if (status == null) {
            throw MastodonRefusal.notFound("The post you are trying to reply to does not appear to exist.");
        }
        return status;
    }

    private Optional<MastodonStatus> remembered(MastodonAccount author, String key) {
        RememberedKey remembered = idempotencyKeys.get(keyOf(author, key));
        if (remembered == null || !remembered.at().plus(IDEMPOTENCY_WINDOW).isAfter(now())) {
            return Optional.empty();
        }
        return Optional.ofNullable(statuses.get(remembered.statusId()));
    }

    private static String keyOf(MastodonAccount author, String key) {
        return author.id() + "\n" + key;
    }

    private void validate(Draft draft) {
        if (draft.text() == null || draft.text().isBlank()) {
            throw MastodonRefusal.invalid("Text can't be blank");
        }
        if (draft.visibility() != null && !VISIBILITIES.contains(draft.visibility())) {
            throw MastodonRefusal.invalid("Visibility is not included in the list");
        }
        if (countedLength(draft) > limits.maxCharacters()) {
            throw MastodonRefusal.invalid("Text character limit of " + limits.maxCharacters() + " exceeded");
        }
    }

    /** The content warning and the text share one limit; only the text's URLs and mentions are shortened. */
    private int countedLength(Draft draft) {
        String spoilerText = draft.spoilerText() == null ? "" : draft.spoilerText();
        return Graphemes.count(spoilerText + countableText(draft.text()));
    }

    private String countableText(String text) {
        Matcher urls = URL.matcher(text);
        StringBuilder countable = new StringBuilder();
        while (urls.find()) {
            String url = urls.group();
            String trailing = url.substring(URL_TRAILING_PUNCTUATION.matcher(url).replaceAll("").length());
            urls.appendReplacement(countable, Matcher.quoteReplacement("x".repeat(limits.charactersPerUrl()) + trailing));
        }
        urls.appendTail(countable);
        return REMOTE_MENTION.matcher(countable).replaceAll("@$1");
    }

    private MastodonStatus create(MastodonAccount author, Draft draft, MastodonStatus repliedTo) {
        String id = nextId();
        String spoilerText = draft.spoilerText() == null ? "" : draft.spoilerText();
        boolean sensitive = Boolean.TRUE.equals(draft.sensitive()) || !spoilerText.isEmpty();
        return new MastodonStatus(id, author.id(), draft.text(), spoilerText,
                draft.visibility() == null ? "public" : draft.visibility(), knownLanguageOrDefault(draft.language()),
                sensitive, repliedTo == null ? null : repliedTo.id(), repliedTo == null ? null : repliedTo.accountId(),
                now(), "https://" + domain + "/users/" + author.username() + "/statuses/" + id,
                "https://" + domain + "/@" + author.username() + "/" + id);
    }

    private static String knownLanguageOrDefault(String language) {
        boolean known = language != null && (LANGUAGES.contains(language) || REGIONAL_LANGUAGES.contains(language));
        return known ? language : DEFAULT_LANGUAGE;
    }

    /** Snowflake-shaped like Mastodon's: milliseconds in the high bits, always increasing. */
    private String nextId() {
        lastId = Math.max(lastId + 1, clock.millis() << 16);
        return Long.toString(lastId);
    }
}
