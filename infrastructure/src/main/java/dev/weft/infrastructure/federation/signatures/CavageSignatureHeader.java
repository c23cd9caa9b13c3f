package dev.weft.infrastructure.federation.signatures;

import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A draft-cavage-http-signatures-12 {@code Signature} header. algorithm is null when the
 * sender left it out; headers are lower-case, in signing order.
 */
record CavageSignatureHeader(String keyId, String algorithm, List<String> headers, byte[] signature, Long created,
                             Long expires) {

    CavageSignatureHeader {
        headers = List.copyOf(headers);
    }

    /** Unknown parameters are ignored, as the draft asks, so newer senders still verify. */
    static CavageSignatureHeader parse(String value) {
        Map<String, String> parameters = parameters(value);
        String keyId = parameters.get("keyid");
        String signature = parameters.get("signature");
        if (keyId == null || keyId.isBlank()) {
            throw new IllegalArgumentException("Signature header has no keyId");
        }
        if (signature == null) {
            throw new IllegalArgumentException("Signature header has no signature");
        }
        Long created = timestamp(parameters.get("created"), "created");
        return new CavageSignatureHeader(keyId, parameters.get("algorithm"),
                headers(parameters.get("headers"), created), base64(signature), created,
                timestamp(parameters.get("expires"), "expires"));
    }

    /** The header value Weft sends. */
    String serialize() {
        StringBuilder out = new StringBuilder("keyId=\"").append(keyId).append('"');
        if (algorithm != null) {
            out.append(",algorithm=\"").append(algorithm).append('"');
        }
        if (created != null) {
            out.append(",created=").append(created);
        }
        if (expires != null) {
            out.append(",expires=").append(expires);
        }
        return out.append(",headers=\"").append(String.join(" ", headers)).append('"')
                .append(",signature=\"").append(Base64.getEncoder().encodeToString(signature)).append('"')
                .toString();
    }

    /** Without a headers parameter, draft-12 means (created); senders of older drafts meant date. */
    private static List<String> headers(String headers, Long created) {
        if (headers == null) {
            return List.of(created != null ? "(created)" : "date");
        }
        return Arrays.stream(headers.trim().split("\\s+")).filter(h -> !h.isEmpty())
                .map(h -> h.toLowerCase(Locale.ROOT)).toList();
    }

    private static Map<String, String> parameters(String value) {
        Map<String, String> parameters = new HashMap<>();
        int pos = 0;
        while (pos < value.length()) {
            while (pos < value.length() && (value.charAt(pos) == ',' || Character.isWhitespace(value.charAt(pos)))) {
                pos++;
            }
            int equals = value.indexOf('=', pos);
            if (pos >= value.length()) {
                break;
            }
            if (equals < 0) {
                throw new IllegalArgumentException("Signature header is malformed near \"" + value.substring(pos) + "\"");
            }
            String name = value.substring(pos, equals).trim().toLowerCase(Locale.ROOT);
            pos = equals + 1;
            StringBuilder parameterValue = new StringBuilder();
            if (pos < value.length() && value.charAt(pos) == '"') {
                pos++;
                while (pos < value.length() && value.charAt(pos) != '"') {
                    if (value.charAt(pos) == '\\' && pos + 1 < value.length()) {
                        pos++;
                    }
                    parameterValue.append(value.charAt(pos++));
                }
                if (pos >= value.length()) {
                    throw new IllegalArgumentException("Signature header has an unterminated \"" + name + "\"");
                }
                pos++;
            } else {
                int end = value.indexOf(',', pos);
                end = end < 0 ? value.length() : end;
                parameterValue.append(value, pos, end);
                pos = end;
            }
            parameters.putIfAbsent(name, parameterValue.toString().trim());
        }
        return parameters;
    }

    private static Long timestamp(String value, String name) {
        if (value == null) {
            return null;
        }
        try {
            // The draft allows a fraction; whole seconds are all freshness needs.
            int dot = value.indexOf('.');
            return Long.parseLong(dot < 0 ? value : value.substring(0, dot));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Signature header's " + name + " is not a number: " + value);
        }
    }

    private static byte[] base64(String signature) {
        try {
            return Base64.getDecoder().decode(signature.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Signature header's signature is not base64");
        }
    }
}
