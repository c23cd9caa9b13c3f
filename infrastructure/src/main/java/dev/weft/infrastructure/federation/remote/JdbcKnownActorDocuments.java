package dev.weft.infrastructure.federation.remote;

import dev.weft.application.remotepeople.PersonalDataKeys;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

@Component
public class JdbcKnownActorDocuments implements KnownActorDocuments {
    private final JdbcTemplate jdbc;
    private final PersonalDataKeys keys;

    public JdbcKnownActorDocuments(JdbcTemplate jdbc, PersonalDataKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    /** The document of an erased person is used for the moment at most, never kept. */
    @Override
    public void save(String actorId, String document) {
        if (keys.erased(actorId)) {
            return;
        }
        jdbc.update("INSERT INTO federation.remote_actor (actor_id, document, fetched_at) VALUES (?, ?, now()) "
                + "ON CONFLICT (actor_id) DO UPDATE SET document = EXCLUDED.document, fetched_at = now()",
                actorId, document);
    }

    @Override
    public Optional<String> load(String actorId) {
        return jdbc.queryForList("SELECT document FROM federation.remote_actor WHERE actor_id = ?", String.class,
                actorId).stream().findFirst();
    }
}
