package dev.weft.api.federation.discovery;

import dev.weft.api.federation.ActivityResponses;
import dev.weft.application.federation.FederationUrls;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Host metadata (RFC 6415): older software finds the WebFinger endpoint through its lrdd template. */
@RestController
public class HostMetaController {
    private final FederationUrls urls;

    public HostMetaController(FederationUrls urls) {
        this.urls = urls;
    }

    @GetMapping("/.well-known/host-meta")
    public ResponseEntity<String> xml() {
        String xrd = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<XRD xmlns=\"http://docs.oasis-open.org/ns/xri/xrd-1.0\">\n"
                + "  <Link rel=\"lrdd\" template=\"" + template().replace("&", "&amp;") + "\"/>\n"
                + "</XRD>\n";
        return ResponseEntity.ok().header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .contentType(MediaType.parseMediaType("application/xrd+xml; charset=utf-8")).body(xrd);
    }

    @GetMapping("/.well-known/host-meta.json")
    public ResponseEntity<String> json() {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.putArray("links").addObject().put("rel", "lrdd").put("template", template());
        return ResponseEntity.ok().header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .contentType(MediaType.APPLICATION_JSON).body(ActivityResponses.write(document));
    }

    private String template() {
        return urls.base() + "/.well-known/webfinger?resource={uri}";
    }
}
