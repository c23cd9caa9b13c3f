package dev.weft.api.crossposting.platforms;

import java.util.regex.Pattern;

/**
 * atproto's timestamp identifiers (specs/tid): 64 bits, the top one zero, then microseconds
 * since the epoch and a 10-bit clock id, written as 13 characters of base32-sortable.
 */
final class Tid {
    private static final String BASE32_SORTABLE = "234567abcdefghijklmnopqrstuvwxyz";
    private static final Pattern SYNTAX = Pattern.compile("[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}");
    private static final int LENGTH = 13;
    private static final int CLOCK_ID_BITS = 10;

    private Tid() {
    }

    static String of(long microsSinceEpoch, int clockId) {
        long value = (microsSinceEpoch << CLOCK_ID_BITS) | (clockId & ((1 << CLOCK_ID_BITS) - 1));
        char[] tid = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            tid[LENGTH - 1 - i] = BASE32_SORTABLE.charAt((int) ((value >>> (5 * i)) & 31));
        }
        return new String(tid);
    }

    static boolean isValid(String candidate) {
        return SYNTAX.matcher(candidate).matches();
    }
}
