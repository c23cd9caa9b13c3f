package dev.weft.application.remotepeople;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.application.shared.CommandSender;
import dev.weft.domain.remotepeople.EraseRemotePersonCommand;
import dev.weft.domain.remotepeople.RemotePersonIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A remote person is erased only when something of them was sealed, and only once. */
class RemotePeopleTest {
    private static final String ZOE = "https://remote.example/users/zoe";
    private static final Instant NOW = Instant.parse("2026-12-03T07:30:00Z");
    private final Map<String, String> placeholders = new HashMap<>();
    private final Set<String> erased = new HashSet<>();
    private final List<Object> sent = new ArrayList<>();
    private final RemotePeople people = new RemotePeople(new PersonalDataKeys() {
        @Override
        public Optional<String> placeholderOf(String subjectId) {
            return Optional.ofNullable(placeholders.get(subjectId));
        }

        @Override
        public boolean erased(String subjectId) {
            return erased.contains(subjectId);
        }
    }, new CommandSender(null) {
        @Override
        public <R> R send(Object command) {
            sent.add(command);
            return null;
        }
    }, () -> NOW);

    @Test
    void someoneWithSealedDataIsErasedUnderTheirPlaceholder() {
        placeholders.put(ZOE, "urn:weft:erased:k1");
        people.erase(ZOE);
        assertThat(sent).containsExactly(new EraseRemotePersonCommand(RemotePersonIds.of(ZOE), ZOE,
                "urn:weft:erased:k1", NOW));
    }

    @Test
    void someoneNeverKeptIsLeftAlone() {
        assertThat(people.erase(ZOE)).isEqualTo("nothing of them was kept");
        assertThat(sent).isEmpty();
    }

    @Test
    void someoneErasedAlreadyIsNotErasedAgain() {
        erased.add(ZOE);
        assertThat(people.erase(ZOE)).isEqualTo("erased already");
        assertThat(sent).isEmpty();
        assertThat(people.erased(ZOE)).isTrue();
    }
}
