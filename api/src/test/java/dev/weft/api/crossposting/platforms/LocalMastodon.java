package dev.weft.api.crossposting.platforms;

import java.time.Clock;

/**
 * The README's tour: a {@link FakeMastodon} on a fixed loopback port with one account,
 * running until stopped, so a newcomer can link a Mastodon account and watch a copy arrive
 * without an instance of their own. Started by docs/fake-mastodon.sh.
 */
public final class LocalMastodon {
    private LocalMastodon() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8091;
        String token = args.length > 1 ? args[1] : "demo-token";
        FakeMastodon mastodon = new FakeMastodon(FakeMastodon.DEFAULT_DOMAIN, Clock.systemUTC(), port).start();
        MastodonAccount alice = mastodon.seedAccount("alice", token);
        Runtime.getRuntime().addShutdownHook(new Thread(mastodon::stop));
        System.out.println("A local Mastodon answers at " + mastodon.baseUrl() + " for @alice (account id "
                + alice.id() + ", access token " + token + "). Its statuses: " + mastodon.baseUrl()
                + "/api/v1/accounts/" + alice.id() + "/statuses");
        Thread.currentThread().join();
    }
}
