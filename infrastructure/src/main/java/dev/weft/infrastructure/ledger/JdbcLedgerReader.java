package dev.weft.infrastructure.ledger;

import static dev.weft.infrastructure.shared.Rows.instant;
import static dev.weft.infrastructure.shared.Rows.ts;

import dev.weft.application.ledger.LedgerFact;
import dev.weft.application.ledger.LedgerFactKind;
import dev.weft.application.ledger.LedgerReader;
import dev.weft.domain.distribution.Destination;
import dev.weft.domain.distribution.HoldingChannel;
import dev.weft.domain.links.Platform;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

@Component
public class JdbcLedgerReader implements LedgerReader {
    private static final String ORDER = " ORDER BY occurred_at, position, event_id";
    private final JdbcTemplate jdbc;

    public JdbcLedgerReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<LedgerFact> factsOfAccount(String accountId, Instant upTo) {
        return jdbc.query("SELECT * FROM ledger.fact WHERE account_id = ? AND occurred_at <= ?" + ORDER,
                (rs, i) -> fact(rs), accountId, ts(upTo));
    }

    @Override
    public List<LedgerFact> factsOfPost(String postId) {
        return jdbc.query("SELECT * FROM ledger.fact WHERE post_id = ?" + ORDER, (rs, i) -> fact(rs), postId);
    }

    @Override
    public Optional<String> authorOf(String postId) {
        return jdbc.queryForList("SELECT account_id FROM ledger.fact WHERE post_id = ? AND kind = 'POST_PUBLISHED'",
                String.class, postId).stream().findFirst();
    }

    private static LedgerFact fact(ResultSet rs) throws SQLException {
        return new LedgerFact(rs.getLong("position"), rs.getString("account_id"),
                LedgerFactKind.valueOf(rs.getString("kind")), instant(rs, "occurred_at"), rs.getString("post_id"),
                rs.getString("copy_id"), destination(rs), channel(rs.getString("channel")),
                rs.getString("consent_version"), rs.getString("remote_id"), rs.getString("inbox"),
                rs.getString("detail"));
    }

    private static Destination destination(ResultSet rs) throws SQLException {
        String kind = rs.getString("destination_kind");
        if (kind == null) {
            return null;
        }
        String platform = rs.getString("platform");
        return new Destination(Destination.Kind.valueOf(kind), rs.getString("destination_key"),
                platform == null ? null : Platform.valueOf(platform));
    }

    private static HoldingChannel channel(String name) {
        return name == null ? null : HoldingChannel.valueOf(name);
    }
}
