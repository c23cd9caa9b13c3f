package dev.weft.infrastructure.http;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** An answer, its header names in lower case; finalUri is where redirects ended. */
public record HttpReply(int status, Map<String, List<String>> headers, byte[] body, URI finalUri) {

    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
