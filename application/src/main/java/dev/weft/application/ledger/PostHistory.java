package dev.weft.application.ledger;

import java.util.List;

public record PostHistory(String postId, String accountId, List<PostHistoryEntry> entries) {
}
