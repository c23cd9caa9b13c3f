package dev.weft.infrastructure.crossposting.bluesky;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A record's address, at://{repo}/{collection}/{rkey} (https://atproto.com/specs/at-uri-scheme). */
record AtUri(String repo, String collection, String rkey) {
    private static final Pattern RECORD = Pattern.compile("at://([^/]+)/([^/]+)/([^/?#]+)");

    static Optional<AtUri> parse(String uri) {
        Matcher matcher = uri == null ? null : RECORD.matcher(uri);
        return matcher != null && matcher.matches()
                ? Optional.of(new AtUri(matcher.group(1), matcher.group(2), matcher.group(3))) : Optional.empty();
    }

    @Override
    public String toString() {
        return "at://" + repo + "/" + collection + "/" + rkey;
    }
}
