package dev.weft.infrastructure.timelines;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.domain.posts.PostContent;
import dev.weft.domain.posts.PostPublishedEvent;
import dev.weft.domain.posts.Visibility;
import dev.weft.infrastructure.support.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;

/**
 * The inbox asks who wrote a post before accepting a like of it; a post the timelines
 * projection has not reached yet is found from its publication event.
 */
class PostAuthorLookupTest {
    private static final Instant AT = Instant.parse("2026-12-03T08:00:00Z");
    private final JdbcTimelineReader reader = new JdbcTimelineReader(TestDatabase.JDBC, null);

    @Test
    void aPostNotYetProjectedIsFoundByItsPublicationEvent() {
        String postId = UUID.randomUUID().toString();
        String accountId = UUID.randomUUID().toString();
        byte[] payload = Jackson3Serializer.builder().build().serialize(new PostPublishedEvent(postId, accountId,
                Visibility.PUBLIC, "en", List.of(), true, "2026-11", AT, new PostContent("hi", null), null),
                byte[].class).getData();
        TestDatabase.JDBC.update("INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, "
                + "sequence_number, type, time_stamp, payload_type, payload, meta_data) VALUES (?, ?, 0, 'Post', ?, ?, "
                + "?, ?)", UUID.randomUUID().toString(), postId, AT.toString(), PostPublishedEvent.class.getName(),
                payload, "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(reader.authorOf(postId)).contains(accountId);
    }

    @Test
    void aPostThatNeverExistedHasNoAuthor() {
        assertThat(reader.authorOf(UUID.randomUUID().toString())).isEmpty();
    }
}
