package dev.weft.application.projections;

/** progress is null unless the projection is rebuilding. */
public record ProjectionStatus(String name, long position, long head, long lag, String state,
                               RebuildProgress progress) {
}
