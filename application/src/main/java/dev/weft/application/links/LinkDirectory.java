package dev.weft.application.links;

import java.util.List;
import java.util.Optional;

public interface LinkDirectory {
    List<LinkView> linksOf(String accountId);

    /** The link as it stands now; empty once it was unlinked or its account deleted. */
    Optional<LinkView> findLink(String linkId);
}
