package dev.weft.infrastructure.crossposting;

import dev.weft.application.crossposting.platforms.PlatformConnector;
import java.util.ArrayList;
import java.util.List;

/** Every checkpoint a connector saved, in order. */
public final class RecordedCheckpoints implements PlatformConnector.Checkpoints {
    private final List<String> saved = new ArrayList<>();

    @Override
    public void save(String checkpoint) {
        saved.add(checkpoint);
    }

    public List<String> saved() {
        return saved;
    }
}
