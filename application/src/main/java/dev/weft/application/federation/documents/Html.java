package dev.weft.application.federation.documents;

/**
 * Text made safe to place in HTML. ActivityStreams content and summary are HTML, so plain
 * text from a person must be escaped or a "<" in a post becomes markup on every server.
 */
public final class Html {
    private Html() {
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Plain text as paragraphs: a blank line starts a new one, a single newline becomes a line break. */
    public static String paragraphs(String text) {
        String normalized = text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n').strip();
        StringBuilder out = new StringBuilder();
        for (String paragraph : normalized.split("\n\\s*\n")) {
            out.append("<p>").append(escape(paragraph.strip()).replace("\n", "<br>")).append("</p>");
        }
        return out.toString();
    }
}
