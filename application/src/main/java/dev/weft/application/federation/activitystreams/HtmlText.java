package dev.weft.application.federation.activitystreams;

import java.util.regex.Pattern;

/**
 * Plain text from the HTML of a remote note. Weft stores and shows text, never remote
 * markup, so nothing a remote server writes is rendered as HTML here.
 */
public final class HtmlText {
    private static final Pattern BREAKS = Pattern.compile("(?i)<br\\s*/?>");
    private static final Pattern PARAGRAPHS = Pattern.compile("(?i)</p>\\s*<p[^>]*>");
    private static final Pattern TAGS = Pattern.compile("<[^>]*>");

    private HtmlText() {
    }

    public static String toPlain(String html) {
        String text = BREAKS.matcher(html).replaceAll("\n");
        text = PARAGRAPHS.matcher(text).replaceAll("\n\n");
        text = TAGS.matcher(text).replaceAll("");
        return unescape(text).strip();
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&apos;", "'").replace("&nbsp;", " ").replace("&amp;", "&");
    }
}
