package dev.weft.application.deletion;

import dev.weft.application.accounts.AccountDirectory;
import dev.weft.application.distribution.CopyReader;
import dev.weft.application.distribution.CopyView;
import dev.weft.application.shared.PolicyCommands;
import dev.weft.application.shared.ProcessingGroups;
import dev.weft.domain.distribution.CopyAddress;
import dev.weft.domain.distribution.DeletionReason;
import dev.weft.domain.distribution.PostCopiesScheduledEvent;
import dev.weft.domain.distribution.PostCopyScheduledEvent;
import dev.weft.domain.distribution.RemoteHolderObservedEvent;
import dev.weft.domain.distribution.RequestRemoteDeletionCommand;
import dev.weft.domain.posts.PostDeletedEvent;
import dev.weft.domain.posts.PostDeletionReason;
import dev.weft.domain.sharing.FediverseSharingTurnedOffEvent;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Asks every destination that got a post to delete it, whenever the post, the sharing or
 * the account goes. It runs after the sharing-status projection in the same group, so the
 * copies it reads include every copy scheduled before this event.
 */
@Component
@ProcessingGroup(ProcessingGroups.SHARING_STATUS)
@Order(100)
public class RemoteDeletionPolicy {
    private static final String NAME = "remote-deletion-policy";
    private final PolicyCommands commands;
    private final CopyReader copies;
    private final AccountDirectory accounts;

    public RemoteDeletionPolicy(PolicyCommands commands, CopyReader copies, AccountDirectory accounts) {
        this.commands = commands;
        this.copies = copies;
        this.accounts = accounts;
    }

    @EventHandler
    void on(PostDeletedEvent event) {
        DeletionReason reason = event.reason() == PostDeletionReason.ACCOUNT_DELETED
                ? DeletionReason.ACCOUNT_DELETED : DeletionReason.POST_DELETED;
        copies.copiesOfPost(event.postId()).forEach(copy -> request(copy, reason, event.deletedAt()));
    }

    @EventHandler
    void on(FediverseSharingTurnedOffEvent event) {
        copies.fediverseCopiesOfAccount(event.accountId())
                .forEach(copy -> request(copy, DeletionReason.SHARING_TURNED_OFF, event.turnedOffAt()));
    }

    /** A copy scheduled after its post was deleted is recalled at once. */
    @EventHandler
    void on(PostCopyScheduledEvent event) {
        if (copies.postDeleted(event.postId())) {
            commands.send(NAME, new RequestRemoteDeletionCommand(event.copyId(), DeletionReason.POST_DELETED,
                    event.scheduledAt()));
        }
    }

    /** So is each copy of a batch, which has no stream yet: the request names it. */
    @EventHandler
    void on(PostCopiesScheduledEvent event) {
        if (copies.postDeleted(event.postId())) {
            event.copies().forEach(copy -> commands.send(NAME, new RequestRemoteDeletionCommand(copy.copyId(),
                    DeletionReason.POST_DELETED, event.scheduledAt(),
                    new CopyAddress(event.postId(), event.accountId(), copy.destination()))));
        }
    }

    /**
     * A holder observed after its post was deleted (the engagement came first, the deletion
     * overtook the record of it) is recalled at once, as a late-scheduled copy is.
     */
    @EventHandler
    void on(RemoteHolderObservedEvent event) {
        if (copies.postDeleted(event.postId())) {
            commands.send(NAME, new RequestRemoteDeletionCommand(event.copyId(), DeletionReason.POST_DELETED,
                    event.observedAt()));
        } else if (sharingOff(event.accountId())) {
            commands.send(NAME, new RequestRemoteDeletionCommand(event.copyId(), DeletionReason.SHARING_TURNED_OFF,
                    event.observedAt()));
        }
    }

    /**
     * Engagement that arrives once sharing is off shows a server still holding the post, so
     * it is asked now, not only when the post or the account goes. The directory is written
     * in each command's transaction, so it is at least as new as this event.
     */
    private boolean sharingOff(String accountId) {
        return accounts.find(accountId).map(account -> !account.fediverseSharing()).orElse(false);
    }

    private void request(CopyView copy, DeletionReason reason, Instant at) {
        if (!copy.deletionRequested()) {
            commands.send(NAME, new RequestRemoteDeletionCommand(copy.copyId(), reason, at, copy.address()));
        }
    }
}
