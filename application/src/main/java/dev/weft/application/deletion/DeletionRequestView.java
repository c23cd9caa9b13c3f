package dev.weft.application.deletion;

import java.time.Instant;

public record DeletionRequestView(long position, String id, String postId, String destinationKind, String destination,
                                  String platform, String reason, Instant requestedAt, String outcome,
                                  String outcomeReason, Instant outcomeAt) {
}
