package dev.weft.api.support;

import dev.weft.api.crossposting.platforms.FakeBluesky;
import dev.weft.api.crossposting.platforms.FakeFacebookPages;
import dev.weft.api.crossposting.platforms.FakeMastodon;
import dev.weft.api.crossposting.platforms.FakeThreads;

/**
 * One local stand-in per platform for the whole test JVM, started before the engine so its
 * settings can name them. Tests keep out of each other's way by seeding accounts of their
 * own and looking only at those.
 */
public final class PlatformFakes {
    public static final FakeMastodon MASTODON = new FakeMastodon().start();
    public static final FakeThreads THREADS = new FakeThreads().start();
    public static final FakeFacebookPages FACEBOOK = new FakeFacebookPages().start();
    public static final FakeBluesky BLUESKY = new FakeBluesky().start();

    private PlatformFakes() {
    }
}
