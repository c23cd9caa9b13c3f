package dev.weft.application.accounts;

import dev.weft.application.shared.ProcessingGroups;
import dev.weft.application.shared.PolicyCommands;
import dev.weft.application.timelines.TimelineReader;
import dev.weft.domain.accounts.AccountDeletedEvent;
import dev.weft.domain.posts.DeletePostCommand;
import dev.weft.domain.posts.PostDeletionReason;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Deleting an account deletes each of its posts, which in turn recalls every copy of them. */
@Component
@ProcessingGroup(ProcessingGroups.TIMELINES)
@Order(100)
public class AccountDeletionPolicy {
    private final PolicyCommands commands;
    private final TimelineReader timelines;

    public AccountDeletionPolicy(PolicyCommands commands, TimelineReader timelines) {
        this.commands = commands;
        this.timelines = timelines;
    }

    @EventHandler
    void on(AccountDeletedEvent event) {
        for (String postId : timelines.livePostIds(event.accountId())) {
            commands.send("account-deletion-policy", new DeletePostCommand(postId, event.accountId(),
                    PostDeletionReason.ACCOUNT_DELETED, event.deletedAt()));
        }
    }
}
