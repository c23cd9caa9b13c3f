package dev.weft.domain.distribution;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordCopyDeliveriesCommand(@TargetAggregateIdentifier String reportId, String postId, String accountId,
                                          List<CopyDeliveryAttempt> attempts) {
}
