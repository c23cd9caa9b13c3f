package dev.weft.domain.distribution;

import java.util.HashSet;
import java.util.Set;

/**
 * Where a copy to a linked account stands: requests made, parts confirmed, and whether it
 * has ended. Kept apart from {@link PostCopy} so the aggregate reads as its rules.
 */
final class CrossPostProgress {
    enum Stage { SENDING, HELD, PUBLISHED, FAILED, WITHDRAWN }

    private Stage stage = Stage.SENDING;
    private int attempts;
    private final Set<Integer> partsPublished = new HashSet<>();

    Stage stage() {
        return stage;
    }

    int attempts() {
        return attempts;
    }

    int attemptsAfter(boolean attempted) {
        return attempted ? attempts + 1 : attempts;
    }

    boolean hasPart(int part) {
        return partsPublished.contains(part);
    }

    boolean ended() {
        return stage == Stage.PUBLISHED || stage == Stage.FAILED || stage == Stage.WITHDRAWN;
    }

    void partPublished(int part, int parts, int attempt) {
        partsPublished.add(part);
        attempts = attempt;
        if (partsPublished.size() >= parts) {
            stage = Stage.PUBLISHED;
        }
    }

    void attempted(int attempt, Stage next) {
        attempts = attempt;
        stage = next;
    }

    void moveTo(Stage next) {
        stage = next;
    }
}
