package dev.weft.infrastructure.audit;

import static dev.weft.infrastructure.shared.Rows.instant;
import static dev.weft.infrastructure.shared.Rows.ts;

import dev.weft.application.audit.AuditEntryView;
import dev.weft.application.audit.AuditTrailReader;
import dev.weft.application.shared.Cursors;
import dev.weft.application.shared.Page;
import dev.weft.application.shared.PageRequest;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

@Component
public class JdbcAuditTrailReader implements AuditTrailReader {
    private final JdbcTemplate jdbc;

    public JdbcAuditTrailReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Page<AuditEntryView> entriesOf(String accountId, Instant asOf, PageRequest page) {
        Instant until = asOf == null ? Instant.parse("9999-12-31T00:00:00Z") : asOf;
        List<AuditEntryView> rows = jdbc.query("SELECT * FROM audit.entry WHERE account_id = ? "
                        + "AND (position, event_id) > (?, ?) AND occurred_at <= ? ORDER BY position, event_id LIMIT ?",
                (rs, i) -> new AuditEntryView(rs.getLong("position"), rs.getString("event_id"),
                        instant(rs, "occurred_at"), rs.getString("kind"), rs.getString("subject"),
                        rs.getString("recipient"), rs.getString("consent"), rs.getString("detail")),
                accountId, page.since().position(), page.since().id(), ts(until), page.limit() + 1);
        return Cursors.page(rows, page.limit(), e -> new Cursors.Cursor(e.position(), e.id()));
    }
}
