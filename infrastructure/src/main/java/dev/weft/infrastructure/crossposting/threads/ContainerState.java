package dev.weft.infrastructure.crossposting.threads;

import dev.weft.infrastructure.crossposting.Json;
import java.util.Arrays;
import tools.jackson.databind.JsonNode;

/** A Threads media container's publishing status as Threads words it, and its error message. */
record ContainerState(Status status, String said, String errorMessage) {

    enum Status { IN_PROGRESS, FINISHED, PUBLISHED, ERROR, EXPIRED, UNRECOGNIZED }

    static ContainerState of(JsonNode container) {
        String said = Json.text(container, "status").orElse("");
        Status status = Arrays.stream(Status.values()).filter(known -> known.name().equals(said)).findFirst()
                .orElse(Status.UNRECOGNIZED);
        return new ContainerState(status, said, Json.text(container, "error_message").orElse(said));
    }

    boolean inProgress() {
        return status == Status.IN_PROGRESS;
    }
}
