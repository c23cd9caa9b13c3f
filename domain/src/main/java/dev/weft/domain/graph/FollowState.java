package dev.weft.domain.graph;

public enum FollowState {
    REQUESTED, ACCEPTED, REJECTED, UNDONE;

    public boolean active() {
        return this == REQUESTED || this == ACCEPTED;
    }
}
