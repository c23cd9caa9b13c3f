package dev.weft.api.federation;

import static dev.weft.application.federation.documents.Html.escape;

/** The frame of Weft's few public HTML pages; callers escape what goes into head and body. */
public final class HtmlPages {
    private HtmlPages() {
    }

    public static String page(String title, String head, String body) {
        return "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title) + "</title>\n"
                + head + "</head>\n<body>\n" + body + "</body>\n</html>\n";
    }
}
