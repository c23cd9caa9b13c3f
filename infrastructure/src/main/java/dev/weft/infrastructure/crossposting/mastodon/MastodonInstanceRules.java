package dev.weft.infrastructure.crossposting.mastodon;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.weft.application.crossposting.formatting.TargetRules;
import dev.weft.infrastructure.crossposting.FailedRequest;
import dev.weft.infrastructure.crossposting.Forms;
import dev.weft.infrastructure.crossposting.Json;
import dev.weft.infrastructure.crossposting.PlatformClient;
import dev.weft.infrastructure.http.HttpReply;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * An instance's status limits as it tells them in configuration.statuses of GET
 * /api/v2/instance, or of the deprecated /api/v1/instance on servers older than 4.0, cached
 * per instance. Only an instance that says neither is counted as stock Mastodon counts (500
 * characters, 23 per URL), with a warning. An instance that could not be asked at all is asked
 * again next time instead of being cached with stock limits.
 */
final class MastodonInstanceRules {
    static final int STOCK_MAX_CHARACTERS = 500;
    static final int STOCK_CHARACTERS_PER_URL = 23;
    private static final Logger LOG = LoggerFactory.getLogger(MastodonInstanceRules.class);
    private static final List<String> INSTANCE_PATHS = List.of("/api/v2/instance", "/api/v1/instance");
    private static final int MAX_INSTANCES = 10_000;

    private final PlatformClient http;
    private final Cache<String, TargetRules> byInstance;

    MastodonInstanceRules(PlatformClient http, Duration ttl) {
        this.http = http;
        this.byInstance = Caffeine.newBuilder().maximumSize(MAX_INSTANCES).expireAfterWrite(ttl).build();
    }

    /** The token is sent when there is one: an instance in limited federation mode asks for it. */
    TargetRules of(String instanceUrl, Optional<String> token) {
        String instance = instanceUrl.strip().replaceAll("/+$", "").toLowerCase(Locale.ROOT);
        TargetRules cached = byInstance.getIfPresent(instance);
        if (cached != null) {
            return cached;
        }
        try {
            TargetRules rules = told(instance, token)
                    .orElseGet(() -> stock(instance, "does not say its status limits"));
            byInstance.put(instance, rules);
            return rules;
        } catch (FailedRequest e) {
            return stock(instance, "could not be asked for its status limits (" + e.getMessage() + ")");
        }
    }

    private Optional<TargetRules> told(String instance, Optional<String> token) {
        for (String path : INSTANCE_PATHS) {
            Optional<TargetRules> rules = ask(instance, path, token);
            if (rules.isPresent()) {
                return rules;
            }
        }
        return Optional.empty();
    }

    private Optional<TargetRules> ask(String instance, String path, Optional<String> token) {
        HttpReply reply = http.get(Forms.uri(instance, path, Map.of()), MastodonConnector.headers(token));
        if (!PlatformClient.succeeded(reply)) {
            return Optional.empty();
        }
        JsonNode statuses = Json.read(reply).path("configuration").path("statuses");
        OptionalLong maxCharacters = Json.number(statuses, "max_characters");
        OptionalLong perUrl = Json.number(statuses, "characters_reserved_per_url");
        if (maxCharacters.orElse(0) <= 0 || perUrl.orElse(-1) < 0) {
            return Optional.empty();
        }
        return Optional.of(TargetRules.mastodon((int) maxCharacters.getAsLong(), (int) perUrl.getAsLong()));
    }

    private static TargetRules stock(String instance, String why) {
        LOG.warn("The Mastodon instance {} {}; counting {} characters and {} per URL, as stock Mastodon does",
                instance, why, STOCK_MAX_CHARACTERS, STOCK_CHARACTERS_PER_URL);
        return TargetRules.mastodon(STOCK_MAX_CHARACTERS, STOCK_CHARACTERS_PER_URL);
    }
}
