package dev.weft.application.graph;

/** One inbox that serves one or more followers on a host. */
public record FollowerInbox(String host, String inbox) {
}
