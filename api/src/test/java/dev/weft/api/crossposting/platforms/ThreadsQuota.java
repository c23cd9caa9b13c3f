package dev.weft.api.crossposting.platforms;

/** Threads' publishing limits, each over a moving 24 hours, as threads_publishing_limit reports them. */
public enum ThreadsQuota {
    POSTS(250),
    REPLIES(1000),
    DELETES(100);

    private final int total;

    ThreadsQuota(int total) {
        this.total = total;
    }

    public int total() {
        return total;
    }
}
