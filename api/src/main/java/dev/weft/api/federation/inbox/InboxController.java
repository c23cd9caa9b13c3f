package dev.weft.api.federation.inbox;

import dev.weft.api.federation.SignedRequests;
import dev.weft.api.limits.ClientAddresses;
import dev.weft.api.limits.RateLimits;
import dev.weft.application.federation.inbox.Inbox;
import dev.weft.application.federation.inbox.SignedRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every local actor's inbox and the shared inbox. The body is read as raw bytes, because the
 * digest and signature cover exactly what was sent, and never beyond MAX_BODY_BYTES.
 */
@RestController
public class InboxController {
    static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final Pattern KEY_ID = Pattern.compile("keyid=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);
    private final Inbox inbox;
    private final RateLimits limits;
    private final ClientAddresses clients;

    public InboxController(Inbox inbox, RateLimits limits, ClientAddresses clients) {
        this.inbox = inbox;
        this.limits = limits;
        this.clients = clients;
    }

    @PostMapping("/users/{handle}/inbox")
    public ResponseEntity<Void> personal(@PathVariable String handle, HttpServletRequest request) throws IOException {
        limits.acquire(RateLimits.Kind.INBOX, senderOf(request));
        inbox.accept(signedRequest(request), handle);
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/inbox")
    public ResponseEntity<Void> shared(HttpServletRequest request) throws IOException {
        limits.acquire(RateLimits.Kind.INBOX, senderOf(request));
        inbox.accept(signedRequest(request), null);
        return ResponseEntity.accepted().build();
    }

    /**
     * The server named by the signature's key, read before the signature is checked: the
     * limit is there to spare the checking. A forger spends only the named server's budget,
     * and that server's own deliveries are then asked to come back later, not refused.
     */
    private String senderOf(HttpServletRequest request) {
        for (String header : new String[] {"Signature", "Signature-Input"}) {
            String value = request.getHeader(header);
            Matcher keyId = value == null ? null : KEY_ID.matcher(value);
            if (keyId != null && keyId.find()) {
                try {
                    String authority = URI.create(keyId.group(1)).getRawAuthority();
                    if (authority != null) {
                        return authority.toLowerCase(Locale.ROOT);
                    }
                } catch (IllegalArgumentException e) {
                    break;
                }
            }
        }
        return "address " + clients.of(request);
    }

    private static SignedRequest signedRequest(HttpServletRequest request) throws IOException {
        return SignedRequests.of(request, body(request));
    }

    private static byte[] body(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            throw new BodyTooLargeException(request.getContentLengthLong(), MAX_BODY_BYTES);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw new BodyTooLargeException(-1, MAX_BODY_BYTES);
            }
            return body;
        }
    }
}
