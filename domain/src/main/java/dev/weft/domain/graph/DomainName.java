package dev.weft.domain.graph;

import dev.weft.domain.shared.InvalidValueException;
import java.util.Locale;
import java.util.regex.Pattern;

/** A DNS host name, lower case, as servers are compared in blocks and delivery. */
public final class DomainName {
    private static final Pattern HOST = Pattern.compile(
            "(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    private DomainName() {
    }

    public static String checked(String domain) {
        String lower = domain == null ? "" : domain.strip().toLowerCase(Locale.ROOT);
        if (!HOST.matcher(lower).matches()) {
            throw new InvalidValueException("domain", "domain must be a host name such as example.social, got '"
                    + domain + "'");
        }
        return lower;
    }
}
