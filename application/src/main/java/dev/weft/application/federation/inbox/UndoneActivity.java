package dev.weft.application.federation.inbox;

import dev.weft.application.federation.activitystreams.JsonLd;
import tools.jackson.databind.JsonNode;

/** What an Undo takes back: its id, type, actor and object. */
record UndoneActivity(String id, String type, String actorId, String objectId) {

    static UndoneActivity of(InboxActivity undo, InboxQueue queue) {
        JsonNode embedded = undo.object();
        if (embedded != null && !JsonLd.types(embedded).isEmpty()) {
            return new UndoneActivity(undo.objectId(), JsonLd.types(embedded).get(0),
                    JsonLd.id(embedded, "actor").orElse(undo.actorId()), JsonLd.id(embedded, "object").orElse(null));
        }
        if (undo.objectId() == null) {
            return null;
        }
        return queue.find(undo.objectId()).map(r -> new UndoneActivity(r.activityId(), r.type(), r.actorId(),
                r.objectId())).orElse(null);
    }
}
