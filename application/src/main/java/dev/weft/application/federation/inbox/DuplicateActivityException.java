package dev.weft.application.federation.inbox;

import dev.weft.domain.shared.ConflictException;

/** The activity id was received before: a replay, answered 409 and not stored again. */
public class DuplicateActivityException extends ConflictException {
    public DuplicateActivityException(String activityId) {
        super("id", "activity " + activityId + " was already received");
    }
}
