package dev.weft.application.deletion;

import dev.weft.application.shared.Page;
import dev.weft.application.shared.PageRequest;

public interface DeletionLogReader {
    Page<DeletionRequestView> requestsOf(String accountId, PageRequest page);
}
