package dev.weft.domain.links;

import dev.weft.domain.shared.InvalidValueException;
import java.net.URI;
import java.util.Locale;

/** Checks a link request before the account aggregate accepts it. */
public final class ExternalAccountValidation {
    private static final int MAX_EXTERNAL_ID_LENGTH = 200;

    private ExternalAccountValidation() {
    }

    public static String externalAccountId(String externalAccountId) {
        if (externalAccountId == null || externalAccountId.isBlank()) {
            throw new InvalidValueException("externalAccountId", "externalAccountId is required");
        }
        if (externalAccountId.length() > MAX_EXTERNAL_ID_LENGTH) {
            throw new InvalidValueException("externalAccountId",
                    "externalAccountId is longer than " + MAX_EXTERNAL_ID_LENGTH + " characters");
        }
        return externalAccountId.strip();
    }

    /** @return the normalised instance URL, or null for the platform's own single instance */
    public static String instanceUrl(Platform platform, String instanceUrl) {
        boolean given = instanceUrl != null && !instanceUrl.isBlank();
        if (!platform.acceptsInstanceUrl() && given) {
            throw new InvalidValueException("instanceUrl", "instanceUrl applies only to mastodon and bluesky links");
        }
        if (platform.needsInstanceUrl() && !given) {
            throw new InvalidValueException("instanceUrl", "instanceUrl is required for " + platform.wireName());
        }
        return given ? checkedHttpUrl(instanceUrl.strip()) : null;
    }

    /** A Facebook page has no threads of replies to itself, so it cannot split a long post into one. */
    public static OverflowRule overflow(Platform platform, String overflow) {
        OverflowRule rule = OverflowRule.fromWireName(overflow);
        if (rule == OverflowRule.THREAD && platform == Platform.FACEBOOK) {
            throw new InvalidValueException("overflow", "facebook pages have no threads: choose refuse or truncate");
        }
        return rule;
    }

    private static String checkedHttpUrl(String url) {
        try {
            URI uri = URI.create(url);
            boolean http = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
            if (!http || uri.getHost() == null) {
                throw new InvalidValueException("instanceUrl", "instanceUrl must be an http(s) URL with a host");
            }
            // Host names are case-insensitive: normalise so the duplicate-link check sees one instance.
            return uri.getScheme() + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("instanceUrl", "instanceUrl is not a valid URL: " + url);
        }
    }
}
