package dev.weft.application.projections;

/** progress is set while rebuilding; lastRebuild tells how the latest rebuild ended. */
public record ProjectionStatus(String name, long position, long head, long lag, String state,
                               RebuildProgress progress, LastRebuild lastRebuild) {
}
