package dev.weft.infrastructure.federation.remote;

import java.util.Optional;

/** The last document fetched of each remote actor, kept past the in-memory cache. */
public interface KnownActorDocuments {
    void save(String actorId, String document);

    Optional<String> load(String actorId);

    /** For tests that need no database: remembers nothing. */
    KnownActorDocuments NONE = new KnownActorDocuments() {
        @Override
        public void save(String actorId, String document) {
        }

        @Override
        public Optional<String> load(String actorId) {
            return Optional.empty();
        }
    };
}
