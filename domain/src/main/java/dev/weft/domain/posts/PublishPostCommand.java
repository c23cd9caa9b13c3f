package dev.weft.domain.posts;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** crossPostTo and shareToFediverse left null take the account's defaults. */
public record PublishPostCommand(@TargetAggregateIdentifier String postId, String accountId, String text,
                                 String contentWarning, String language, String visibility,
                                 List<String> crossPostTo, Boolean shareToFediverse, Instant at) {
}
