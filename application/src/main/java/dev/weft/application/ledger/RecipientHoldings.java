package dev.weft.application.ledger;

import java.util.List;

/**
 * One recipient: a fediverse server (kind fediverse_server, host, the inboxes that
 * acknowledged) or a linked account (kind linked_account, platform, link id).
 * holding counts the items it held at the instant asked.
 */
public record RecipientHoldings(String kind, String recipient, String host, String platform, String linkId,
                                List<String> inboxes, int holding, List<HeldItem> items) {
}
