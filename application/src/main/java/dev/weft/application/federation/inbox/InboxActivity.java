package dev.weft.application.federation.inbox;

import tools.jackson.databind.JsonNode;

/**
 * An activity as it arrived: its id, type, actor and object (the object's id, and the
 * object itself when it was embedded), with the whole document kept for the handlers.
 */
public record InboxActivity(String id, String type, String actorId, String objectId, String objectType,
                            JsonNode object, JsonNode document) {

    public boolean objectEmbedded() {
        return object != null;
    }
}
