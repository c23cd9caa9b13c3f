package dev.weft.infrastructure.federation.signatures;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a signature covers of a message: the request line parts (or a response's status) and
 * the header fields, names lower-case. pathAndQuery is exactly as sent on the wire.
 */
record HttpMessage(String method, String scheme, String authority, String pathAndQuery, Integer status,
                   Map<String, List<String>> headers) {

    HttpMessage {
        headers = headers.entrySet().stream().collect(Collectors.toUnmodifiableMap(
                e -> e.getKey().toLowerCase(Locale.ROOT), e -> List.copyOf(e.getValue()), (a, b) -> a));
    }

    static HttpMessage request(String method, String scheme, String authority, String pathAndQuery,
                               Map<String, List<String>> headers) {
        return new HttpMessage(method, scheme, authority, pathAndQuery, null, headers);
    }

    static HttpMessage response(int status, Map<String, List<String>> headers) {
        return new HttpMessage(null, null, null, null, status, headers);
    }

    boolean isRequest() {
        return method != null;
    }

    /** The field's values, each trimmed, joined by ", " as both signature schemes want; null when absent. */
    String field(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        if (values == null || values.isEmpty()) {
            // Servers may hand the Host header over as the authority alone.
            return name.equalsIgnoreCase("host") ? authority : null;
        }
        return values.stream().map(String::strip).collect(Collectors.joining(", "));
    }

    String path() {
        int query = pathAndQuery.indexOf('?');
        String path = query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
        return path.isEmpty() ? "/" : path;
    }

    /** The query with its leading '?'; just "?" when there is none, as RFC 9421 says. */
    String query() {
        int query = pathAndQuery.indexOf('?');
        return query < 0 ? "?" : pathAndQuery.substring(query);
    }

    String requestTarget() {
        return pathAndQuery.isEmpty() ? "/" : pathAndQuery;
    }

    String targetUri() {
        return scheme.toLowerCase(Locale.ROOT) + "://" + authority.toLowerCase(Locale.ROOT) + requestTarget();
    }
}
