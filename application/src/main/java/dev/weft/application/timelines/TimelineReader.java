package dev.weft.application.timelines;

import dev.weft.application.shared.Page;
import dev.weft.application.shared.PageRequest;
import java.util.List;

public interface TimelineReader {
    Page<TimelineItem> accountTimeline(String accountId, PageRequest page);

    Page<TimelineItem> home(String accountId, PageRequest page);

    /** Every post of the account not yet deleted, oldest first; used when the account goes. */
    List<String> livePostIds(String accountId);

    /** The object ids of a remote actor's posts kept here and not deleted; used when the actor goes. */
    List<String> liveRemotePostsBy(String actorId);
}
