package dev.weft.domain.posts;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.time.Instant;

public record PublishPostCommand(@TargetAggregateIdentifier String postId, String text, String contentWarning, String language, String visibility, PostPermit permit, Instant at) {
}
