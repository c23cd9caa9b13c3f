package dev.weft.application.ledger;

import dev.weft.domain.distribution.Destination;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Folds an account's facts, in order, into who held what once the last of them had
 * happened. A pure function of the facts: given the facts up to T it answers as of T, and
 * a replay of the events up to T would hand it the same facts.
 */
public final class HoldingsFold {
    private final Map<String, Integer> revisions = new HashMap<>();
    private final Map<String, Item> items = new LinkedHashMap<>();
    private final Map<String, Set<String>> inboxes = new HashMap<>();
    private String consentInForce;
    private int factsRead;

    public static Holdings of(String accountId, Instant asOf, List<LedgerFact> facts) {
        HoldingsFold fold = new HoldingsFold();
        facts.forEach(fold::apply);
        return fold.answer(accountId, asOf);
    }

    /** The post's revision at this point of the fold: 1 once published, one more per edit. */
    int revisionOf(String postId) {
        return revisions.getOrDefault(postId, 1);
    }

    void apply(LedgerFact fact) {
        factsRead++;
        switch (fact.kind()) {
            case CONSENT_GIVEN -> consentInForce = fact.consentVersion();
            case CONSENT_WITHDRAWN -> consentInForce = null;
            case POST_PUBLISHED -> revisions.put(fact.postId(), 1);
            case POST_EDITED -> revisions.merge(fact.postId(), 1, Integer::sum);
            case COPY_SCHEDULED -> item(fact).consentVersion = fact.consentVersion();
            case DISCLOSED, PROFILE_DISCLOSED -> disclosed(fact);
            case REVISION_DISCLOSED -> revised(fact);
            case DELETION_REQUESTED -> item(fact).deletion = new DeletionState("pending", fact.detail(), fact.at(),
                    null, null);
            case DELETION_DELIVERED, DELETION_FAILED, DELETION_ALREADY_GONE, DELETION_ABANDONED -> settled(fact);
            default -> {
            }
        }
    }

    private void disclosed(LedgerFact fact) {
        Item item = item(fact);
        remember(fact);
        if (fact.remoteId() != null && !item.remoteIds.contains(fact.remoteId())) {
            item.remoteIds.add(fact.remoteId());
        }
        if (item.disclosedAt != null && !item.confirmedGone()) {
            return;
        }
        item.deletion = null;
        item.disclosedAt = fact.at();
        item.channel = fact.channel() == null ? null : fact.channel().name().toLowerCase(Locale.ROOT);
        item.revision = fact.postId() == null ? 1 : revisionOf(fact.postId());
        if (fact.consentVersion() != null) {
            item.consentVersion = fact.consentVersion();
        }
    }

    private void revised(LedgerFact fact) {
        Item item = item(fact);
        remember(fact);
        if (item.disclosedAt != null) {
            item.revision = Math.max(item.revision, revisionOf(fact.postId()));
        }
    }

    /**
     * A profile's deletion is asked by sending it, so its first outcome is also its request;
     * a failed request may be retried and settle again.
     */
    private void settled(LedgerFact fact) {
        Item item = item(fact);
        DeletionState before = item.deletion;
        String state = fact.kind().deletionOutcome();
        item.deletion = new DeletionState(state, before == null ? null : before.reason(),
                before == null ? fact.at() : before.requestedAt(), fact.at(), fact.detail());
    }

    private void remember(LedgerFact fact) {
        if (fact.inbox() != null) {
            inboxes.computeIfAbsent(fact.destination().label(), d -> new LinkedHashSet<>()).add(fact.inbox());
        }
    }

    private Item item(LedgerFact fact) {
        String key = fact.destination().label() + " " + (fact.postId() == null ? "profile" : fact.postId());
        return items.computeIfAbsent(key, k -> new Item(fact.destination(), fact.postId() == null ? "profile"
                : "post", fact.postId() == null ? fact.accountId() : fact.postId()));
    }

    private Holdings answer(String accountId, Instant asOf) {
        Map<String, List<Item>> byRecipient = new LinkedHashMap<>();
        items.values().stream().filter(item -> item.disclosedAt != null)
                .sorted(Comparator.comparing((Item item) -> item.destination.label()).thenComparing(i -> i.disclosedAt))
                .forEach(item -> byRecipient.computeIfAbsent(item.destination.label(), d -> new ArrayList<>())
                        .add(item));
        List<RecipientHoldings> recipients = byRecipient.entrySet().stream()
                .map(entry -> recipient(entry.getValue())).toList();
        return new Holdings(accountId, asOf, consentInForce, factsRead, recipients);
    }

    private RecipientHoldings recipient(List<Item> held) {
        Destination destination = held.get(0).destination;
        List<HeldItem> views = held.stream().map(Item::view).toList();
        int holding = (int) views.stream().filter(HeldItem::held).count();
        boolean server = destination.kind() == Destination.Kind.FEDIVERSE_SERVER;
        return new RecipientHoldings(destination.kind().name().toLowerCase(Locale.ROOT), destination.label(),
                server ? destination.key() : null, server ? null : destination.platform().wireName(),
                server ? null : destination.key(), List.copyOf(inboxes.getOrDefault(destination.label(), Set.of())),
                holding, views);
    }

    private static final class Item {
        private final Destination destination;
        private final String type;
        private final String id;
        private final List<String> remoteIds = new ArrayList<>();
        private String consentVersion;
        private Instant disclosedAt;
        private String channel;
        private int revision = 1;
        private DeletionState deletion;

        Item(Destination destination, String type, String id) {
            this.destination = destination;
            this.type = type;
            this.id = id;
        }

        /** Delivered and already-gone deletions are the only ones a recipient confirmed. */
        boolean confirmedGone() {
            return deletion != null && ("delivered".equals(deletion.state()) || "already_gone".equals(deletion.state()));
        }

        HeldItem view() {
            return new HeldItem(type, id, revision, channel, disclosedAt, consentVersion, List.copyOf(remoteIds),
                    !confirmedGone(), deletion);
        }
    }
}
