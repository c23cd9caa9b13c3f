package dev.weft.infrastructure.http;

/** The answer's body was longer than weft.federation.delivery.max-response-bytes; it was not read further. */
public class ResponseTooLargeException extends RuntimeException {
    public ResponseTooLargeException(String target, long limit) {
        super("the response from " + target + " exceeds the limit of " + limit + " bytes");
    }
}
