package dev.weft.infrastructure.http;

/** The target resolves to an address Weft may not reach, or redirects too often. */
public class BlockedDestinationException extends RuntimeException {
    public BlockedDestinationException(String reason) {
        super(reason);
    }
}
