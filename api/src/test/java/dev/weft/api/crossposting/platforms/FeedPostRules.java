package dev.weft.api.crossposting.platforms;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * What an app.bsky.feed.post record must be before the PDS stores it: its lexicon (text at
 * most 3000 UTF-8 bytes and 300 graphemes, a datetime createdAt, at most 3 langs, facets and
 * reply refs of the documented shapes), plus two checks the reference PDS leaves to the
 * AppView, made here so a test sees the mistake: facets must cover bytes of the text and
 * start and end on character boundaries, and reply refs must name posts stored here, with
 * their CIDs.
 */
final class FeedPostRules {
    private static final String REFUSAL = "Invalid app.bsky.feed.post record: ";
    private static final int MAX_TEXT_BYTES = 3000;
    private static final int MAX_TEXT_GRAPHEMES = 300;
    private static final int MAX_LANGS = 3;
    private static final int MAX_TAG_BYTES = 640;
    private static final int MAX_TAG_GRAPHEMES = 64;
    private static final String FACET = "app.bsky.richtext.facet";
    private static final Pattern DATETIME =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");
    private static final Pattern LANGUAGE = Pattern.compile("(i|[a-z]{2,3})(-[a-zA-Z0-9]+)*");
    private static final Pattern DID = Pattern.compile("did:[a-z]+:[a-zA-Z0-9._:%-]*[a-zA-Z0-9._-]");
    private static final Pattern URI = Pattern.compile("[a-z][a-z0-9+.-]*:\\S+");
    private static final Pattern AT_URI = Pattern.compile("at://[^/\\s]+(/[^/\\s]+(/[^/\\s]+)?)?");

    private final Function<String, Optional<String>> cidOfStoredPost;

    /** cidOfStoredPost answers the CID of the post stored at an at-uri, if there is one. */
    FeedPostRules(Function<String, Optional<String>> cidOfStoredPost) {
        this.cidOfStoredPost = cidOfStoredPost;
    }

    void check(JsonNode record) {
        byte[] text = checkText(record);
        checkCreatedAt(record.get("createdAt"));
        checkLangs(record.get("langs"));
        checkFacets(record.get("facets"), text);
        checkReply(record.get("reply"));
    }

    private static byte[] checkText(JsonNode record) {
        JsonNode text = record.get("text");
        if (text == null) {
            throw refused("Missing required key \"text\" at $.record");
        }
        if (!text.isString()) {
            throw refused("Expected a string at $.record.text");
        }
        byte[] bytes = text.stringValue().getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_TEXT_BYTES) {
            throw refused("string too big (maximum " + MAX_TEXT_BYTES + ", got " + bytes.length + ") at $.record.text");
        }
        int graphemes = Graphemes.count(text.stringValue());
        if (graphemes > MAX_TEXT_GRAPHEMES) {
            throw refused("grapheme too big (maximum " + MAX_TEXT_GRAPHEMES + ", got " + graphemes + ") at $.record.text");
        }
        return bytes;
    }

    private static void checkCreatedAt(JsonNode createdAt) {
        if (createdAt == null) {
            throw refused("Missing required key \"createdAt\" at $.record");
        }
        if (!createdAt.isString() || !isDatetime(createdAt.stringValue())) {
            throw refused("Invalid datetime format at $.record.createdAt");
        }
    }

    private static boolean isDatetime(String value) {
        if (!DATETIME.matcher(value).matches()) {
            return false;
        }
        try {
            OffsetDateTime.parse(value);
            return true;
        } catch (DateTimeParseException notARealDate) {
            return false;
        }
    }

    private static void checkLangs(JsonNode langs) {
        if (langs == null) {
            return;
        }
        if (!langs.isArray()) {
            throw refused("Expected an array at $.record.langs");
        }
        if (langs.size() > MAX_LANGS) {
            throw refused("array too big (maximum " + MAX_LANGS + ", got " + langs.size() + ") at $.record.langs");
        }
        for (int i = 0; i < langs.size(); i++) {
            if (!langs.get(i).isString() || !LANGUAGE.matcher(langs.get(i).stringValue()).matches()) {
                throw refused("Invalid language format at $.record.langs[" + i + "]");
            }
        }
    }

    private static void checkFacets(JsonNode facets, byte[] text) {
        if (facets == null) {
            return;
        }
        if (!facets.isArray()) {
            throw refused("Expected an array at $.record.facets");
        }
        for (int i = 0; i < facets.size(); i++) {
            String at = "$.record.facets[" + i + "]";
            JsonNode facet = facets.get(i);
            checkByteSlice(facet.path("index"), text, at + ".index");
            checkFeatures(facet.get("features"), at + ".features");
        }
    }

    private static void checkByteSlice(JsonNode index, byte[] text, String at) {
        JsonNode start = index.get("byteStart");
        JsonNode end = index.get("byteEnd");
        if (start == null || end == null || !start.isIntegralNumber() || !end.isIntegralNumber()
                || start.intValue() < 0 || end.intValue() < 0) {
            throw refused("byteStart and byteEnd must be integers of at least 0 at " + at);
        }
        if (start.intValue() >= end.intValue() || end.intValue() > text.length) {
            throw refused("facet covers bytes " + start.intValue() + " to " + end.intValue()
                    + ", outside the text's " + text.length + " bytes, at " + at);
        }
        if (!isCharacterBoundary(text, start.intValue()) || !isCharacterBoundary(text, end.intValue())) {
            throw refused("facet starts or ends inside a UTF-8 character at " + at);
        }
    }

    private static boolean isCharacterBoundary(byte[] text, int offset) {
        return offset == text.length || (text[offset] & 0xC0) != 0x80;
    }

    /** Features are an open union: one of a type the fake does not know is kept, unchecked. */
    private static void checkFeatures(JsonNode features, String at) {
        if (features == null || !features.isArray()) {
            throw refused("Missing required key \"features\" at " + at.substring(0, at.lastIndexOf('.')));
        }
        for (int i = 0; i < features.size(); i++) {
            JsonNode feature = features.get(i);
            String type = feature.path("$type").asString("");
            String here = at + "[" + i + "]";
            switch (type) {
                case FACET + "#link" -> requireFormat(feature.get("uri"), URI, "uri", here + ".uri");
                case FACET + "#mention" -> requireFormat(feature.get("did"), DID, "did", here + ".did");
                case FACET + "#tag" -> checkTag(feature.get("tag"), here + ".tag");
                default -> {
                }
            }
        }
    }

    private static void checkTag(JsonNode tag, String at) {
        if (tag == null || !tag.isString()) {
            throw refused("Missing required key \"tag\" at " + at.substring(0, at.lastIndexOf('.')));
        }
        int bytes = tag.stringValue().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_TAG_BYTES || Graphemes.count(tag.stringValue()) > MAX_TAG_GRAPHEMES) {
            throw refused("tag too long (at most " + MAX_TAG_GRAPHEMES + " graphemes and " + MAX_TAG_BYTES
                    + " bytes) at " + at);
        }
    }

    private void checkReply(JsonNode reply) {
        if (reply == null) {
            return;
        }
        checkStrongRef(reply.get("root"), "$.record.reply.root");
        checkStrongRef(reply.get("parent"), "$.record.reply.parent");
    }

    private void checkStrongRef(JsonNode ref, String at) {
        if (ref == null || !ref.isObject()) {
            throw refused("Missing required key \"" + at.substring(at.lastIndexOf('.') + 1) + "\" at $.record.reply");
        }
        requireFormat(ref.get("uri"), AT_URI, "at-uri", at + ".uri");
        JsonNode cid = ref.get("cid");
        if (cid == null || !cid.isString()) {
            throw refused("Missing required key \"cid\" at " + at);
        }
        String uri = ref.get("uri").stringValue();
        Optional<String> stored = cidOfStoredPost.apply(uri);
        if (stored.isEmpty()) {
            throw refused("no post is stored at " + uri + ", named at " + at);
        }
        if (!stored.get().equals(cid.stringValue())) {
            throw refused("the post at " + uri + " has CID " + stored.get() + ", not " + cid.stringValue() + ", at " + at);
        }
    }

    private static void requireFormat(JsonNode value, Pattern format, String formatName, String at) {
        if (value == null || !value.isString()) {
            throw refused("Missing required key \"" + at.substring(at.lastIndexOf('.') + 1) + "\" at "
                    + at.substring(0, at.lastIndexOf('.')));
        }
        if (!format.matcher(value.stringValue()).matches()) {
            throw refused("Invalid " + formatName + " format at " + at);
        }
    }

    private static XrpcRefusal refused(String reason) {
        return XrpcRefusal.invalidRequest(REFUSAL + reason);
    }
}
