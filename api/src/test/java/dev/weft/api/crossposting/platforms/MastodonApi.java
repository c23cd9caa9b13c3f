package dev.weft.api.crossposting.platforms;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Mastodon's REST API over a {@link MastodonInstance}: routing, parameters and the JSON it answers. */
final class MastodonApi implements PlatformApi {
    private static final Pattern STATUS = Pattern.compile("/api/v1/statuses/([^/]+)");
    private static final Pattern ACCOUNT_STATUSES = Pattern.compile("/api/v1/accounts/([^/]+)/statuses");
    private static final Set<String> RAILS_FALSE = Set.of("0", "f", "F", "false", "FALSE", "off", "OFF");
    private static final int DEFAULT_PAGE = 20;
    private static final int MAX_PAGE = 40;
    private static final int RATE_LIMIT = 300;
    private static final Duration RATE_PERIOD = Duration.ofMinutes(5);
    private static final DateTimeFormatter CREATED_AT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter RATE_LIMIT_RESET =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private record RateWindow(Instant resetAt, int used) {
    }

    private final MastodonInstance instance;
    private final Map<String, RateWindow> rateWindows = new ConcurrentHashMap<>();

    MastodonApi(MastodonInstance instance) {
        this.instance = instance;
    }

    @Override
    public ResponseDefinition answer(Request request) {
        String path = URI.create(request.getUrl()).getPath();
        String rateBucket = accessToken(request).orElse("anonymous");
        ResponseDefinitionBuilder answer;
        try {
            answer = route(request.getMethod(), path, request);
        } catch (MastodonRefusal refusal) {
            answer = error(refusal.status(), refusal.getMessage());
        }
        return withRateLimitHeaders(answer, rateBucket).build();
    }

    @Override
    public ResponseDefinition refusal(Failure failure) {
        if (failure instanceof Failure.RateLimited rateLimited) {
            return rateLimited(rateLimited);
        }
        return error(500, "We're sorry, but something went wrong on our end.").build();
    }

    private ResponseDefinitionBuilder route(RequestMethod method, String path, Request request) {
        Matcher status = STATUS.matcher(path);
        Matcher accountStatuses = ACCOUNT_STATUSES.matcher(path);
        if (method.equals(RequestMethod.GET) && path.equals("/api/v2/instance")) {
            return Json.response(200, instanceDocument());
        } else if (method.equals(RequestMethod.GET) && path.equals("/api/v1/accounts/verify_credentials")) {
            return Json.response(200, credentialAccount(authenticated(request)));
        } else if (method.equals(RequestMethod.POST) && path.equals("/api/v1/statuses")) {
            return post(request);
        } else if (method.equals(RequestMethod.GET) && status.matches()) {
            authenticatedIfTokenGiven(request);
            return Json.response(200, statusJson(instance.find(status.group(1))));
        } else if (method.equals(RequestMethod.DELETE) && status.matches()) {
            MastodonStatus removed = instance.delete(authenticated(request), status.group(1));
            return Json.response(200, statusJson(removed).put("text", removed.text()));
        } else if (method.equals(RequestMethod.GET) && accountStatuses.matches()) {
            authenticatedIfTokenGiven(request);
            return Json.response(200, statusList(accountStatuses.group(1), request));
        }
        return error(404, "Record not found");
    }

    private ResponseDefinitionBuilder post(Request request) {
        MastodonAccount author = authenticated(request);
        Params params = Params.of(request);
        MastodonInstance.Draft draft = new MastodonInstance.Draft(params.get("status").orElse(null),
                params.get("spoiler_text").orElse(null), params.given("visibility").orElse(null),
                params.given("language").orElse(null), params.given("in_reply_to_id").orElse(null),
                params.given("sensitive").map(MastodonApi::railsBoolean).orElse(null));
        Optional<String> idempotencyKey = Optional.ofNullable(request.getHeader("Idempotency-Key"))
                .filter(key -> !key.isBlank());
        return Json.response(200, statusJson(instance.post(author, draft, idempotencyKey)));
    }

    /** Rails reads a parameter as false only when it is one of a few false spellings; anything else is true. */
    private static boolean railsBoolean(String value) {
        return !RAILS_FALSE.contains(value);
    }

    private MastodonAccount authenticated(Request request) {
        return instance.authenticate(accessToken(request));
    }

    /** Public reads need no token, but a token that is given must be good (Mastodon's authorize_if_got_token!). */
    private void authenticatedIfTokenGiven(Request request) {
        if (accessToken(request).isPresent()) {
            authenticated(request);
        }
    }

    private static Optional<String> accessToken(Request request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(authorization.substring(7).strip());
        }
        return Params.of(request).given("access_token");
    }

    private ArrayNode statusList(String accountId, Request request) {
        int limit = Params.of(request).given("limit").flatMap(Params::wholeNumber).map(n -> Math.min(n, MAX_PAGE))
                .orElse(DEFAULT_PAGE);
        ArrayNode list = Json.array();
        instance.newestOf(accountId, limit).forEach(status -> list.add(statusJson(status)));
        return list;
    }

    private ObjectNode instanceDocument() {
        MastodonInstance.Limits limits = instance.limits();
        ObjectNode document = Json.object().put("domain", instance.domain()).put("title", "Mastodon")
                .put("version", "4.3.0");
        ObjectNode statuses = document.putObject("configuration").putObject("statuses");
        statuses.put("max_characters", limits.maxCharacters()).put("max_media_attachments", 4)
                .put("characters_reserved_per_url", limits.charactersPerUrl());
        return document;
    }

    private ObjectNode credentialAccount(MastodonAccount account) {
        ObjectNode credential = accountJson(account).put("statuses_count", instance.statusCountOf(account.id()));
        credential.putObject("source").put("privacy", "public").put("sensitive", false).put("language", "");
        return credential;
    }

    private ObjectNode accountJson(MastodonAccount account) {
        return Json.object().put("id", account.id()).put("username", account.username())
                .put("acct", account.username()).put("display_name", account.username())
                .put("url", "https://" + instance.domain() + "/@" + account.username());
    }

    private ObjectNode statusJson(MastodonStatus status) {
        ObjectNode json = Json.object().put("id", status.id()).put("created_at", CREATED_AT.format(status.createdAt()))
                .put("in_reply_to_id", status.inReplyToId()).put("in_reply_to_account_id", status.inReplyToAccountId())
                .put("sensitive", status.sensitive()).put("spoiler_text", status.spoilerText())
                .put("visibility", status.visibility()).put("language", status.language())
                .put("uri", status.uri()).put("url", status.url()).put("replies_count", 0).put("reblogs_count", 0)
                .put("favourites_count", 0).put("content", html(status.text()));
        json.set("account", accountJson(instance.account(status.accountId())));
        List.of("media_attachments", "mentions", "tags", "emojis").forEach(json::putArray);
        return json.putNull("reblog").putNull("card").putNull("poll");
    }

    /** Mastodon answers plain text as paragraphs at blank lines and line breaks within them. */
    private static String html(String text) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : text.strip().split("\\n\\s*\\n")) {
            html.append("<p>").append(escape(paragraph).replace("\n", "<br />")).append("</p>");
        }
        return html.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static ResponseDefinitionBuilder error(int status, String message) {
        return Json.response(status, Json.object().put("error", message));
    }

    private ResponseDefinition rateLimited(Failure.RateLimited failure) {
        Instant resetAt = instance.now().plus(failure.retryAfter());
        return error(429, "Too many requests").withHeader("X-RateLimit-Limit", Integer.toString(RATE_LIMIT))
                .withHeader("X-RateLimit-Remaining", "0").withHeader("X-RateLimit-Reset", RATE_LIMIT_RESET.format(resetAt))
                .withHeader("Retry-After", Long.toString(failure.retryAfterSeconds())).build();
    }

    /** Counted, not enforced: a test that wants a 429 plans one; these say what a real instance would report. */
    private ResponseDefinitionBuilder withRateLimitHeaders(ResponseDefinitionBuilder answer, String bucket) {
        RateWindow window = rateWindows.compute(bucket, (key, current) -> countRequest(current));
        return answer.withHeader("X-RateLimit-Limit", Integer.toString(RATE_LIMIT))
                .withHeader("X-RateLimit-Remaining", Integer.toString(Math.max(0, RATE_LIMIT - window.used())))
                .withHeader("X-RateLimit-Reset", RATE_LIMIT_RESET.format(window.resetAt()));
    }

    /** Windows are aligned to the clock, as Rack::Attack's throttles are. */
    private RateWindow countRequest(RateWindow current) {
        Instant now = instance.now();
        if (current != null && current.resetAt().isAfter(now)) {
            return new RateWindow(current.resetAt(), current.used() + 1);
        }
        long period = RATE_PERIOD.toSeconds();
        return new RateWindow(Instant.ofEpochSecond(now.getEpochSecond() - now.getEpochSecond() % period + period), 1);
    }
}
