package dev.weft.application.graph;

public record IncomingFollowView(String followId, String accountId, String actorId, String host, String inbox,
                                 String sharedInbox, String activityId, String state) {
}
