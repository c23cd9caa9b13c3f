package dev.weft.application.federation.delivery;

/**
 * Whether Weft still tries to deliver to a server. A server whose deliveries failed on
 * several distinct days is skipped; anything it sends us proves it is back.
 */
public interface ServerAvailability {
    /** The server sent us something: mark it available again and forget its failing days. */
    void heardFrom(String host);
}
