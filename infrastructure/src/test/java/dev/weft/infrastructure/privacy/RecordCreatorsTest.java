package dev.weft.infrastructure.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

class RecordCreatorsTest {
    private final JsonMapper plain = JsonMapper.builder().build();
    private final JsonMapper withCreators = JsonMapper.builder().addModule(RecordCreators.module()).build();

    record Nested(String name, int count) {
    }

    record Outer(String id, Instant at, Nested nested, List<Nested> items, boolean flag) {
    }

    record Guarded(String id) {
        Guarded {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("id is required");
            }
        }
    }

    record Witness(String id) {
        static final List<String> CALLERS = new java.util.ArrayList<>();

        Witness {
            CALLERS.clear();
            CALLERS.addAll(StackWalker.getInstance().walk(frames -> frames.limit(8)
                    .map(frame -> frame.getClassName() + "." + frame.getMethodName()).toList()));
        }
    }

    @Test
    void constructsARecordThroughReflectionRatherThanJacksonsSpreadingHandle() {
        withCreators.readValue("{\"id\":\"w\"}", Witness.class);
        assertThat(Witness.CALLERS).anyMatch(caller -> caller.contains("ReflectiveRecordInstantiator"));

        plain.readValue("{\"id\":\"w\"}", Witness.class);
        assertThat(Witness.CALLERS).noneMatch(caller -> caller.contains("ReflectiveRecordInstantiator"));
    }

    @Test
    void readsRecordsAsJacksonAloneDoes() {
        String json = "{\"id\":\"a\",\"at\":\"2026-12-07T15:00:00Z\",\"nested\":{\"name\":\"n\",\"count\":2},"
                + "\"items\":[{\"name\":\"x\",\"count\":1}],\"flag\":true}";

        Outer read = withCreators.readValue(json, Outer.class);

        assertThat(read).isEqualTo(plain.readValue(json, Outer.class));
        assertThat(read.nested()).isEqualTo(new Nested("n", 2));
    }

    @Test
    void aMissingComponentIsReadAsJacksonReadsIt() {
        assertThat(withCreators.readValue("{\"count\":2}", Nested.class))
                .isEqualTo(plain.readValue("{\"count\":2}", Nested.class)).isEqualTo(new Nested(null, 2));
    }

    @Test
    void aConstructorThatRefusesItsArgumentsFailsWithItsOwnReason() {
        assertThatThrownBy(() -> withCreators.readValue("{\"id\":\" \"}", Guarded.class))
                .isInstanceOf(DatabindException.class)
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .rootCause().hasMessage("id is required");
    }
}
