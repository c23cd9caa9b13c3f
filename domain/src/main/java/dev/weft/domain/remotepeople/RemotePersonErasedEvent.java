package dev.weft.domain.remotepeople;

import dev.weft.domain.shared.PersonalData;
import java.time.Instant;

/**
 * A remote person's own server said they are gone. Their IRI is sealed under their own key,
 * so once the key is erased a reader sees erasedAs in its place; erasedAs is in clear, so a
 * read model can turn what it keeps of them into exactly what a rebuild would then produce.
 */
public record RemotePersonErasedEvent(String personId, @PersonalData String actorId, String host, String erasedAs,
                                      Instant erasedAt) {
}
