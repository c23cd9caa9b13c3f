package dev.weft.application.federation.remote;

import dev.weft.application.federation.FederationUrls;
import dev.weft.domain.shared.InvalidValueException;
import dev.weft.domain.shared.NotEligibleException;
import java.net.IDN;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * What a person types to name someone elsewhere: an actor IRI, or a handle such as
 * {@code alice@example.social}, {@code @alice@example.social} or {@code acct:alice@example.social},
 * which WebFinger turns into the actor's IRI.
 */
@Service
public class ActorLookup {
    private static final Pattern HANDLE = Pattern.compile("([^\\s/?#:@]+)@([\\p{L}\\p{N}.-]+)(:\\d{1,5})?");
    private final WebFinger webFinger;
    private final FederationUrls urls;

    public ActorLookup(WebFinger webFinger, FederationUrls urls) {
        this.webFinger = webFinger;
        this.urls = urls;
    }

    /**
     * @param field the request field named by an error
     * @return the text itself when it is an IRI, else the actor WebFinger names for the handle
     * @throws InvalidValueException for a malformed handle, or one of this server, before any request leaves
     * @throws NotEligibleException when WebFinger names no ActivityPub actor for the handle
     */
    public String actorIdOf(String text, String field) {
        String trimmed = text.trim();
        if (trimmed.contains("://")) {
            return trimmed;
        }
        Matcher handle = HANDLE.matcher(withoutPrefixes(trimmed));
        if (!handle.matches()) {
            throw new InvalidValueException(field, "give an actor IRI or a handle such as alice@example.social, got '"
                    + text + "'");
        }
        String domain = asciiDomain(handle, text, field);
        if (domain.equalsIgnoreCase(URI.create(urls.base()).getRawAuthority())) {
            throw new InvalidValueException(field, field + " must be an actor on another server");
        }
        return webFinger.actorOf(handle.group(1), domain).orElseThrow(() -> new NotEligibleException(field,
                "WebFinger found no ActivityPub actor for " + handle.group(1) + "@" + domain));
    }

    /** An internationalised domain is asked for by its ASCII name, as DNS and URIs know it. */
    private static String asciiDomain(Matcher handle, String text, String field) {
        try {
            String host = IDN.toASCII(handle.group(2), IDN.USE_STD3_ASCII_RULES);
            return handle.group(3) == null ? host : host + handle.group(3);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(field, "'" + text + "' names no valid domain");
        }
    }

    private static String withoutPrefixes(String handle) {
        String bare = handle.regionMatches(true, 0, "acct:", 0, 5) ? handle.substring(5) : handle;
        return bare.startsWith("@") ? bare.substring(1) : bare;
    }
}
