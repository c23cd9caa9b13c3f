package dev.weft.application.federation.inbox;

import dev.weft.application.federation.activitystreams.JsonLd;
import dev.weft.domain.shared.InvalidValueException;
import java.net.URI;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Turns a request body into an InboxActivity, refusing what is not an activity at all. */
public final class ActivityParser {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ActivityParser() {
    }

    public static InboxActivity parse(byte[] body) {
        JsonNode document = readObject(body);
        String id = absoluteUrl(JsonLd.id(document, "id").or(() -> JsonLd.id(document, "@id")).orElse(null), "id");
        List<String> types = JsonLd.types(document);
        if (types.isEmpty()) {
            throw new InvalidValueException("type", "the activity has no type");
        }
        String actor = absoluteUrl(JsonLd.id(document, "actor").orElse(null), "actor");
        JsonNode object = JsonLd.embedded(document, "object").orElse(null);
        String objectId = JsonLd.id(document, "object").orElse(null);
        String objectType = object == null ? null : JsonLd.types(object).stream().findFirst().orElse(null);
        return new InboxActivity(id, types.get(0), actor, objectId, objectType, object, document);
    }

    private static JsonNode readObject(byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidValueException("body", "the request has no body");
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw new InvalidValueException("body", "the body is not a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw new InvalidValueException("body", "the body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    static String absoluteUrl(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field, "the activity has no " + field);
        }
        try {
            URI uri = URI.create(value);
            String scheme = uri.getScheme();
            if (uri.getHost() == null || !("https".equals(scheme) || "http".equals(scheme))) {
                throw new InvalidValueException(field, field + " must be an http(s) URL: " + value);
            }
            return value;
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(field, field + " is not a valid URL: " + value);
        }
    }
}
