package dev.weft.application.crossposting.formatting;

/**
 * A link, mention or hashtag found in a text, at char indices into that text (end
 * exclusive). A part is never cut inside one, and each is counted and rewritten whole.
 */
record Entity(Kind kind, int start, int end, String text) {

    enum Kind {
        URL,
        /** {@code @user@host}, where the host has a dot or a port. */
        FEDIVERSE_MENTION,
        /** A bare {@code @name}: an account on this Weft server. */
        LOCAL_MENTION,
        HASHTAG
    }

    boolean isMention() {
        return kind == Kind.FEDIVERSE_MENTION || kind == Kind.LOCAL_MENTION;
    }

    /** The name without '@' or host: "alice" for both {@code @alice} and {@code @alice@example.social}. */
    String user() {
        int hostAt = text.indexOf('@', 1);
        return hostAt < 0 ? text.substring(1) : text.substring(1, hostAt);
    }

    String host() {
        return text.substring(text.indexOf('@', 1) + 1);
    }

    /** The tag without its '#'. */
    String tag() {
        return text.substring(1);
    }
}
