package dev.weft.application.shared;

import java.time.Instant;

/** The time a command is stamped with; replaceable in tests. */
public interface Clock {
    Instant now();
}
