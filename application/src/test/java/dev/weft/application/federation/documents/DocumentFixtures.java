package dev.weft.application.federation.documents;

import dev.weft.application.accounts.AccountView;
import dev.weft.application.federation.FederationSettings;
import dev.weft.application.federation.FederationUrls;
import dev.weft.application.federation.keys.ActorKeyPairs;
import dev.weft.application.links.LinkView;
import dev.weft.application.posts.PostView;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

final class DocumentFixtures {
    static final String BASE = "https://weft.example";
    static final FederationUrls URLS = new FederationUrls(new FederationSettings(BASE, Duration.ZERO, List.of(),
            List.of()));
    static final Instant CREATED = Instant.parse("2026-01-02T03:04:05.678Z");
    static final ActorKeyPairs KEYS = keys();

    private DocumentFixtures() {
    }

    static AccountView account(String handle, String displayName) {
        return new AccountView("acc-1", handle, displayName, true, "US", LocalDate.of(1990, 1, 1), true, "2026-11",
                CREATED, null, null);
    }

    static LinkView link(String platform, String externalId, String instanceUrl) {
        return new LinkView("link-" + platform, platform, externalId, instanceUrl, null, null, true, "refuse",
                LinkView.ACTIVE, null, null, CREATED);
    }

    static PostView post(String text, String contentWarning, String language, String visibility, Instant editedAt) {
        return new PostView("post-1", "acc-1", text, contentWarning, language, visibility, true, CREATED, editedAt,
                BASE + "/posts/post-1");
    }

    private static ActorKeyPairs keys() {
        try {
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(2048);
            return new ActorKeyPairs(rsa.generateKeyPair(), KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
