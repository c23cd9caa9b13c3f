package dev.weft.application.federation.activitystreams;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Reads ActivityStreams documents in every shape JSON-LD compaction allows, not only
 * Mastodon's: a property may hold one value or an array, an object may be embedded or
 * given by its id, and the public collection has three spellings.
 */
public final class JsonLd {
    public static final String PUBLIC = "https://www.w3.org/ns/activitystreams#Public";

    private JsonLd() {
    }

    /** The property's values: none when absent or null, one when single, each when an array. */
    public static List<JsonNode> values(JsonNode node, String property) {
        JsonNode value = node == null ? null : node.get(property);
        List<JsonNode> out = new ArrayList<>();
        if (value == null || value.isNull() || value.isMissingNode()) {
            return out;
        }
        if (value.isArray()) {
            value.forEach(out::add);
        } else {
            out.add(value);
        }
        return out;
    }

    /** The first value of the property, when there is one. */
    public static Optional<JsonNode> first(JsonNode node, String property) {
        List<JsonNode> values = values(node, property);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The id of a value: the string itself, an object's "id" (or "@id"), or a Link's "href". */
    public static Optional<String> idOf(JsonNode value) {
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isString()) {
            return Optional.of(value.asString());
        }
        for (String key : List.of("id", "@id", "href")) {
            JsonNode id = value.get(key);
            if (id != null && id.isString()) {
                return Optional.of(id.asString());
            }
        }
        return Optional.empty();
    }

    /** The id of the property's first value. */
    public static Optional<String> id(JsonNode node, String property) {
        return first(node, property).flatMap(JsonLd::idOf);
    }

    /** The ids of all the property's values. */
    public static List<String> ids(JsonNode node, String property) {
        return values(node, property).stream().map(JsonLd::idOf).flatMap(Optional::stream).toList();
    }

    /** The property's first value as text, when it is a string. */
    public static Optional<String> text(JsonNode node, String property) {
        return first(node, property).filter(JsonNode::isString).map(JsonNode::asString);
    }

    /** Whether the document's type (one or several, with or without the "as:" prefix) is the given one. */
    public static boolean hasType(JsonNode node, String type) {
        return types(node).contains(type);
    }

    public static List<String> types(JsonNode node) {
        List<JsonNode> values = values(node, "type");
        if (values.isEmpty()) {
            values = values(node, "@type");
        }
        return values.stream().filter(JsonNode::isString).map(JsonNode::asString).map(JsonLd::withoutPrefix)
                .toList();
    }

    /** The object of the property when it is embedded; empty when only its id is given. */
    public static Optional<JsonNode> embedded(JsonNode node, String property) {
        return first(node, property).filter(JsonNode::isObject);
    }

    public static boolean isPublic(String audience) {
        return PUBLIC.equals(audience) || "as:Public".equals(audience) || "Public".equals(audience);
    }

    /** Whether "to" or "cc" names the public collection. */
    public static boolean addressedToPublic(JsonNode node) {
        return ids(node, "to").stream().anyMatch(JsonLd::isPublic) || ids(node, "cc").stream()
                .anyMatch(JsonLd::isPublic);
    }

    private static String withoutPrefix(String type) {
        return type.startsWith("as:") ? type.substring(3) : type;
    }
}
