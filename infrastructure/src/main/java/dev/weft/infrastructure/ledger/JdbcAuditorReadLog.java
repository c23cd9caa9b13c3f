package dev.weft.infrastructure.ledger;

import static dev.weft.infrastructure.shared.Rows.instant;
import static dev.weft.infrastructure.shared.Rows.ts;

import dev.weft.application.ledger.AuditorReadLog;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

@Component
public class JdbcAuditorReadLog implements AuditorReadLog {
    private final JdbcTemplate jdbc;

    public JdbcAuditorReadLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(AuditorRead read) {
        jdbc.update("INSERT INTO privacy.auditor_read (read_at, reader, account_id, question) VALUES (?, ?, ?, ?)",
                ts(read.at()), read.reader(), read.accountId(), read.question());
    }

    @Override
    public List<AuditorRead> readsOf(String accountId, int limit) {
        return jdbc.query("SELECT * FROM privacy.auditor_read WHERE account_id = ? ORDER BY read_at DESC, read_id DESC "
                        + "LIMIT ?", (rs, i) -> new AuditorRead(instant(rs, "read_at"), rs.getString("reader"),
                        rs.getString("account_id"), rs.getString("question")), accountId, limit);
    }
}
