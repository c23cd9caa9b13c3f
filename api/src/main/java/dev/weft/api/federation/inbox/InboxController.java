package dev.weft.api.federation.inbox;

import dev.weft.api.federation.SignedRequests;
import dev.weft.application.federation.inbox.Inbox;
import dev.weft.application.federation.inbox.SignedRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
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
    private final Inbox inbox;

    public InboxController(Inbox inbox) {
        this.inbox = inbox;
    }

    @PostMapping("/users/{handle}/inbox")
    public ResponseEntity<Void> personal(@PathVariable String handle, HttpServletRequest request) throws IOException {
        inbox.accept(signedRequest(request), handle);
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/inbox")
    public ResponseEntity<Void> shared(HttpServletRequest request) throws IOException {
        inbox.accept(signedRequest(request), null);
        return ResponseEntity.accepted().build();
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
