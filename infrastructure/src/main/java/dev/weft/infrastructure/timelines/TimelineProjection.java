package dev.weft.infrastructure.timelines;

import dev.weft.application.shared.ProcessingGroups;
import dev.weft.domain.remotepeople.RemotePersonErasedEvent;
import dev.weft.domain.posts.PostDeletedEvent;
import dev.weft.domain.posts.PostEditedEvent;
import dev.weft.domain.posts.PostPublishedEvent;
import dev.weft.domain.remoteposts.RemotePostDeletedEvent;
import dev.weft.domain.remoteposts.RemotePostReceivedEvent;
import dev.weft.domain.remoteposts.RemotePostUpdatedEvent;
import dev.weft.infrastructure.projections.JdbcProjection;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Local posts per account and remote posts per author; the home timeline joins them with follows. */
@Component
@ProcessingGroup(TimelineProjection.NAME)
@Order(0)
public class TimelineProjection extends JdbcProjection {
    public static final String NAME = ProcessingGroups.TIMELINES;
    public static final String SCHEMA = "timelines";

    @Autowired
    public TimelineProjection(JdbcTemplate jdbc) {
        this(jdbc, SCHEMA);
    }

    private TimelineProjection(JdbcTemplate jdbc, String schema) {
        super(jdbc, NAME, SCHEMA, schema);
    }



    @Override
    public JdbcProjection inSchema(String otherSchema, JdbcTemplate otherJdbc) {
        return new TimelineProjection(otherJdbc, otherSchema);
    }

    @EventHandler
    void on(PostPublishedEvent event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        writeFor("post:" + event.postId(), "INSERT INTO " + table("post") + " (post_id, account_id, position, text, content_warning, language, "
                        + "visibility, shared_to_fediverse, published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (post_id) DO NOTHING",
                event.postId(), event.accountId(), position(at, eventId), event.content().text(),
                event.content().contentWarning(), event.language(), event.visibility().wireName(),
                event.sharedToFediverse(), ts(event.publishedAt()));
    }

    @EventHandler
    void on(PostEditedEvent event) {
        writeFor("post:" + event.postId(), "UPDATE " + table("post") + " SET text = ?, content_warning = ?, language = ?, edited_at = ? "
                        + "WHERE post_id = ?", event.content().text(), event.content().contentWarning(),
                event.language(), ts(event.editedAt()), event.postId());
    }

    @EventHandler
    void on(PostDeletedEvent event) {
        writeFor("post:" + event.postId(), "UPDATE " + table("post") + " SET deleted_at = ?, text = '', content_warning = NULL "
                + "WHERE post_id = ?", ts(event.deletedAt()), event.postId());
    }

    @EventHandler
    void on(RemotePostReceivedEvent event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        writeFor("remote-post:" + event.remotePostId(), "INSERT INTO " + table("remote_post") + " (remote_post_id, object_id, actor_id, position, text, "
                        + "content_warning, url, published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (remote_post_id) DO NOTHING",
                event.remotePostId(), event.objectId(), event.author().actorId(), position(at, eventId),
                event.content().text(), event.content().contentWarning(), event.content().url(),
                ts(event.publishedAt()));
    }

    @EventHandler
    void on(RemotePostUpdatedEvent event) {
        writeFor("remote-post:" + event.remotePostId(), "UPDATE " + table("remote_post") + " SET text = ?, content_warning = ? WHERE remote_post_id = ?",
                event.content().text(), event.content().contentWarning(), event.remotePostId());
    }

    @EventHandler
    void on(RemotePostDeletedEvent event) {
        writeFor("remote-post:" + event.remotePostId(), "UPDATE " + table("remote_post") + " SET deleted_at = ?, text = '', content_warning = NULL "
                + "WHERE remote_post_id = ?", ts(event.deletedAt()), event.remotePostId());
    }

    /** An erased person's posts were deleted before; what is left of them names them, so it goes. */
    @EventHandler
    void on(RemotePersonErasedEvent event) {
        write("DELETE FROM " + table("remote_post") + " WHERE actor_id = ?", event.actorId());
    }
}
