package dev.weft.application.crossposting.formatting;

import java.util.Objects;

/**
 * Rewrites mentions so that none names a stranger on the target. A handle means nothing
 * outside its own network: {@code @alice@example.social} on Threads or Bluesky would
 * notify whoever holds "alice" there. So only Mastodon, in the fediverse itself, keeps
 * mentions as mentions (a bare Weft mention gains this server's domain); elsewhere every
 * mention becomes a link to the account's profile page.
 */
final class MentionRewriter {
    private final String baseUrl;
    private final String localDomain;

    MentionRewriter(String baseUrl, String localDomain) {
        this.baseUrl = withoutTrailingSlash(Objects.requireNonNull(baseUrl, "baseUrl"));
        this.localDomain = Objects.requireNonNull(localDomain, "localDomain");
    }

    String rewrite(String text, TargetRules rules) {
        StringBuilder rewritten = new StringBuilder();
        int copied = 0;
        for (Entity mention : Entities.in(text).stream().filter(Entity::isMention).toList()) {
            rewritten.append(text, copied, mention.start()).append(onTarget(mention, rules));
            copied = mention.end();
        }
        return rewritten.append(text, copied, text.length()).toString();
    }

    private String onTarget(Entity mention, TargetRules rules) {
        boolean local = mention.kind() == Entity.Kind.LOCAL_MENTION;
        if (rules.isFediverse()) {
            return local ? mention.text() + "@" + localDomain : mention.text();
        }
        return local ? baseUrl + "/@" + mention.user() : "https://" + mention.host() + "/@" + mention.user();
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
