package dev.weft.api.crossposting.platforms;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.RequestPattern;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a test planned for the next few requests matching a WireMock pattern. Each matching
 * request claims one use; plans are claimed in the order they were made. Safe for the
 * server's worker threads: two concurrent requests never claim the same last use.
 */
final class NextRequests<T> {
    private record Plan<T>(RequestPattern requests, AtomicInteger usesLeft, T outcome) {
    }

    private final List<Plan<T>> plans = new CopyOnWriteArrayList<>();

    void plan(int times, RequestPatternBuilder requests, T outcome) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1, got " + times);
        }
        plans.add(new Plan<>(requests.build(), new AtomicInteger(times), outcome));
    }

    Optional<T> claim(Request request) {
        for (Plan<T> plan : plans) {
            if (plan.requests().match(request).isExactMatch() && takeOneUse(plan.usesLeft())) {
                plans.removeIf(spent -> spent.usesLeft().get() == 0);
                return Optional.of(plan.outcome());
            }
        }
        return Optional.empty();
    }

    private static boolean takeOneUse(AtomicInteger usesLeft) {
        return usesLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }
}
