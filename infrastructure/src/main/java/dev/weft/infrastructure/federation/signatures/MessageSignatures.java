package dev.weft.infrastructure.federation.signatures;

import dev.weft.infrastructure.federation.signatures.StructuredFields.InnerList;
import dev.weft.infrastructure.federation.signatures.StructuredFields.Item;
import dev.weft.infrastructure.federation.signatures.StructuredFields.Member;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * RFC 9421 HTTP Message Signatures: reading Signature-Input with Signature, and the
 * signature base both signer and verifier compute. Errors are IllegalArgumentExceptions
 * whose message says what is wrong with the message.
 */
final class MessageSignatures {

    private MessageSignatures() {
    }

    /** The signatures in Signature-Input order, each with its bytes from the Signature field. */
    static List<LabeledSignature> parse(String signatureInput, String signature) {
        Map<String, Member> inputs = StructuredFields.parseDictionary(signatureInput);
        Map<String, Member> values = StructuredFields.parseDictionary(signature == null ? "" : signature);
        List<LabeledSignature> signatures = new ArrayList<>();
        inputs.forEach((label, member) -> {
            if (!(member instanceof InnerList input)) {
                throw new IllegalArgumentException("Signature-Input member " + label + " is not an inner list");
            }
            byte[] bytes = values.get(label) instanceof Item item && item.value() instanceof byte[] b ? b : null;
            signatures.add(new LabeledSignature(label, input, bytes));
        });
        return signatures;
    }

    static String signatureBase(HttpMessage message, InnerList input) {
        StringBuilder base = new StringBuilder();
        Set<String> seen = new HashSet<>();
        for (Item component : input.items()) {
            if (!(component.value() instanceof String name)) {
                throw new IllegalArgumentException("a covered component is not a string");
            }
            String identifier = StructuredFields.serialize(component);
            if (!seen.add(identifier)) {
                throw new IllegalArgumentException("component " + identifier + " is covered twice");
            }
            for (String value : componentValues(message, name, component.parameters())) {
                base.append(identifier).append(": ").append(value).append('\n');
            }
        }
        return base.append("\"@signature-params\": ").append(StructuredFields.serialize(input)).toString();
    }

    private static List<String> componentValues(HttpMessage message, String name, Map<String, Object> parameters) {
        if (name.startsWith("@")) {
            return derivedValues(message, name, parameters);
        }
        if (!parameters.isEmpty() || !name.equals(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("unsupported component \"" + name + "\" with parameters " + parameters.keySet());
        }
        String value = message.field(name);
        if (value == null) {
            throw new IllegalArgumentException("covered header " + name + " is missing");
        }
        return List.of(value);
    }

    private static List<String> derivedValues(HttpMessage message, String name, Map<String, Object> parameters) {
        boolean queryParam = name.equals("@query-param");
        if (parameters.keySet().stream().anyMatch(p -> !(queryParam && p.equals("name")))) {
            throw new IllegalArgumentException("unsupported parameters " + parameters.keySet() + " on " + name);
        }
        if (name.equals("@status")) {
            if (message.status() == null) {
                throw new IllegalArgumentException("@status is only for responses");
            }
            return List.of(message.status().toString());
        }
        if (!message.isRequest()) {
            throw new IllegalArgumentException(name + " is not available on a response");
        }
        return switch (name) {
            case "@method" -> List.of(message.method());
            case "@target-uri" -> List.of(message.targetUri());
            case "@authority" -> List.of(message.authority().toLowerCase(Locale.ROOT));
            case "@scheme" -> List.of(message.scheme().toLowerCase(Locale.ROOT));
            case "@request-target" -> List.of(message.requestTarget());
            case "@path" -> List.of(message.path());
            case "@query" -> List.of(message.query());
            case "@query-param" -> queryParamValues(message, parameters.get("name"));
            default -> throw new IllegalArgumentException("unsupported component " + name);
        };
    }

    private static List<String> queryParamValues(HttpMessage message, Object wanted) {
        if (!(wanted instanceof String wantedName)) {
            throw new IllegalArgumentException("@query-param needs a name parameter");
        }
        List<String> values = new ArrayList<>();
        String query = message.query().substring(1);
        for (String pair : query.isEmpty() ? new String[0] : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            if (name.equals(wantedName)) {
                values.add(percentEncode(decode(equals < 0 ? "" : pair.substring(equals + 1))));
            }
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException("query parameter " + wantedName + " is missing");
        }
        return values;
    }

    private static String decode(String formEncoded) {
        return URLDecoder.decode(formEncoded, StandardCharsets.UTF_8);
    }

    private static String percentEncode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (Character.isLetterOrDigit(c) && c < 0x80 || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
