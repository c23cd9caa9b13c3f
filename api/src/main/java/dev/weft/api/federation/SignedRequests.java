package dev.weft.api.federation;

import dev.weft.application.federation.inbox.SignedRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A servlet request as signature verification sees it: method, target as sent, headers, body. */
public final class SignedRequests {
    private SignedRequests() {
    }

    public static SignedRequest of(HttpServletRequest request, byte[] body) {
        String target = request.getRequestURI() + (request.getQueryString() == null ? "" : "?"
                + request.getQueryString());
        return new SignedRequest(request.getMethod(), target, request.getHeader("Host"), headers(request), body);
    }

    private static Map<String, List<String>> headers(HttpServletRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, Collections.list(request.getHeaders(name)));
        }
        return headers;
    }
}
