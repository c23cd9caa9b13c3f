package dev.weft.application.federation.inbox;

/** A remote document the activity needs could not be fetched now; the activity is tried again later. */
public class RemoteFetchFailedException extends RuntimeException {
    public RemoteFetchFailedException(String message) {
        super(message);
    }
}
