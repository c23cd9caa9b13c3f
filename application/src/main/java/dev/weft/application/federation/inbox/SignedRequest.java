package dev.weft.application.federation.inbox;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An HTTP request as it arrived, for signature verification: header names are lower-case;
 * targetPath is the path plus query exactly as sent; authority is the Host header's value.
 */
public record SignedRequest(String method, String targetPath, String authority, Map<String, List<String>> headers,
                            byte[] body) {

    public SignedRequest {
        headers = headers.entrySet().stream().collect(Collectors.toUnmodifiableMap(
                e -> e.getKey().toLowerCase(Locale.ROOT), e -> List.copyOf(e.getValue()), (a, b) -> a));
    }

    /** All values of a header joined by ", " as RFC 9110 combines them; null when absent. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : String.join(", ", values);
    }
}
