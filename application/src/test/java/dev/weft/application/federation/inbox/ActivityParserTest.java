package dev.weft.application.federation.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.domain.shared.InvalidValueException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ActivityParserTest {

    private static InboxActivity parse(String json) {
        return ActivityParser.parse(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsMastodonsExpandedForm() {
        InboxActivity like = parse("{'@context': 'https://www.w3.org/ns/activitystreams', 'id': 'https://m.example/l/1',"
                + " 'type': 'Like', 'actor': 'https://m.example/users/a', 'object': 'https://w.example/posts/p'}");
        assertThat(like.type()).isEqualTo("Like");
        assertThat(like.actorId()).isEqualTo("https://m.example/users/a");
        assertThat(like.objectId()).isEqualTo("https://w.example/posts/p");
        assertThat(like.objectEmbedded()).isFalse();
    }

    @Test
    void readsCompactedFormsWithEmbeddedObjectsAndPrefixedTypes() {
        InboxActivity undo = parse("{'id': 'https://f.example/u/1', 'type': 'as:Undo', 'actor': {'id': "
                + "'https://f.example/users/b', 'type': 'Person'}, 'object': {'id': 'https://f.example/l/1', "
                + "'type': 'Like', 'actor': 'https://f.example/users/b', 'object': 'https://w.example/posts/p'}}");
        assertThat(undo.type()).isEqualTo("Undo");
        assertThat(undo.actorId()).isEqualTo("https://f.example/users/b");
        assertThat(undo.objectId()).isEqualTo("https://f.example/l/1");
        assertThat(undo.objectType()).isEqualTo("Like");
    }

    @Test
    void refusesWhatIsNotAnActivity() {
        assertThatThrownBy(() -> parse("not json")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> parse("[1, 2]")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> parse("{'type': 'Like', 'actor': 'https://m.example/users/a'}"))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("no id");
        assertThatThrownBy(() -> parse("{'id': 'https://m.example/1', 'actor': 'https://m.example/users/a'}"))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("no type");
        assertThatThrownBy(() -> parse("{'id': 'https://m.example/1', 'type': 'Like'}"))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("no actor");
        assertThatThrownBy(() -> parse("{'id': 'urn:x:1', 'type': 'Like', 'actor': 'https://m.example/users/a'}"))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("http(s) URL");
        assertThatThrownBy(() -> ActivityParser.parse(new byte[0])).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("no body");
    }
}
