package dev.weft.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.api.support.WeftIntegrationTest;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The projections whose events each concern one account run in two segments, the others in
 * one (operations.md, "Segments"). That a rebuild of the split ones makes the tables their
 * live processors made is ProjectionRebuildIntegrationTest's to show.
 */
class ProjectionSegmentsIntegrationTest extends WeftIntegrationTest {

    @Test
    void deletionRequestsAndTheLedgerRunInTwoSegmentsAndTheOthersInOne() {
        await("every projection's tokens stored", () -> segments().size() >= 6);

        assertThat(segments()).containsEntry("deletion-requests", 2L).containsEntry("ledger", 2L)
                .containsEntry("timelines", 1L).containsEntry("followers", 1L)
                .containsEntry("sharing-status", 1L).containsEntry("audit", 1L);
    }

    private Map<String, Long> segments() {
        return jdbc.queryForList("SELECT processor_name, count(*) AS segments FROM token_entry GROUP BY processor_name")
                .stream().collect(Collectors.toMap(row -> (String) row.get("processor_name"),
                        row -> ((Number) row.get("segments")).longValue()));
    }
}
