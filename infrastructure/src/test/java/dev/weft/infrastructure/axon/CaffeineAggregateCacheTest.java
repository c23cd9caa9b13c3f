package dev.weft.infrastructure.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

class CaffeineAggregateCacheTest {
    private final CaffeineAggregateCache cache = new CaffeineAggregateCache(100);
    private final List<String> heard = new ArrayList<>();

    CaffeineAggregateCacheTest() {
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryCreated(Object key, Object value) {
                heard.add("created " + key + "=" + value);
            }

            @Override
            public void onEntryUpdated(Object key, Object value) {
                heard.add("updated " + key + "=" + value);
            }

            @Override
            public void onEntryRemoved(Object key) {
                heard.add("removed " + key);
            }

            @Override
            public void onEntryExpired(Object key) {
                heard.add("expired " + key);
            }

            @Override
            public void onEntryRead(Object key, Object value) {
                heard.add("read " + key);
            }
        });
    }

    @Test
    void keepsWhatWasPutAndTellsItsListeners() {
        cache.put("a", 1);
        cache.put("a", 2);
        assertThat(cache.putIfAbsent("a", 3)).isFalse();
        assertThat(cache.putIfAbsent("b", 4)).isTrue();
        assertThat(cache.<String, Integer>get("a")).isEqualTo(2);
        assertThat(cache.remove("a")).isTrue();
        assertThat(cache.remove("a")).isFalse();
        assertThat(cache.containsKey("a")).isFalse();
        assertThat(heard).containsExactly("created a=1", "updated a=2", "created b=4", "read a", "removed a");
    }

    @Test
    void computesOnlyWhatIsPresent() {
        cache.computeIfPresent("missing", value -> 9);
        cache.put("a", 1);
        cache.<Integer>computeIfPresent("a", value -> value + 1);
        cache.<Integer>computeIfPresent("a", value -> null);
        assertThat(cache.containsKey("a")).isFalse();
        assertThat(heard).containsExactly("created a=1", "updated a=2", "removed a");
    }

    @Test
    void holdsNoMoreThanItsMaximumAndSaysWhatItDropped() {
        CaffeineAggregateCache small = new CaffeineAggregateCache(10);
        List<Object> expired = new ArrayList<>();
        small.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryExpired(Object key) {
                expired.add(key);
            }
        });
        for (int i = 0; i < 1000; i++) {
            small.put("k" + i, i);
        }
        long kept = java.util.stream.IntStream.range(0, 1000).filter(i -> small.containsKey("k" + i)).count();
        assertThat(kept).isLessThanOrEqualTo(10);
        assertThat(expired).hasSize(1000 - (int) kept);
    }
}
