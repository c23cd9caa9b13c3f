package dev.weft.application.projections;

import java.util.List;

public interface ProjectionAdmin {
    List<ProjectionStatus> statuses();

    /** Starts a rebuild in the background; reads keep being served from the current tables. */
    void rebuild(String name);

    /** Starts a rebuild of every projection from one pass over the events; returns their names. */
    List<String> rebuildAll();

    /** Retries the parked events of a projection, oldest sequence first; returns how many sequences cleared. */
    int retryDeadLetters(String name);
}
