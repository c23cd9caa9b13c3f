package dev.weft.application.federation.delivery;

/** Why a delivery is made: it decides which record its outcome updates. */
public enum DeliveryPurpose {
    /** Create(Note): the outcome is a delivery attempt of the post copy. */
    POST_CREATE,
    POST_UPDATE,
    /** Delete(Tombstone): the outcome is the outcome of the copy's deletion request. */
    POST_DELETE,
    FOLLOW_ACCEPT,
    FOLLOW_REJECT,
    FOLLOW,
    UNDO_FOLLOW,
    ACTOR_UPDATE,
    ACTOR_DELETE,
    /** Move of the actor to its new one: an activity delivery like an actor's Update. */
    ACTOR_MOVE
}
