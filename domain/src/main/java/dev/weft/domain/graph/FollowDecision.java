package dev.weft.domain.graph;

public record FollowDecision(boolean accepted, String reason) {
    public static FollowDecision accept() {
        return new FollowDecision(true, null);
    }

    public static FollowDecision reject(String reason) {
        return new FollowDecision(false, reason);
    }
}
