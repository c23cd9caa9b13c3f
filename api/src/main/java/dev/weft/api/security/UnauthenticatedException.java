package dev.weft.api.security;

public class UnauthenticatedException extends RuntimeException {
    public UnauthenticatedException(String message) {
        super(message);
    }

    /** For a request without a known token: says whether one was missing or not recognised. */
    static UnauthenticatedException forHeader(String authorization) {
        return new UnauthenticatedException(authorization == null
                ? "a bearer token is required" : "the bearer token is not valid");
    }
}
