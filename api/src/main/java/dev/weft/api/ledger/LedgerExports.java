package dev.weft.api.ledger;

import dev.weft.application.ledger.DeletionState;
import dev.weft.application.ledger.HeldItem;
import dev.weft.application.ledger.Holdings;
import dev.weft.application.ledger.PostHistory;
import dev.weft.application.ledger.PostHistoryEntry;
import dev.weft.application.ledger.RecipientHoldings;
import dev.weft.domain.shared.InvalidValueException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * The flat forms of the ledger's answers, for spreadsheets and log tools: one line per
 * item a recipient held (holdings) or per step (history), as JSON Lines or CSV.
 */
public final class LedgerExports {
    static final MediaType JSON_LINES = MediaType.parseMediaType("application/jsonl");
    static final MediaType CSV = MediaType.parseMediaType("text/csv");

    private LedgerExports() {
    }

    static ResponseEntity<?> holdings(Holdings holdings, String format, JsonMapper json) {
        return export(holdings, holdingsRows(holdings), format, json);
    }

    /** The holdings as JSON Lines, as format=jsonl answers them: also the ledger file of an account's archive. */
    public static String holdingsJsonLines(Holdings holdings, JsonMapper json) {
        return jsonLines(holdingsRows(holdings), json);
    }

    private static List<Map<String, Object>> holdingsRows(Holdings holdings) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RecipientHoldings recipient : holdings.recipients()) {
            recipient.items().forEach(item -> rows.add(row(holdings, recipient, item)));
        }
        return rows;
    }

    private static String jsonLines(List<Map<String, Object>> rows, JsonMapper json) {
        return rows.stream().map(json::writeValueAsString)
                .collect(Collectors.joining("\n", "", rows.isEmpty() ? "" : "\n"));
    }

    static ResponseEntity<?> history(PostHistory history, String format, JsonMapper json) {
        List<Map<String, Object>> rows = history.entries().stream().map(entry -> row(history, entry)).toList();
        return export(history, rows, format, json);
    }

    private static ResponseEntity<?> export(Object whole, List<Map<String, Object>> rows, String format,
                                            JsonMapper json) {
        return switch (format == null ? "json" : format) {
            case "json" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(whole);
            case "jsonl" -> ResponseEntity.ok().contentType(JSON_LINES).body(jsonLines(rows, json));
            case "csv" -> ResponseEntity.ok().contentType(CSV).body(csv(rows));
            default -> throw new InvalidValueException("format", "format must be json, jsonl or csv, not '"
                    + format + "'");
        };
    }

    private static Map<String, Object> row(Holdings holdings, RecipientHoldings recipient, HeldItem item) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("asOf", holdings.asOf());
        row.put("accountId", holdings.accountId());
        row.put("recipientKind", recipient.kind());
        row.put("recipient", recipient.recipient());
        row.put("inboxes", String.join(" ", recipient.inboxes()));
        row.put("itemType", item.itemType());
        row.put("itemId", item.itemId());
        row.put("revision", item.revision());
        row.put("channel", item.channel());
        row.put("disclosedAt", item.disclosedAt());
        row.put("consentVersion", item.consentVersion());
        row.put("remoteIds", String.join(" ", item.remoteIds()));
        row.put("held", item.held());
        DeletionState deletion = item.deletion();
        row.put("deletionState", deletion == null ? null : deletion.state());
        row.put("deletionReason", deletion == null ? null : deletion.reason());
        row.put("deletionRequestedAt", deletion == null ? null : deletion.requestedAt());
        row.put("deletionSettledAt", deletion == null ? null : deletion.settledAt());
        row.put("deletionDetail", deletion == null ? null : deletion.detail());
        return row;
    }

    private static Map<String, Object> row(PostHistory history, PostHistoryEntry entry) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("postId", history.postId());
        row.put("at", entry.at());
        row.put("kind", entry.kind());
        row.put("revision", entry.revision());
        row.put("recipient", entry.recipient());
        row.put("channel", entry.channel());
        row.put("consentVersion", entry.consentVersion());
        row.put("remoteId", entry.remoteId());
        row.put("detail", entry.detail());
        return row;
    }

    /** RFC 4180: a header, every field quoted, quotes doubled, CRLF line ends; nothing when there are no rows. */
    private static String csv(List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        out.append(line(new ArrayList<>(rows.get(0).keySet())));
        rows.forEach(row -> out.append(line(row.values().stream().map(v -> Objects.toString(v, "")).toList())));
        return out.toString();
    }

    private static String line(List<?> fields) {
        return fields.stream().map(f -> "\"" + f.toString().replace("\"", "\"\"") + "\"")
                .collect(Collectors.joining(",", "", "\r\n"));
    }
}
