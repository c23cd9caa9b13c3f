package dev.weft.infrastructure.crossposting;

import dev.weft.infrastructure.http.HttpReply;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reading platform answers leniently: an error page in HTML, an empty body or a field of an
 * unexpected type reads as absent, so a connector decides on what is there rather than failing
 * on what is not.
 */
public final class Json {
    public static final String CONTENT_TYPE = "application/json";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    public static JsonNode read(HttpReply reply) {
        return read(reply.body());
    }

    public static JsonNode read(byte[] body) {
        try {
            JsonNode node = body.length == 0 ? null : MAPPER.readTree(body);
            return node == null ? MissingNode.getInstance() : node;
        } catch (JacksonException e) {
            return MissingNode.getInstance();
        }
    }

    public static JsonNode read(String text) {
        return text == null ? MissingNode.getInstance() : read(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A string or a number (platform ids come as either), never blank. */
    public static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isString() && !value.isNumber()) {
            return Optional.empty();
        }
        return Optional.of(value.asString()).filter(text -> !text.isBlank());
    }

    public static OptionalLong number(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isNumber()) {
            return OptionalLong.of(value.asLong());
        }
        if (value.isString() && value.asString().strip().matches("-?\\d{1,18}")) {
            return OptionalLong.of(Long.parseLong(value.asString().strip()));
        }
        return OptionalLong.empty();
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static byte[] bytes(JsonNode node) {
        return MAPPER.writeValueAsBytes(node);
    }
}
