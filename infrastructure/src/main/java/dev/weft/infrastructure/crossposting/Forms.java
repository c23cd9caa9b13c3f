package dev.weft.infrastructure.crossposting;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * application/x-www-form-urlencoded, for request bodies and query strings alike, and the
 * URLs built from a platform's base URL. Parameters whose value is absent are left out, so
 * optional parameters need no conditions at the call.
 */
public final class Forms {
    public static final String CONTENT_TYPE = "application/x-www-form-urlencoded";

    private Forms() {
    }

    /** Names and values in turn, kept in order; a null or blank value drops its name. */
    public static Map<String, String> fields(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String value = namesAndValues[i + 1];
            if (value != null && !value.isBlank()) {
                fields.put(namesAndValues[i], value);
            }
        }
        return fields;
    }

    public static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> encoded(field.getKey()) + "=" + encoded(field.getValue()))
                .collect(Collectors.joining("&"));
    }

    public static byte[] body(Map<String, String> fields) {
        return encode(fields).getBytes(StandardCharsets.UTF_8);
    }

    /** base (with or without a trailing slash) + path, and the query when there is one. */
    public static URI uri(String base, String path, Map<String, String> query) {
        String joined = base.replaceAll("/+$", "") + path;
        return URI.create(query.isEmpty() ? joined : joined + "?" + encode(query));
    }

    /** One path segment from a platform id, which is never trusted to be URL-safe. */
    public static String segment(String value) {
        return encoded(value).replace("+", "%20");
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
