package dev.weft.application.federation.documents;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The vocabulary the documents are written in. Every term a document uses is defined by one
 * of its contexts, so a strict JSON-LD processor (Fedify) keeps what Mastodon would read.
 */
public final class ActivityStreams {
    public static final String MEDIA_TYPE = "application/activity+json";
    public static final String AS_CONTEXT = "https://www.w3.org/ns/activitystreams";
    public static final String SECURITY_CONTEXT = "https://w3id.org/security/v1";
    public static final String MULTIKEY_CONTEXT = "https://w3id.org/security/multikey/v1";
    public static final String PUBLIC = "https://www.w3.org/ns/activitystreams#Public";
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ActivityStreams() {
    }

    /** For actors: keys (security, Multikey) and the Mastodon extensions they carry. */
    public static ArrayNode actorContext() {
        ArrayNode context = NODES.arrayNode().add(AS_CONTEXT).add(SECURITY_CONTEXT).add(MULTIKEY_CONTEXT);
        ObjectNode terms = context.addObject();
        terms.put("manuallyApprovesFollowers", "as:manuallyApprovesFollowers");
        terms.put("toot", "http://joinmastodon.org/ns#");
        terms.put("discoverable", "toot:discoverable");
        terms.put("schema", "http://schema.org#");
        terms.put("PropertyValue", "schema:PropertyValue");
        terms.put("value", "schema:value");
        // Neither security/v1 nor multikey/v1 defines it; without it a strict processor drops the Multikey.
        ObjectNode assertionMethod = terms.putObject("assertionMethod");
        assertionMethod.put("@id", "https://w3id.org/security#assertionMethod");
        assertionMethod.put("@type", "@id");
        assertionMethod.put("@container", "@set");
        // Mastodon's term, outside the ActivityStreams context: a strict processor drops it undefined.
        ObjectNode movedTo = terms.putObject("movedTo");
        movedTo.put("@id", "as:movedTo");
        movedTo.put("@type", "@id");
        ObjectNode alsoKnownAs = terms.putObject("alsoKnownAs");
        alsoKnownAs.put("@id", "as:alsoKnownAs");
        alsoKnownAs.put("@type", "@id");
        return context;
    }

    /** For notes and the activities that carry them. */
    public static ArrayNode objectContext() {
        ArrayNode context = NODES.arrayNode().add(AS_CONTEXT);
        context.addObject().put("sensitive", "as:sensitive");
        return context;
    }

    public static ObjectNode document(ArrayNode context, String id, String type) {
        ObjectNode node = NODES.objectNode();
        node.set("@context", context);
        node.put("id", id);
        node.put("type", type);
        return node;
    }

    public static ObjectNode object(String id, String type) {
        ObjectNode node = NODES.objectNode();
        node.put("id", id);
        node.put("type", type);
        return node;
    }

    public static ArrayNode strings(List<String> values) {
        ArrayNode array = NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }

    /** xsd:dateTime to the second, as Mastodon writes it and every peer parses it. */
    public static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
