package dev.weft.infrastructure.federation.remote;

import dev.weft.application.federation.remote.WebFinger;
import dev.weft.infrastructure.config.WeftProperties;
import dev.weft.infrastructure.http.AddressPolicy;
import dev.weft.infrastructure.http.HttpReply;
import dev.weft.infrastructure.http.SafeHttpClient;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * WebFinger over HTTPS, as RFC 7033 requires. Plain HTTP is tried only for a host whose every
 * address lies in a private network the operator allowed (a test or development network has
 * no public certificate), never for a public one, where it would let anyone on the path
 * choose the actor.
 */
@Component
public class HttpWebFinger implements WebFinger {
    private static final Logger LOG = LoggerFactory.getLogger(HttpWebFinger.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> HEADERS = Map.of("Accept", "application/jrd+json, application/json");

    private final SafeHttpClient http;
    private final AddressPolicy addresses;

    @Autowired
    public HttpWebFinger(SafeHttpClient http, WeftProperties properties) {
        this(http, new AddressPolicy(properties.federation().allowedPrivateNetworks()));
    }

    public HttpWebFinger(SafeHttpClient http, AddressPolicy addresses) {
        this.http = http;
        this.addresses = addresses;
    }

    @Override
    public Optional<String> actorOf(String user, String domain) {
        String path = "://" + domain + "/.well-known/webfinger?resource="
                + URLEncoder.encode("acct:" + user + "@" + domain, StandardCharsets.UTF_8);
        URI secure = URI.create("https" + path);
        if (!onAllowedPrivateNetwork(secure.getHost())) {
            return lookup(secure).actor();
        }
        // Plain first, and HTTPS only when nothing answered plainly: a TLS hello sent to a
        // plain server may wait for the whole read timeout.
        Answer plain = lookup(URI.create("http" + path));
        return plain.reached() ? plain.actor() : lookup(secure).actor();
    }

    private record Answer(boolean reached, Optional<String> actor) {
    }

    private Answer lookup(URI query) {
        HttpReply reply;
        try {
            reply = http.get(query, HEADERS);
        } catch (RuntimeException e) {
            LOG.info("WebFinger {} failed: {}", query, e.toString());
            return new Answer(false, Optional.empty());
        }
        if (reply.status() < 200 || reply.status() >= 300) {
            return new Answer(true, Optional.empty());
        }
        try {
            return new Answer(true, selfLink(JSON.readTree(reply.body())));
        } catch (RuntimeException e) {
            LOG.info("WebFinger {} answered no JRD: {}", query, e.toString());
            return new Answer(true, Optional.empty());
        }
    }

    /** The self link of an ActivityPub type; Mastodon gives application/activity+json. */
    static Optional<String> selfLink(JsonNode jrd) {
        for (JsonNode link : jrd.path("links")) {
            String type = link.path("type").asString("");
            boolean activityPub = type.startsWith("application/activity+json")
                    || (type.startsWith("application/ld+json") && type.contains("activitystreams"));
            String href = link.path("href").asString("");
            if ("self".equals(link.path("rel").asString("")) && activityPub && href.startsWith("http")) {
                return Optional.of(href);
            }
        }
        return Optional.empty();
    }

    private boolean onAllowedPrivateNetwork(String host) {
        if (host == null) {
            return false;
        }
        try {
            InetAddress[] all = InetAddress.getAllByName(host);
            return all.length > 0 && Arrays.stream(all).allMatch(addresses::allowedPrivate);
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
