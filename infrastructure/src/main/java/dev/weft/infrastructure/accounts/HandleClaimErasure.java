package dev.weft.infrastructure.accounts;

import dev.weft.application.shared.ProcessingGroups;
import dev.weft.domain.accounts.AccountErasedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Turns an erased account's handle claims into keyed digests, in the transaction that
 * appends the erasure, beside the erasure of its key: the handle stays refused to others
 * and is stored nowhere in clear.
 */
@Component
@ProcessingGroup(ProcessingGroups.DIRECTORY)
public class HandleClaimErasure {
    private final JdbcHandleRegistry handles;

    public HandleClaimErasure(JdbcHandleRegistry handles) {
        this.handles = handles;
    }

    @EventHandler
    void on(AccountErasedEvent event) {
        handles.eraseClaimsOf(event.accountId());
    }
}
