package dev.weft.domain.distribution;

import dev.weft.domain.links.Platform;

/**
 * Where a copy of a post goes: a fediverse server (by host) or one of the person's linked
 * accounts (by link id). Deletion requests and the audit trail are kept per destination.
 */
public record Destination(Kind kind, String key, Platform platform) {
    public enum Kind { FEDIVERSE_SERVER, LINKED_ACCOUNT }

    public static Destination server(String host) {
        return new Destination(Kind.FEDIVERSE_SERVER, host, null);
    }

    public static Destination linkedAccount(String linkId, Platform platform) {
        return new Destination(Kind.LINKED_ACCOUNT, linkId, platform);
    }

    public String label() {
        return kind == Kind.FEDIVERSE_SERVER ? key : platform.wireName() + ":" + key;
    }
}
