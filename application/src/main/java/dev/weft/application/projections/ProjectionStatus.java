package dev.weft.application.projections;

/**
 * progress is set while rebuilding; lastRebuild tells how the latest rebuild ended;
 * deadLetters counts events parked because the projection or a policy beside it failed them.
 */
public record ProjectionStatus(String name, long position, long head, long lag, String state,
                               RebuildProgress progress, LastRebuild lastRebuild, long deadLetters) {
}
