package dev.weft.application.federation;

import java.util.Optional;

/**
 * Every ActivityPub id Weft mints, in one place, and the way back from an id to the local
 * thing it names. Actors are addressed by handle, as Mastodon does, because handles never
 * change and never return to the pool once claimed.
 */
public class FederationUrls {
    private final String base;

    public FederationUrls(FederationSettings settings) {
        this.base = settings.baseUrl();
    }

    public String base() {
        return base;
    }

    public String actor(String handle) {
        return base + "/users/" + handle;
    }

    public String inbox(String handle) {
        return actor(handle) + "/inbox";
    }

    public String outbox(String handle) {
        return actor(handle) + "/outbox";
    }

    public String followers(String handle) {
        return actor(handle) + "/followers";
    }

    public String following(String handle) {
        return actor(handle) + "/following";
    }

    public String sharedInbox() {
        return base + "/inbox";
    }

    /** The HTML profile people open, carrying rel="me" links to the linked accounts. */
    public String profilePage(String handle) {
        return base + "/@" + handle;
    }

    /** The server's own actor: it signs GETs of remote actors (authorized fetch). */
    public String instanceActor() {
        return base + "/actor";
    }

    public String rsaKeyId(String actorId) {
        return actorId + "#main-key";
    }

    public String ed25519KeyId(String actorId) {
        return actorId + "#ed25519-key";
    }

    public String note(String postId) {
        return base + "/posts/" + postId;
    }

    public String createActivity(String postId) {
        return note(postId) + "/activity";
    }

    /** One id per edit, so a server that dedupes by activity id takes every edit. */
    public String updateActivity(String postId, long editedAtMillis) {
        return note(postId) + "/updates/" + editedAtMillis;
    }

    public String deleteActivity(String postId) {
        return note(postId) + "/delete";
    }

    /** Answers to a follow, and the account's own follows, keyed by the follow aggregate's id. */
    public String followActivity(String followId) {
        return base + "/follows/" + followId;
    }

    public String acceptActivity(String followId) {
        return followActivity(followId) + "/accept";
    }

    public String rejectActivity(String followId) {
        return followActivity(followId) + "/reject";
    }

    public String undoActivity(String followId) {
        return followActivity(followId) + "/undo";
    }

    /** An Update(Person) or Delete(Person) of the account itself, made unique by time. */
    public String actorActivity(String handle, String kind, long atMillis) {
        return actor(handle) + "#" + kind + "/" + atMillis;
    }

    public Optional<String> handleOfActor(String id) {
        return after(id, base + "/users/").filter(rest -> !rest.contains("/") && !rest.contains("#"));
    }

    public Optional<String> postIdOfNote(String id) {
        return after(id, base + "/posts/").filter(rest -> !rest.contains("/") && !rest.contains("#"));
    }

    public boolean isLocal(String id) {
        return id != null && (id.equals(base) || id.startsWith(base + "/"));
    }

    private static Optional<String> after(String id, String prefix) {
        if (id == null || !id.startsWith(prefix) || id.length() == prefix.length()) {
            return Optional.empty();
        }
        return Optional.of(id.substring(prefix.length()));
    }
}
