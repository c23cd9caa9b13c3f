package dev.weft.infrastructure.crossposting;

import dev.weft.application.crossposting.formatting.FormattedPart;
import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A copy's formatted parts as stored on its queue row, so every retry sends the same text. */
final class PartsJson {
    private static final TypeReference<List<FormattedPart>> PARTS = new TypeReference<>() {
    };
    private final JsonMapper mapper = JsonMapper.builder().build();

    String write(List<FormattedPart> parts) {
        return mapper.writeValueAsString(parts);
    }

    List<FormattedPart> read(String json) {
        return json == null ? null : mapper.readValue(json, PARTS);
    }
}
