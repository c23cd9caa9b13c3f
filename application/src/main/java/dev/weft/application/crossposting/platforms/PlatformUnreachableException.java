package dev.weft.application.crossposting.platforms;

/** The platform could not be asked (down, timed out, not an API): nothing was decided. */
public class PlatformUnreachableException extends RuntimeException {
    public PlatformUnreachableException(String message) {
        super(message);
    }
}
