package dev.weft.application.crossposting;

import dev.weft.application.crossposting.CrossPostWork.PublishedPart;
import dev.weft.application.crossposting.platforms.PartRequest;
import dev.weft.application.crossposting.platforms.RemotePart;
import java.util.List;

/** One part of a formatted copy as a connector receives it, with the parts it replies to. */
final class PartRequests {
    private PartRequests() {
    }

    /** The checkpoint belongs to the part the copy was at when it was claimed; later parts start afresh. */
    static PartRequest of(ClaimedCrossPost copy, int part, List<PublishedPart> published) {
        return new PartRequest(copy.copyId(), part, copy.parts().size(), PartKeys.idempotencyKey(copy.copyId(), part),
                PartKeys.recordKey(copy.copyId(), copy.publishedAt(), part), copy.parts().get(part - 1),
                copy.spoilerText(), copy.draft().language(), copy.visibility(),
                part == 1 ? null : remoteOf(published, 1), part == 1 ? null : remoteOf(published, part - 1),
                part == copy.nextPart() ? copy.checkpoint() : null, copy.publishedAt());
    }

    private static RemotePart remoteOf(List<PublishedPart> published, int part) {
        return published.stream().filter(p -> p.part() == part).map(PublishedPart::remote).findFirst()
                .orElseThrow(() -> new IllegalStateException("part " + part + " of the thread is not published"));
    }
}
