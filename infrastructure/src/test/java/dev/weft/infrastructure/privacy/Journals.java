package dev.weft.infrastructure.privacy;

import dev.weft.infrastructure.config.WeftProperties;
import dev.weft.infrastructure.support.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

final class Journals {
    private Journals() {
    }

    static ErasureJournal inTempDir() {
        try {
            return new ErasureJournal(TestDatabase.JDBC, new WeftProperties(Files.createTempDirectory("journal"),
                    null, null, null, null, null, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
