package dev.weft.api.federation.discovery;

import dev.weft.api.federation.ActivityResponses;
import dev.weft.application.accounts.AccountDirectory;
import dev.weft.application.federation.FederationUrls;
import dev.weft.application.posts.SharedPostReader;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * NodeInfo 2.1. Users and posts count only what is shared with the fediverse: the rest of
 * Weft is none of the fediverse's business. Weft records no activity dates yet, so both
 * active counts report every sharing account.
 */
@RestController
public class NodeInfoController {
    static final String SCHEMA = "http://nodeinfo.diaspora.software/ns/schema/2.1";
    static final MediaType NODEINFO = MediaType.parseMediaType("application/json; profile=\"" + SCHEMA + "#\"");
    private static final String VERSION = versionOfBuild();
    private final AccountDirectory accounts;
    private final SharedPostReader posts;
    private final FederationUrls urls;

    public NodeInfoController(AccountDirectory accounts, SharedPostReader posts, FederationUrls urls) {
        this.accounts = accounts;
        this.posts = posts;
        this.urls = urls;
    }

    @GetMapping("/.well-known/nodeinfo")
    public ResponseEntity<String> discovery() {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.putArray("links").addObject().put("rel", SCHEMA).put("href", urls.base() + "/nodeinfo/2.1");
        return ResponseEntity.ok().header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .contentType(MediaType.APPLICATION_JSON).body(ActivityResponses.write(document));
    }

    @GetMapping("/nodeinfo/2.1")
    public ResponseEntity<String> nodeInfo() {
        long users = accounts.countSharing();
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.put("version", "2.1");
        ObjectNode software = document.putObject("software");
        software.put("name", "weft");
        software.put("version", VERSION);
        document.putArray("protocols").add("activitypub");
        ObjectNode services = document.putObject("services");
        services.putArray("inbound");
        services.putArray("outbound");
        document.put("openRegistrations", true);
        ObjectNode usage = document.putObject("usage");
        usage.putObject("users").put("total", users).put("activeMonth", users).put("activeHalfyear", users);
        usage.put("localPosts", posts.countShared());
        document.putObject("metadata");
        return ResponseEntity.ok().header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*").contentType(NODEINFO)
                .body(ActivityResponses.write(document));
    }

    private static String versionOfBuild() {
        String version = NodeInfoController.class.getPackage().getImplementationVersion();
        return version == null || version.isBlank() ? "0.1.0" : version;
    }
}
