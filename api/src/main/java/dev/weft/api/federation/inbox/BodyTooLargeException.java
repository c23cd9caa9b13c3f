package dev.weft.api.federation.inbox;

/** An inbox body over the limit: answered 413 before anything is verified or stored. */
public class BodyTooLargeException extends RuntimeException {
    public BodyTooLargeException(long length, int limit) {
        super((length > 0 ? "the body is " + length + " bytes" : "the body is larger than " + limit + " bytes")
                + "; an inbox accepts at most " + limit + " bytes");
    }
}
