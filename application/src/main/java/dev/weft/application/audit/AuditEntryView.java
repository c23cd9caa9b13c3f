package dev.weft.application.audit;

import java.time.Instant;

/**
 * One fact in the data-sharing history: what (subject) went or was asked of whom
 * (recipient), when, and under which consent. Entries are derived from events only; the id
 * is the id of the event an entry came from, with "#n" after it for the n-th attempt
 * (from 0) of an event that records a batch of them.
 */
public record AuditEntryView(long position, String id, Instant occurredAt, String kind, String subject,
                             String recipient, String consent, String detail) {
}
