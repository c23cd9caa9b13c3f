package dev.weft.application.crossposting;

import dev.weft.application.crossposting.formatting.FormattedPart;
import dev.weft.application.crossposting.formatting.TargetRules;
import dev.weft.application.crossposting.platforms.LinkRequest;
import dev.weft.application.crossposting.platforms.LinkTarget;
import dev.weft.application.crossposting.platforms.PartOutcome;
import dev.weft.application.crossposting.platforms.PartRequest;
import dev.weft.application.crossposting.platforms.PlatformConnector;
import dev.weft.application.crossposting.platforms.RemotePart;
import dev.weft.application.crossposting.platforms.RemovalOutcome;
import dev.weft.application.crossposting.platforms.VerifiedAccount;
import dev.weft.application.links.LinkDirectory;
import dev.weft.application.links.LinkView;
import dev.weft.application.shared.CommandSender;
import dev.weft.domain.links.Platform;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Stand-ins for what the sender talks to: a scripted platform, an in-memory queue row, recorded commands. */
final class CrossPostDoubles {
    private CrossPostDoubles() {
    }

    /** Answers each call with the next outcome it was given, and remembers every request. */
    static final class ScriptedPlatform implements PlatformConnector {
        final Platform platform;
        final TargetRules rules;
        final Deque<PartOutcome> publishOutcomes = new ArrayDeque<>();
        final Deque<PartOutcome> reconcileOutcomes = new ArrayDeque<>();
        final Deque<RemovalOutcome> removalOutcomes = new ArrayDeque<>();
        final List<PartRequest> published = new ArrayList<>();
        final List<PartRequest> reconciled = new ArrayList<>();
        final List<RemotePart> removed = new ArrayList<>();
        Instant quotaWait;

        ScriptedPlatform(Platform platform, TargetRules rules) {
            this.platform = platform;
            this.rules = rules;
        }

        @Override
        public Platform platform() {
            return platform;
        }

        @Override
        public VerifiedAccount verify(LinkRequest request) {
            throw new UnsupportedOperationException("not used by the sender");
        }

        @Override
        public TargetRules rules(LinkTarget link) {
            return rules;
        }

        @Override
        public Optional<Instant> quotaWait(LinkTarget link, int parts, Instant now) {
            return Optional.ofNullable(quotaWait);
        }

        @Override
        public PartOutcome publish(LinkTarget link, PartRequest part, Checkpoints checkpoints) {
            published.add(part);
            return publishOutcomes.isEmpty() ? published(part) : publishOutcomes.removeFirst();
        }

        @Override
        public PartOutcome reconcile(LinkTarget link, PartRequest part, Instant attemptStartedAt,
                                     Checkpoints checkpoints) {
            reconciled.add(part);
            return reconcileOutcomes.isEmpty() ? published(part) : reconcileOutcomes.removeFirst();
        }

        @Override
        public RemovalOutcome delete(LinkTarget link, RemotePart part) {
            removed.add(part);
            return removalOutcomes.isEmpty() ? new RemovalOutcome.Removed() : removalOutcomes.removeFirst();
        }

        static PartOutcome published(PartRequest part) {
            return new PartOutcome.Published(new RemotePart("remote-" + part.index(), "https://p.example/"
                    + part.index(), null));
        }
    }

    /** One queue row, as the JDBC queue would keep it, with the lease always held unless told otherwise. */
    static final class QueueRow implements CrossPostWork {
        final Map<Integer, RemotePart> parts = new TreeMap<>();
        final List<Integer> removedParts = new ArrayList<>();
        String state = "pending";
        List<FormattedPart> frozen;
        Integer inFlightPart;
        Instant nextAttemptAt;
        String lastError;
        boolean leaseHeld = true;
        int failures;

        @Override
        public boolean freeze(ClaimedCrossPost copy, List<FormattedPart> formatted, String spoilerText) {
            frozen = formatted;
            return leaseHeld;
        }

        @Override
        public boolean markInFlight(ClaimedCrossPost copy, int part, Instant at) {
            if (leaseHeld) {
                inFlightPart = part;
            }
            return leaseHeld;
        }

        @Override
        public void saveCheckpoint(ClaimedCrossPost copy, String checkpoint) {
        }

        @Override
        public void partPublished(ClaimedCrossPost copy, int part, RemotePart remote, Instant at) {
            parts.put(part, remote);
            inFlightPart = null;
        }

        @Override
        public void published(ClaimedCrossPost copy, Instant at) {
            state = "published";
        }

        @Override
        public void retryAt(ClaimedCrossPost copy, Instant next, String error, boolean failure, boolean keepInFlight,
                            Instant at) {
            state = "pending";
            nextAttemptAt = next;
            lastError = error;
            failures += failure ? 1 : 0;
            inFlightPart = keepInFlight ? inFlightPart : null;
        }

        @Override
        public void failed(ClaimedCrossPost copy, String error, Instant at) {
            state = "failed";
            lastError = error;
        }

        @Override
        public void held(ClaimedCrossPost copy, String error, Instant at) {
            state = "held";
            lastError = error;
        }

        @Override
        public void withdrawn(ClaimedCrossPost copy, String reason, Instant at) {
            state = "withdrawn";
            lastError = reason;
        }

        @Override
        public List<PublishedPart> publishedParts(String copyId) {
            return parts.entrySet().stream().filter(e -> !removedParts.contains(e.getKey()))
                    .map(e -> new PublishedPart(e.getKey(), e.getValue())).toList();
        }

        @Override
        public void partRemoved(ClaimedCrossPost copy, int part, Instant at) {
            removedParts.add(part);
        }

        @Override
        public void deletionEnded(ClaimedCrossPost copy, String endState, String detail, Instant at) {
            state = endState;
            lastError = detail;
        }

        @Override
        public void putBack(ClaimedCrossPost copy, Instant next) {
            nextAttemptAt = next;
        }
    }

    static final class RecordingCommands extends CommandSender {
        final List<Object> sent = new ArrayList<>();

        RecordingCommands() {
            super(null);
        }

        @Override
        public <R> R send(Object command) {
            sent.add(command);
            return null;
        }

        <T> List<T> sentOf(Class<T> type) {
            return sent.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    static final class Links implements LinkDirectory {
        final Map<String, LinkView> byId = new HashMap<>();

        @Override
        public List<LinkView> linksOf(String accountId) {
            return List.copyOf(byId.values());
        }

        @Override
        public Optional<LinkView> findLink(String linkId) {
            return Optional.ofNullable(byId.get(linkId));
        }
    }
}
