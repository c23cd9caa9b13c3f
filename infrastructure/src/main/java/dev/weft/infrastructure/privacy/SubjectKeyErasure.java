package dev.weft.infrastructure.privacy;

import dev.weft.application.shared.ProcessingGroups;
import dev.weft.domain.accounts.AccountErasedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Erases the account's subject key in the transaction that appends the erasure: no
 * committed state says the account is erased while its data still decrypts.
 */
@Component
@ProcessingGroup(ProcessingGroups.DIRECTORY)
public class SubjectKeyErasure {
    private final SubjectKeys keys;

    public SubjectKeyErasure(SubjectKeys keys) {
        this.keys = keys;
    }

    @EventHandler
    void on(AccountErasedEvent event) {
        keys.erase(event.accountId(), event.erasedAt());
    }
}
