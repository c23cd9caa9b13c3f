package dev.weft.domain.distribution;

/** One server's copy within a batch of them: its id and where it goes. */
public record ScheduledCopy(String copyId, Destination destination) {

    public static ScheduledCopy of(String postId, Destination destination) {
        return new ScheduledCopy(CopyIds.of(postId, destination), destination);
    }
}
