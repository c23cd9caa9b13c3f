package dev.weft.api.crossposting.platforms;

import com.github.tomakehurst.wiremock.http.Request;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A request's parameters wherever the client put them: the query string, a form body or a
 * JSON body, as Mastodon (Rails) and the Graph API both accept. The body wins over the query
 * for a name given twice. Only the first value of a repeated name is kept: no endpoint the
 * fakes serve takes a list.
 */
final class Params {
    private final Map<String, String> values;

    private Params(Map<String, String> values) {
        this.values = values;
    }

    static Params of(Request request) {
        Map<String, String> values = new HashMap<>(decode(URI.create(request.getUrl()).getRawQuery()));
        String mimeType = request.contentTypeHeader().mimeTypePart();
        if ("application/x-www-form-urlencoded".equalsIgnoreCase(mimeType)) {
            values.putAll(decode(request.getBodyAsString()));
        } else if ("application/json".equalsIgnoreCase(mimeType)) {
            Json.parse(request.getBodyAsString()).properties()
                    .forEach(field -> values.put(field.getKey(), scalar(field.getValue())));
        }
        return new Params(values);
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** Present and not blank: Rails and the Graph API treat an empty value as not given. */
    Optional<String> given(String name) {
        return get(name).filter(value -> !value.isBlank());
    }

    static Optional<Integer> wholeNumber(String value) {
        try {
            return Optional.of(Integer.parseInt(value.strip()));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private static String scalar(JsonNode value) {
        return value.isNull() ? null : value.isString() ? value.stringValue() : value.toString();
    }

    private static Map<String, String> decode(String encoded) {
        Map<String, String> decoded = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return decoded;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            decoded.putIfAbsent(name, value);
        }
        return decoded;
    }
}
