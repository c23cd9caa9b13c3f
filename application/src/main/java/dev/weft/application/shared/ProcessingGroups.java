package dev.weft.application.shared;

import java.util.Set;

/**
 * The one home of Weft's processing-group names. A policy joins the group whose projection
 * it reads, so it sees that projection exactly as of the event it handles; the names are
 * shared by projections, policies, dead-letter queues and the settings in application.yml.
 */
public final class ProcessingGroups {
    /** Subscribing: updated in the command's own transaction. */
    public static final String DIRECTORY = "directory";
    public static final String TIMELINES = "timelines";
    public static final String FOLLOWERS = "followers";
    public static final String SHARING_STATUS = "sharing-status";
    public static final String DELETION_REQUESTS = "deletion-requests";
    public static final String AUDIT = "audit";
    public static final String LEDGER = "ledger";

    /** The streaming groups: each has a token, a dead-letter queue and can be rebuilt. */
    public static final Set<String> STREAMING = Set.of(TIMELINES, FOLLOWERS, SHARING_STATUS, DELETION_REQUESTS, AUDIT,
            LEDGER);

    private ProcessingGroups() {
    }
}
