package dev.weft.api.federation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers in the ActivityPub media type. The same URL also answers HTML or plain JSON, so
 * every answer says it varies by Accept, or a cache would hand a browser the JSON.
 */
public final class ActivityResponses {
    public static final MediaType ACTIVITY_JSON = new MediaType("application", "activity+json",
            StandardCharsets.UTF_8);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ActivityResponses() {
    }

    public static ResponseEntity<String> ok(JsonNode document) {
        return of(HttpStatus.OK, document);
    }

    public static ResponseEntity<String> of(HttpStatus status, JsonNode document) {
        return ResponseEntity.status(status).contentType(ACTIVITY_JSON).header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .body(write(document));
    }

    public static String write(JsonNode document) {
        return JSON.writeValueAsString(document);
    }

    public static ResponseEntity<String> html(HttpStatus status, String page) {
        return ResponseEntity.status(status).contentType(new MediaType("text", "html",
                StandardCharsets.UTF_8)).header(HttpHeaders.VARY, HttpHeaders.ACCEPT).body(page);
    }

    /** Which representation a request asks for, by its Accept header and the q-values in it. */
    public enum Representation {
        ACTIVITY, HTML, JSON;

        /**
         * The most preferred representation this URL has; fallback when the client takes
         * anything or names nothing known. {@code jsonAs} is what plain application/json means here.
         */
        public static Representation of(String accept, Representation jsonAs, Representation fallback) {
            if (accept == null || accept.isBlank()) {
                return fallback;
            }
            List<MediaType> types;
            try {
                types = new ArrayList<>(MediaType.parseMediaTypes(accept));
            } catch (IllegalArgumentException e) {
                return fallback;
            }
            types.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
            for (MediaType type : types) {
                if (type.getQualityValue() <= 0) {
                    continue;
                }
                Representation named = named(type, jsonAs);
                if (named != null) {
                    return named;
                }
                if (type.isWildcardType() || type.isWildcardSubtype()) {
                    return fallback;
                }
            }
            return fallback;
        }

        private static Representation named(MediaType type, Representation jsonAs) {
            String subtype = type.getSubtype();
            if ("application".equals(type.getType())) {
                if ("activity+json".equals(subtype) || "ld+json".equals(subtype)) {
                    return ACTIVITY;
                }
                if ("json".equals(subtype)) {
                    return jsonAs;
                }
                if ("xhtml+xml".equals(subtype)) {
                    return HTML;
                }
            }
            return "text".equals(type.getType()) && "html".equals(subtype) ? HTML : null;
        }
    }
}
