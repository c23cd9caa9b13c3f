package dev.weft.infrastructure.deletion;

import static dev.weft.infrastructure.shared.Rows.instant;

import dev.weft.application.deletion.DeletionLogReader;
import dev.weft.application.deletion.DeletionRequestView;
import dev.weft.application.shared.Cursors;
import dev.weft.application.shared.Page;
import dev.weft.application.shared.PageRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

@Component
public class JdbcDeletionLogReader implements DeletionLogReader {
    private final JdbcTemplate jdbc;

    public JdbcDeletionLogReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Page<DeletionRequestView> requestsOf(String accountId, PageRequest page) {
        List<DeletionRequestView> rows = jdbc.query("SELECT * FROM deletion_requests.request WHERE account_id = ? "
                        + "AND (position, copy_id) > (?, ?) ORDER BY position, copy_id LIMIT ?",
                (rs, i) -> new DeletionRequestView(rs.getLong("position"), rs.getString("copy_id"),
                        rs.getString("post_id"),
                        lower(rs.getString("kind")), rs.getString("destination"), rs.getString("platform"),
                        lower(rs.getString("reason")), instant(rs, "requested_at"), lower(rs.getString("outcome")),
                        rs.getString("outcome_reason"), instant(rs, "outcome_at")),
                accountId, page.since().position(), page.since().id(), page.limit() + 1);
        return Cursors.page(rows, page.limit(), r -> new Cursors.Cursor(r.position(), r.id()));
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }
}
