package dev.weft.infrastructure.federation.signatures;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of RFC 8941 structured fields that Signature-Input, Signature and Content-Digest
 * use: dictionaries of items and inner lists, with parameters. Bare items are Long,
 * BigDecimal, String, {@link Token}, byte[] or Boolean.
 */
final class StructuredFields {

    /** A dictionary member: an item or an inner list. */
    sealed interface Member permits Item, InnerList {
        Map<String, Object> parameters();
    }

    record Item(Object value, Map<String, Object> parameters) implements Member {
        Item {
            parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        }
    }

    record InnerList(List<Item> items, Map<String, Object> parameters) implements Member {
        InnerList {
            items = List.copyOf(items);
            parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        }
    }

    record Token(String value) {
    }

    private StructuredFields() {
    }

    /** @throws IllegalArgumentException when the text is not a dictionary */
    static Map<String, Member> parseDictionary(String text) {
        return new Parser(text).dictionary();
    }

    static String serialize(InnerList list) {
        StringBuilder out = new StringBuilder("(");
        for (int i = 0; i < list.items().size(); i++) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(serialize(list.items().get(i)));
        }
        return out.append(')').append(serializeParameters(list.parameters())).toString();
    }

    static String serialize(Item item) {
        return serializeBareItem(item.value()) + serializeParameters(item.parameters());
    }

    private static String serializeParameters(Map<String, Object> parameters) {
        StringBuilder out = new StringBuilder();
        parameters.forEach((key, value) -> {
            out.append(';').append(key);
            if (!Boolean.TRUE.equals(value)) {
                out.append('=').append(serializeBareItem(value));
            }
        });
        return out.toString();
    }

    private static String serializeBareItem(Object value) {
        if (value instanceof String s) {
            return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
        if (value instanceof byte[] bytes) {
            return ':' + Base64.getEncoder().encodeToString(bytes) + ':';
        }
        if (value instanceof Boolean b) {
            return b ? "?1" : "?0";
        }
        if (value instanceof Token t) {
            return t.value();
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Long || value instanceof Integer) {
            return value.toString();
        }
        throw new IllegalArgumentException("not a structured field value: " + value);
    }

    private static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        Map<String, Member> dictionary() {
            Map<String, Member> members = new LinkedHashMap<>();
            skipSpaces();
            while (pos < text.length()) {
                String key = key();
                Member member;
                if (peek() == '=') {
                    pos++;
                    member = peek() == '(' ? innerList() : item();
                } else {
                    member = new Item(Boolean.TRUE, parameters());
                }
                members.put(key, member);
                skipWhitespace();
                if (pos == text.length()) {
                    break;
                }
                expect(',');
                skipWhitespace();
                if (pos == text.length()) {
                    throw error("trailing comma");
                }
            }
            return members;
        }

        private InnerList innerList() {
            expect('(');
            List<Item> items = new ArrayList<>();
            while (true) {
                skipSpaces();
                if (peek() == ')') {
                    pos++;
                    return new InnerList(items, parameters());
                }
                items.add(item());
                char next = peek();
                if (next != ' ' && next != ')') {
                    throw error("expected a space or ')' in an inner list");
                }
            }
        }

        private Item item() {
            Object value = bareItem();
            return new Item(value, parameters());
        }

        private Map<String, Object> parameters() {
            Map<String, Object> parameters = new LinkedHashMap<>();
            while (peek() == ';') {
                pos++;
                skipSpaces();
                String key = key();
                Object value = Boolean.TRUE;
                if (peek() == '=') {
                    pos++;
                    value = bareItem();
                }
                parameters.put(key, value);
            }
            return parameters;
        }

        private Object bareItem() {
            char c = peek();
            if (c == '-' || isDigit(c)) {
                return number();
            }
            if (c == '"') {
                return string();
            }
            if (c == ':') {
                return byteSequence();
            }
            if (c == '?') {
                return bool();
            }
            if (c == '*' || isAlpha(c)) {
                return token();
            }
            throw error("unexpected character '" + c + "'");
        }

        private Object number() {
            int start = pos;
            if (peek() == '-') {
                pos++;
            }
            boolean decimal = false;
            while (pos < text.length() && (isDigit(text.charAt(pos)) || (!decimal && text.charAt(pos) == '.'))) {
                decimal |= text.charAt(pos) == '.';
                pos++;
            }
            String number = text.substring(start, pos);
            if (number.equals("-") || number.endsWith(".") || number.length() > 20) {
                throw error("bad number " + number);
            }
            return decimal ? new BigDecimal(number) : Long.valueOf(Long.parseLong(number));
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\\') {
                    char escaped = pos < text.length() ? text.charAt(pos++) : 0;
                    if (escaped != '"' && escaped != '\\') {
                        throw error("bad escape in string");
                    }
                    out.append(escaped);
                } else if (c < 0x20 || c > 0x7e) {
                    throw error("bad character in string");
                } else {
                    out.append(c);
                }
            }
            throw error("unterminated string");
        }

        private byte[] byteSequence() {
            expect(':');
            int end = text.indexOf(':', pos);
            if (end < 0) {
                throw error("unterminated byte sequence");
            }
            String base64 = text.substring(pos, end);
            pos = end + 1;
            try {
                return Base64.getDecoder().decode(base64);
            } catch (IllegalArgumentException e) {
                throw error("bad base64 in byte sequence");
            }
        }

        private Boolean bool() {
            expect('?');
            char c = peek();
            pos++;
            if (c == '1' || c == '0') {
                return c == '1';
            }
            throw error("bad boolean");
        }

        private Token token() {
            int start = pos;
            pos++;
            while (pos < text.length() && isTokenChar(text.charAt(pos))) {
                pos++;
            }
            return new Token(text.substring(start, pos));
        }

        private String key() {
            char first = peek();
            if (first != '*' && (first < 'a' || first > 'z')) {
                throw error("bad key");
            }
            int start = pos;
            while (pos < text.length() && isKeyChar(text.charAt(pos))) {
                pos++;
            }
            return text.substring(start, pos);
        }

        private void skipSpaces() {
            while (pos < text.length() && text.charAt(pos) == ' ') {
                pos++;
            }
        }

        private void skipWhitespace() {
            while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
                pos++;
            }
        }

        private char peek() {
            return pos < text.length() ? text.charAt(pos) : 0;
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException(what + " at " + pos + " in structured field");
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private static boolean isAlpha(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }

        private static boolean isKeyChar(char c) {
            return (c >= 'a' && c <= 'z') || isDigit(c) || c == '_' || c == '-' || c == '.' || c == '*';
        }

        private static boolean isTokenChar(char c) {
            return isAlpha(c) || isDigit(c) || "!#$%&'*+-.^_`|~:/".indexOf(c) >= 0;
        }
    }
}
