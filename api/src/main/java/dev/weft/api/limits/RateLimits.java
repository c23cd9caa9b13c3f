package dev.weft.api.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How often one client may register, one account publish and one remote server deliver to
 * the inbox, counted by Resilience4j's rate limiter, one limiter per key. Limiters of keys
 * not seen for a while are dropped, so a stream of new addresses costs bounded memory.
 */
@Component
public class RateLimits {
    /** What is limited, and per what. */
    public enum Kind {
        REGISTRATION("registrations", "client address"),
        PUBLISHING("posts", "account"),
        INBOX("activities", "remote server");

        private final String counted;
        private final String per;

        Kind(String counted, String per) {
            this.counted = counted;
            this.per = per;
        }
    }

    private final Map<Kind, RateLimiterConfig> configs = new EnumMap<>(Kind.class);
    private final Cache<String, AtomicRateLimiter> limiters = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(2)).maximumSize(200_000).build();

    public RateLimits(@Value("${weft.rate-limits.registrations}") int registrations,
                      @Value("${weft.rate-limits.registrations-period}") Duration registrationsPeriod,
                      @Value("${weft.rate-limits.posts}") int posts,
                      @Value("${weft.rate-limits.posts-period}") Duration postsPeriod,
                      @Value("${weft.rate-limits.inbox}") int inbox,
                      @Value("${weft.rate-limits.inbox-period}") Duration inboxPeriod) {
        configs.put(Kind.REGISTRATION, config(registrations, registrationsPeriod));
        configs.put(Kind.PUBLISHING, config(posts, postsPeriod));
        configs.put(Kind.INBOX, config(inbox, inboxPeriod));
    }

    private static RateLimiterConfig config(int limit, Duration period) {
        if (limit < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a rate limit needs at least 1 per a positive period, not " + limit
                    + " per " + period);
        }
        return RateLimiterConfig.custom().limitForPeriod(limit).limitRefreshPeriod(period)
                .timeoutDuration(Duration.ZERO).build();
    }

    private static String words(Duration period) {
        if (period.toSeconds() % 3600 == 0) {
            return period.toHours() == 1 ? "hour" : period.toHours() + " hours";
        }
        if (period.toSeconds() % 60 == 0) {
            return period.toMinutes() == 1 ? "minute" : period.toMinutes() + " minutes";
        }
        return period.toSeconds() == 1 ? "second" : period.toSeconds() + " seconds";
    }

    /** Takes one permit for the key, or refuses with when the next one comes. */
    public void acquire(Kind kind, String key) {
        // The atomic limiter is the one that tells how long until its next permit.
        AtomicRateLimiter limiter = limiters.get(kind.name() + " " + key,
                name -> new AtomicRateLimiter(name, configs.get(kind)));
        if (!limiter.acquirePermission()) {
            RateLimiterConfig config = configs.get(kind);
            throw new RateLimitedException("at most " + config.getLimitForPeriod() + " " + kind.counted + " per "
                    + words(config.getLimitRefreshPeriod()) + " from one " + kind.per + " (" + key + ")",
                    Duration.ofNanos(Math.max(0, limiter.getDetailedMetrics().getNanosToWait())));
        }
    }
}
