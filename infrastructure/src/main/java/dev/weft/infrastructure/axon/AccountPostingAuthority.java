package dev.weft.infrastructure.axon;

import dev.weft.domain.accounts.Account;
import dev.weft.domain.accounts.AuthorizePostCommand;
import dev.weft.domain.accounts.PostPermit;
import dev.weft.domain.posts.PostingAuthority;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.config.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Loads the author's account in the publishing unit of work and lets it answer the
 * AuthorizePostCommand itself: one transaction, and the account stays locked until the
 * post's event is appended.
 */
@Component
public class AccountPostingAuthority implements PostingAuthority {
    private final Configuration axon;

    public AccountPostingAuthority(@Lazy Configuration axon) {
        this.axon = axon;
    }

    @Override
    public PostPermit authorize(AuthorizePostCommand request) {
        try {
            return (PostPermit) axon.repository(Account.class).load(request.accountId())
                    .handle(GenericCommandMessage.asCommandMessage(request));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the account could not authorize the post", e);
        }
    }
}
