package dev.weft.api.crossposting.platforms;

import java.time.Instant;

/**
 * A status as a {@link FakeMastodon} stored it. spoilerText is "" when none was given and
 * language is the instance default when the one given is not a language Mastodon knows,
 * as Mastodon does; inReplyToId and inReplyToAccountId are null for a status that is no reply.
 */
public record MastodonStatus(String id, String accountId, String text, String spoilerText, String visibility,
                             String language, boolean sensitive, String inReplyToId, String inReplyToAccountId,
                             Instant createdAt, String uri, String url) {
}
