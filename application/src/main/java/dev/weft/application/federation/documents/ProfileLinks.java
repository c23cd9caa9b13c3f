package dev.weft.application.federation.documents;

import dev.weft.application.links.LinkView;
import java.util.Optional;

/**
 * Where a linked account can be seen on its own platform. Its profile is what a rel="me"
 * link points at, so the platform can see that the same person controls both ends.
 */
public final class ProfileLinks {
    private ProfileLinks() {
    }

    public static Optional<String> profileUrl(LinkView link) {
        String account = link.externalAccountId();
        return switch (link.platform()) {
            case "mastodon" -> Optional.ofNullable(link.instanceUrl()).filter(u -> !u.isBlank())
                    .map(u -> stripTrailingSlash(u) + "/@" + account);
            case "threads" -> Optional.of("https://www.threads.net/@" + account);
            case "facebook" -> Optional.of("https://www.facebook.com/" + account);
            default -> Optional.empty();
        };
    }

    public static String platformName(LinkView link) {
        return switch (link.platform()) {
            case "mastodon" -> "Mastodon";
            case "threads" -> "Threads";
            case "facebook" -> "Facebook";
            default -> link.platform();
        };
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
