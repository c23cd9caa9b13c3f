package dev.weft.application.federation.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.application.federation.FederationSettings;
import dev.weft.application.federation.FederationUrls;
import dev.weft.domain.shared.InvalidValueException;
import dev.weft.domain.shared.NotEligibleException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActorLookupTest {
    private final List<String> asked = new ArrayList<>();
    private final WebFinger webFinger = (user, domain) -> {
        asked.add(user + "@" + domain);
        return "alice".equals(user) ? Optional.of("https://" + domain + "/users/" + user) : Optional.empty();
    };
    private final ActorLookup lookup = new ActorLookup(webFinger, new FederationUrls(
            new FederationSettings("https://weft.example", Duration.ZERO, List.of(), List.of())));

    @Test
    void anIriIsTakenAsItIsWithoutAnyLookup() {
        assertThat(lookup.actorIdOf(" https://example.social/users/bob ", "actorId"))
                .isEqualTo("https://example.social/users/bob");
        assertThat(asked).isEmpty();
    }

    @Test
    void aHandleInEachUsualSpellingIsAskedOfItsServer() {
        for (String handle : List.of("alice@example.social", "@alice@example.social", "acct:alice@example.social",
                "ACCT:alice@example.social")) {
            assertThat(lookup.actorIdOf(handle, "actorId")).isEqualTo("https://example.social/users/alice");
        }
        assertThat(asked).containsOnly("alice@example.social");
    }

    @Test
    void anInternationalisedDomainIsAskedForByItsAsciiName() {
        lookup.actorIdOf("alice@bücher.example:8443", "actorId");
        assertThat(asked).containsExactly("alice@xn--bcher-kva.example:8443");
    }

    @Test
    void aHandleWebFingerDoesNotResolveIsNotEligibleAndNamesTheField() {
        assertThatThrownBy(() -> lookup.actorIdOf("carol@example.social", "target"))
                .isInstanceOf(NotEligibleException.class).hasMessageContaining("carol@example.social")
                .extracting("field").isEqualTo("target");
    }

    @Test
    void aMalformedHandleOrOneOfThisServerIsRefusedBeforeAnyLookup() {
        for (String bad : List.of("alice", "alice@", "@alice", "mailto:alice@example.social", "a b@example.social",
                "alice@example.social/x", "alice@weft.example", "alice@WEFT.example", "alice@exa<mple.social",
                "alice@exa%zzmple.social", "alice@example.social:99999x", "alice@-bad-.social")) {
            assertThatThrownBy(() -> lookup.actorIdOf(bad, "actorId")).as(bad)
                    .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("actorId");
        }
        assertThat(asked).isEmpty();
    }
}
