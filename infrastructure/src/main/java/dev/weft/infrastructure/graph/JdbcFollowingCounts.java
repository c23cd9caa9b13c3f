package dev.weft.infrastructure.graph;

import dev.weft.application.graph.FollowingCounts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

@Component
public class JdbcFollowingCounts implements FollowingCounts {
    private final JdbcTemplate jdbc;

    public JdbcFollowingCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long acceptedFollowingCount(String accountId) {
        return jdbc.queryForObject("SELECT count(*) FROM followers.following WHERE account_id = ? "
                + "AND state = 'ACCEPTED'", Long.class, accountId);
    }
}
