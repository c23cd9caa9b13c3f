package dev.weft.infrastructure.projections;

import java.util.Set;
import java.util.TreeSet;

/**
 * What a rebuild has applied: every event up to {@code highest}, except the indexes still
 * pending. An index is pending while it is a gap (no committed event seen there yet) or
 * while its event is not yet covered by the live processor.
 */
final class RebuildCursor {
    private long highest;
    private final TreeSet<Long> unseen = new TreeSet<>();
    private final TreeSet<Long> deferred = new TreeSet<>();

    long highest() {
        return highest;
    }

    Set<Long> pending() {
        TreeSet<Long> pending = new TreeSet<>(unseen);
        pending.addAll(deferred);
        return pending;
    }

    void applied(long index) {
        reached(index);
        unseen.remove(index);
        deferred.remove(index);
    }

    void deferred(long index) {
        reached(index);
        unseen.remove(index);
        deferred.add(index);
    }

    /**
     * A gap the live processor has passed (in every segment) and that a read just now still
     * did not return never held a committed event: had it, the live processor would have
     * had to see it first, and so would this read.
     */
    void forgetGapsPassedBy(LiveTokens live) {
        unseen.removeIf(live::passed);
    }

    RebuildCursor copy() {
        RebuildCursor copy = new RebuildCursor();
        copy.highest = highest;
        copy.unseen.addAll(unseen);
        copy.deferred.addAll(deferred);
        return copy;
    }

    private void reached(long index) {
        for (long gap = highest + 1; gap < index; gap++) {
            unseen.add(gap);
        }
        highest = Math.max(highest, index);
    }
}
