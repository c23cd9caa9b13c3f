package dev.weft.application.federation.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.application.shared.CommandSender;
import dev.weft.domain.delivery.RecordActivityDeliveryAttemptCommand;
import dev.weft.domain.distribution.CopyDeliveryAttempt;
import dev.weft.domain.distribution.DeliveryOutcome;
import dev.weft.domain.distribution.DeliveryReport;
import dev.weft.domain.distribution.RecordCopyDeliveriesCommand;
import dev.weft.domain.distribution.RecordDeliveryAttemptCommand;
import dev.weft.domain.distribution.RecordRemoteDeletionOutcomeCommand;
import dev.weft.domain.shared.ConflictException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A batch of attempts becomes one report per post; what a report cannot hold is recorded alone. */
class DeliveryReportsTest {
    private static final Instant AT = Instant.parse("2026-12-07T10:00:00Z");
    private final Commands commands = new Commands();
    private final DeliveryReports reports = new DeliveryReports(commands,
            new DeliveryMeters(new SimpleMeterRegistry()));

    @Test
    void aBatchsCreatesBecomeOneReportPerPostInTheOrderTheyCame() {
        reports.recordAll(List.of(create("d1", "post-a", AttemptOutcome.DELIVERED),
                create("d2", "post-b", AttemptOutcome.RETRY_SCHEDULED), create("d3", "post-a", AttemptOutcome.FAILED)));

        assertThat(commands.sent).hasSize(2).allMatch(c -> c instanceof RecordCopyDeliveriesCommand);
        RecordCopyDeliveriesCommand a = (RecordCopyDeliveriesCommand) commands.sent.get(0);
        assertThat(a.postId()).isEqualTo("post-a");
        assertThat(a.attempts()).extracting(CopyDeliveryAttempt::copyId).containsExactly("copy-d1", "copy-d3");
        assertThat(a.attempts()).extracting(CopyDeliveryAttempt::outcome)
                .containsExactly(DeliveryOutcome.DELIVERED, DeliveryOutcome.FAILED);
        assertThat(a.reportId()).isEqualTo(DeliveryReport.idOf("post-a", List.of("d1/1", "d3/1")));
        assertThat(((RecordCopyDeliveriesCommand) commands.sent.get(1)).postId()).isEqualTo("post-b");
    }

    @Test
    void deletesAndOtherActivitiesAreRecordedOnTheirOwnRecords() {
        DeliveryAttempt delete = attempt("d1", DeliveryPurpose.POST_DELETE, "copy-d1", null, AttemptOutcome.DELIVERED);
        DeliveryAttempt follow = attempt("d2", DeliveryPurpose.FOLLOW, null, null, AttemptOutcome.DELIVERED);
        DeliveryAttempt oldCreate = attempt("d3", DeliveryPurpose.POST_CREATE, "copy-d3", null,
                AttemptOutcome.DELIVERED);

        reports.recordAll(List.of(delete, follow, oldCreate));

        assertThat(commands.sent).hasExactlyElementsOfTypes(RecordRemoteDeletionOutcomeCommand.class,
                RecordActivityDeliveryAttemptCommand.class, RecordDeliveryAttemptCommand.class);
    }

    @Test
    void aReportRefusedForOneAttemptStillRecordsTheOthersInReportsAndLeavesThatOneToItsCopy() {
        commands.refuse = c -> c instanceof RecordCopyDeliveriesCommand r
                && r.attempts().stream().anyMatch(a -> a.copyId().equals("copy-d3"));

        reports.recordAll(IntStream.rangeClosed(1, 4).mapToObj(i -> create("d" + i, "post-a",
                AttemptOutcome.DELIVERED)).toList());

        List<List<String>> recorded = commands.accepted.stream().filter(RecordCopyDeliveriesCommand.class::isInstance)
                .map(c -> ((RecordCopyDeliveriesCommand) c).attempts().stream().map(CopyDeliveryAttempt::copyId)
                        .toList()).toList();
        assertThat(recorded).containsExactly(List.of("copy-d1", "copy-d2"), List.of("copy-d4"));
        assertThat(commands.accepted).filteredOn(RecordDeliveryAttemptCommand.class::isInstance)
                .extracting(c -> ((RecordDeliveryAttemptCommand) c).copyId()).containsExactly("copy-d3");
    }

    @Test
    void aReportRefusedWholeEndsAttemptByAttemptOnEachCopy() {
        commands.refuse = c -> c instanceof RecordCopyDeliveriesCommand;

        reports.recordAll(List.of(create("d1", "post-a", AttemptOutcome.DELIVERED),
                create("d2", "post-a", AttemptOutcome.DELIVERED)));

        assertThat(commands.accepted).extracting(c -> ((RecordDeliveryAttemptCommand) c).copyId())
                .containsExactly("copy-d1", "copy-d2");
        assertThat(commands.sent).filteredOn(RecordCopyDeliveriesCommand.class::isInstance).hasSize(3);
    }

    @Test
    void aRefusalOfOneAttemptDoesNotStopTheOthers() {
        commands.refuse = c -> c instanceof RecordRemoteDeletionOutcomeCommand;

        reports.recordAll(List.of(attempt("d1", DeliveryPurpose.POST_DELETE, "copy-d1", null, AttemptOutcome.FAILED),
                create("d2", "post-a", AttemptOutcome.DELIVERED)));

        assertThat(commands.sent).hasExactlyElementsOfTypes(RecordRemoteDeletionOutcomeCommand.class,
                RecordCopyDeliveriesCommand.class);
    }

    @Test
    void aPostWithMoreAttemptsThanAReportHoldsGetsSeveralReports() {
        List<DeliveryAttempt> many = IntStream.range(0, DeliveryReport.MAX_ATTEMPTS + 1)
                .mapToObj(i -> create("d" + i, "post-a", AttemptOutcome.DELIVERED)).toList();

        reports.recordAll(many);

        assertThat(commands.sent).extracting(c -> ((RecordCopyDeliveriesCommand) c).attempts().size())
                .containsExactly(DeliveryReport.MAX_ATTEMPTS, 1);
    }

    private static DeliveryAttempt create(String deliveryId, String postId, AttemptOutcome outcome) {
        return attempt(deliveryId, DeliveryPurpose.POST_CREATE, "copy-" + deliveryId, postId, outcome);
    }

    private static DeliveryAttempt attempt(String deliveryId, DeliveryPurpose purpose, String copyId, String postId,
                                           AttemptOutcome outcome) {
        Integer status = outcome == AttemptOutcome.DELIVERED ? 202 : 503;
        Instant next = outcome == AttemptOutcome.RETRY_SCHEDULED ? AT.plusSeconds(60) : null;
        return new DeliveryAttempt(deliveryId, "account-1", purpose, "https://weft.example/activities/" + deliveryId,
                "https://a.example/inbox", "a.example", copyId, outcome, status, null, next, AT, 1, postId);
    }

    private static final class Commands extends CommandSender {
        final List<Object> sent = new ArrayList<>();
        final List<Object> accepted = new ArrayList<>();
        Predicate<Object> refuse = c -> false;

        Commands() {
            super(null);
        }

        @Override
        public <R> R send(Object command) {
            sent.add(command);
            if (refuse.test(command)) {
                throw new ConflictException("attempts", "refused by the test");
            }
            accepted.add(command);
            return null;
        }
    }
}
