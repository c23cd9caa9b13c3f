package dev.weft.api.federation;

import dev.weft.application.accounts.AccountDirectory;
import dev.weft.application.accounts.AccountView;
import dev.weft.application.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Which accounts the fediverse may see: a public profile sharing with the fediverse. A
 * deleted account is returned as such, so its URLs answer 410 rather than 404; any other
 * account is as unknown to the fediverse as one that never existed.
 */
@Component
public class PublishedActors {
    private final AccountDirectory accounts;

    public PublishedActors(AccountDirectory accounts) {
        this.accounts = accounts;
    }

    /** @throws NotFoundException unless the account is published or deleted */
    public AccountView byHandle(String handle) {
        return accounts.findByHandle(handle).filter(PublishedActors::visibleOrGone)
                .orElseThrow(() -> notFound(handle));
    }

    public static boolean published(AccountView account) {
        return !account.deleted() && account.publicProfile() && account.fediverseSharing();
    }

    private static boolean visibleOrGone(AccountView account) {
        return account.deleted() || published(account);
    }

    public static NotFoundException notFound(String handle) {
        return new NotFoundException("handle", "no account " + handle + " is shared with the fediverse");
    }
}
