package dev.weft.api.federation.discovery;

import dev.weft.api.federation.ActivityResponses;
import dev.weft.api.federation.PublishedActors;
import dev.weft.application.accounts.AccountDirectory;
import dev.weft.application.accounts.AccountView;
import dev.weft.application.federation.FederationSettings;
import dev.weft.application.federation.FederationUrls;
import dev.weft.application.shared.NotFoundException;
import dev.weft.domain.shared.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * WebFinger (RFC 7033): turns @handle@host, or an actor or profile URL, into the actor.
 * Only accounts shared with the fediverse are found; browsers may ask too, hence CORS.
 */
@RestController
public class WebFingerController {
    static final MediaType JRD = new MediaType("application", "jrd+json", StandardCharsets.UTF_8);
    private final AccountDirectory accounts;
    private final FederationSettings settings;
    private final FederationUrls urls;

    public WebFingerController(AccountDirectory accounts, FederationSettings settings, FederationUrls urls) {
        this.accounts = accounts;
        this.settings = settings;
        this.urls = urls;
    }

    @GetMapping("/.well-known/webfinger")
    public ResponseEntity<String> webfinger(@RequestParam(required = false) String resource) {
        String handle = handleIn(resource);
        AccountView account = accounts.findByHandle(handle).filter(PublishedActors::published)
                .orElseThrow(() -> PublishedActors.notFound(handle));
        return ResponseEntity.ok().header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*").contentType(JRD)
                .body(ActivityResponses.write(descriptor(account.handle())));
    }

    private ObjectNode descriptor(String handle) {
        ObjectNode jrd = JsonNodeFactory.instance.objectNode();
        jrd.put("subject", "acct:" + handle + "@" + settings.host());
        jrd.putArray("aliases").add(urls.actor(handle)).add(urls.profilePage(handle));
        ArrayNode links = jrd.putArray("links");
        links.addObject().put("rel", "self").put("type", "application/activity+json").put("href", urls.actor(handle));
        links.addObject().put("rel", "http://webfinger.net/rel/profile-page").put("type", "text/html")
                .put("href", urls.profilePage(handle));
        return jrd;
    }

    /** acct:handle@host (the "acct:" may be left out), or one of our actor or profile URLs. */
    private String handleIn(String resource) {
        if (resource == null || resource.isBlank()) {
            throw new InvalidValueException("resource", "resource is required, e.g. acct:alice@" + settings.host());
        }
        String value = resource.strip();
        if (value.startsWith("http://") || value.startsWith("https://")) {
            return urls.handleOfActor(value).or(() -> handleOfProfile(value))
                    .orElseThrow(() -> new NotFoundException("resource", "no account at " + value));
        }
        String acct = value.regionMatches(true, 0, "acct:", 0, 5) ? value.substring(5) : value;
        if (acct.startsWith("@")) {
            acct = acct.substring(1);
        }
        int at = acct.lastIndexOf('@');
        if (at <= 0 || at == acct.length() - 1) {
            throw new InvalidValueException("resource", "resource must be acct:handle@host, got '" + resource + "'");
        }
        String host = acct.substring(at + 1).toLowerCase(Locale.ROOT);
        if (!host.equals(settings.host().toLowerCase(Locale.ROOT))) {
            throw new NotFoundException("resource", host + " is not this server");
        }
        return acct.substring(0, at);
    }

    private Optional<String> handleOfProfile(String url) {
        String prefix = urls.base() + "/@";
        return url.startsWith(prefix) && url.length() > prefix.length()
                ? Optional.of(url.substring(prefix.length())).filter(h -> !h.contains("/"))
                : Optional.empty();
    }
}
