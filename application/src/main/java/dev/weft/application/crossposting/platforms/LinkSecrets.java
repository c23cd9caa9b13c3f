package dev.weft.application.crossposting.platforms;

import java.util.Optional;

/** The encrypted store of link secrets, as connectors use it. */
public interface LinkSecrets {
    /** The secret in clear, only in memory; empty once the link's secret is erased. */
    Optional<LinkSecret> reveal(String linkId);

    /** Stores a refreshed secret; see {@link LinkSecret#refreshedWith} for what it keeps. */
    void replace(String linkId, LinkSecret secret);
}
