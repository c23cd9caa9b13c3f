package dev.weft.application.crossposting;

import dev.weft.domain.shared.DerivedIds;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The keys that make a retry land on the copy it retries: an idempotency key per copy and
 * part (Mastodon's Idempotency-Key), and a Bluesky record key, which the lexicon wants as a
 * TID: 53 bits of microseconds and 10 bits of clock id, in base32-sortable. Both are derived,
 * never drawn at random, so every node and every restart computes the same ones.
 */
public final class PartKeys {
    private static final String SORTABLE_BASE32 = "234567abcdefghijklmnopqrstuvwxyz";
    private static final int TID_LENGTH = 13;

    private PartKeys() {
    }

    public static String idempotencyKey(String copyId, int part) {
        return DerivedIds.of("cross-post-part", copyId, Integer.toString(part));
    }

    /** Parts of one thread are a microsecond apart, so they sort in thread order. */
    public static String recordKey(String copyId, Instant publishedAt, int part) {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, publishedAt) + part - 1;
        long clockId = Math.floorMod(copyId.hashCode(), 1024);
        return tid(((micros & ((1L << 53) - 1)) << 10) | clockId);
    }

    private static String tid(long value) {
        char[] out = new char[TID_LENGTH];
        for (int i = TID_LENGTH - 1; i >= 0; i--) {
            out[i] = SORTABLE_BASE32.charAt((int) (value & 31));
            value >>>= 5;
        }
        return new String(out);
    }
}
