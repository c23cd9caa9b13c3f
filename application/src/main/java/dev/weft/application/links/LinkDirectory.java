package dev.weft.application.links;

import java.util.List;

public interface LinkDirectory {
    List<LinkView> linksOf(String accountId);
}
