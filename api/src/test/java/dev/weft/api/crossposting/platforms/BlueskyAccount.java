package dev.weft.api.crossposting.platforms;

/** An account seeded on a {@link FakeBluesky}: its DID and handle. */
public record BlueskyAccount(String did, String handle) {
}
