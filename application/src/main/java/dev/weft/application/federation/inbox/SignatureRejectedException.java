package dev.weft.application.federation.inbox;

/** The request's signature, digest or date cannot be trusted: answered 401 with the reason. */
public class SignatureRejectedException extends RuntimeException {
    public SignatureRejectedException(String reason) {
        super(reason);
    }

    public SignatureRejectedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
