package dev.weft.infrastructure.posts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.application.posts.PostStatusView;
import dev.weft.domain.accounts.PostPermit;
import dev.weft.domain.posts.PostContent;
import dev.weft.domain.posts.PostPublishedEvent;
import dev.weft.domain.posts.Visibility;
import dev.weft.infrastructure.crossposting.JdbcCrossPostReader;
import dev.weft.infrastructure.support.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** A post kept off the fediverse says why in its status, and only when it was withheld, not chosen. */
class WithheldPostStatusProjectionTest {
    private static final Instant PUBLISHED = Instant.parse("2026-12-01T10:00:00Z");
    private static final JdbcTemplate JDBC = TestDatabase.JDBC;
    private static final SharingStatusProjection projection = new SharingStatusProjection(JDBC);
    private static final JdbcPostStatusReader reader = new JdbcPostStatusReader(JDBC, new JdbcCrossPostReader(JDBC));

    private PostStatusView.Fediverse published(boolean shared, String withheld) {
        String postId = UUID.randomUUID().toString();
        projection.on(new PostPublishedEvent(postId, UUID.randomUUID().toString(), Visibility.PUBLIC, "en",
                List.of(), shared, "2026-10", PUBLISHED, new PostContent("hello", null), withheld));
        return reader.statusOf(postId).orElseThrow().fediverse();
    }

    @Test
    void aPostWithheldForAnOutdatedConsentSaysSo() {
        assertThat(published(false, PostPermit.CONSENT_OUTDATED)).extracting(PostStatusView.Fediverse::shared,
                PostStatusView.Fediverse::withheld).containsExactly(false, "consent_outdated");
    }

    @Test
    void aPostKeptOffByChoiceOrSharedNamesNoReason() {
        assertThat(published(false, null).withheld()).isNull();
        assertThat(published(true, null)).extracting(PostStatusView.Fediverse::shared,
                PostStatusView.Fediverse::withheld).containsExactly(true, null);
    }
}
