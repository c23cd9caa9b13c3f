package dev.weft.api.problems;

import java.util.stream.Collectors;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;

/** Finds which field of a JSON body could not be read, from Jackson's own path. */
final class JsonErrors {
    private JsonErrors() {
    }

    static String fieldOf(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            return jackson.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
        }
        return null;
    }

    static String reasonOf(HttpMessageNotReadableException e) {
        return e.getCause() instanceof JacksonException jackson ? jackson.getOriginalMessage() : "unreadable";
    }
}
