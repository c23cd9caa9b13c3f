package dev.weft.domain.distribution;

import dev.weft.domain.shared.PersonalData;
import dev.weft.domain.shared.AccountEvent;
import java.time.Instant;

/**
 * The platform confirmed one part of a copy: the disclosure, with the id the platform gave
 * it. A copy is published once all its parts are. attempt counts the requests made for the
 * copy so far, this one included.
 */
public record CrossPostPartPublishedEvent(String copyId, String postId, String accountId, Destination destination,
                                          int part, int parts, String remoteId, @PersonalData(subject = "accountId") String remoteUrl, int attempt,
                                          Instant publishedAt) implements AccountEvent {
}
