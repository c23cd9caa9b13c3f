package dev.weft.application.federation.documents;

import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Ordered collections and their pages: the outbox, followers and following. */
@Component
public class CollectionDocuments {

    /** A collection that says how many items it has and where its pages start; first and last may be null. */
    public ObjectNode collection(String id, long totalItems, String first, String last) {
        ObjectNode collection = ActivityStreams.document(ActivityStreams.objectContext(), id,
                "OrderedCollection");
        collection.put("totalItems", totalItems);
        if (first != null) {
            collection.put("first", first);
        }
        if (last != null) {
            collection.put("last", last);
        }
        return collection;
    }

    /** A page, newest first; next leads to older items, prev to newer, each null at the end. */
    public ObjectNode page(String id, String partOf, List<? extends JsonNode> items, String next, String prev) {
        ObjectNode page = ActivityStreams.document(ActivityStreams.objectContext(), id, "OrderedCollectionPage");
        page.put("partOf", partOf);
        ArrayNode ordered = page.putArray("orderedItems");
        items.forEach(item -> ordered.add(withoutContext(item)));
        if (next != null) {
            page.put("next", next);
        }
        if (prev != null) {
            page.put("prev", prev);
        }
        return page;
    }

    private static JsonNode withoutContext(JsonNode item) {
        if (item instanceof ObjectNode object && object.has("@context")) {
            ObjectNode copy = object.deepCopy();
            copy.remove("@context");
            return copy;
        }
        return item;
    }
}
