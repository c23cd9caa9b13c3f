package dev.weft.infrastructure.federation.signatures;

import java.util.List;
import java.util.Locale;

/** The draft-cavage-http-signatures-12 signing string, which signer and verifier build alike. */
final class CavageSignatures {

    private CavageSignatures() {
    }

    /** @throws IllegalArgumentException naming a covered header the message lacks */
    static String signingString(HttpMessage message, List<String> headers, Long created, Long expires) {
        StringBuilder out = new StringBuilder();
        for (String header : headers) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(header).append(": ").append(value(message, header, created, expires));
        }
        return out.toString();
    }

    private static String value(HttpMessage message, String header, Long created, Long expires) {
        switch (header) {
            case "(request-target)":
                return message.method().toLowerCase(Locale.ROOT) + " " + message.requestTarget();
            case "(created)":
                return required(created, "(created) is covered but the created parameter is missing");
            case "(expires)":
                return required(expires, "(expires) is covered but the expires parameter is missing");
            default:
                String value = message.field(header);
                if (value == null) {
                    throw new IllegalArgumentException("covered header " + header + " is missing");
                }
                return value;
        }
    }

    private static String required(Long timestamp, String problem) {
        if (timestamp == null) {
            throw new IllegalArgumentException(problem);
        }
        return timestamp.toString();
    }
}
