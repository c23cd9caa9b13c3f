package dev.weft.application.crossposting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PartKeysTest {
    private static final Instant PUBLISHED = Instant.parse("2026-11-30T12:34:56.123456Z");

    @Test
    void theSameCopyAndPartAlwaysGetTheSameIdempotencyKey() {
        assertThat(PartKeys.idempotencyKey("copy-1", 1)).isEqualTo(PartKeys.idempotencyKey("copy-1", 1))
                .isNotEqualTo(PartKeys.idempotencyKey("copy-1", 2))
                .isNotEqualTo(PartKeys.idempotencyKey("copy-2", 1));
    }

    @Test
    void aRecordKeyIsAThirteenCharacterTidInSortableBase32() {
        String key = PartKeys.recordKey("copy-1", PUBLISHED, 1);
        assertThat(key).hasSize(13).matches("[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}");
    }

    @Test
    void theRecordKeyCarriesThePublishingTimeInMicroseconds() {
        String key = PartKeys.recordKey("copy-1", PUBLISHED, 1);
        long micros = decode(key) >>> 10;
        assertThat(micros).isEqualTo(PUBLISHED.getEpochSecond() * 1_000_000 + 123_456);
    }

    @Test
    void partsOfAThreadSortInThreadOrder() {
        String first = PartKeys.recordKey("copy-1", PUBLISHED, 1);
        String second = PartKeys.recordKey("copy-1", PUBLISHED, 2);
        String third = PartKeys.recordKey("copy-1", PUBLISHED, 3);
        assertThat(first.compareTo(second)).isNegative();
        assertThat(second.compareTo(third)).isNegative();
    }

    @Test
    void recordKeysAreDerivedNotDrawn() {
        assertThat(PartKeys.recordKey("copy-1", PUBLISHED, 2)).isEqualTo(PartKeys.recordKey("copy-1", PUBLISHED, 2));
    }

    private static long decode(String tid) {
        long value = 0;
        for (char c : tid.toCharArray()) {
            value = (value << 5) | "234567abcdefghijklmnopqrstuvwxyz".indexOf(c);
        }
        return value;
    }
}
