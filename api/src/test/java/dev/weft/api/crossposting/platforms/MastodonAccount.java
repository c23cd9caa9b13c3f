package dev.weft.api.crossposting.platforms;

/** An account seeded on a {@link FakeMastodon}; id is what its statuses' account.id says. */
public record MastodonAccount(String id, String username) {
}
