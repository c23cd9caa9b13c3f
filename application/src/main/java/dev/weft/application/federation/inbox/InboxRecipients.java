package dev.weft.application.federation.inbox;

import dev.weft.application.accounts.AccountDirectory;
import dev.weft.application.accounts.AccountView;
import dev.weft.application.federation.FederationUrls;
import dev.weft.application.posts.PostReader;
import dev.weft.application.shared.NotFoundException;
import dev.weft.domain.shared.GoneException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Finds the local account an activity is for, so an activity about an account or post that
 * does not exist here is refused (404) instead of being queued.
 */
@Component
public class InboxRecipients {
    private final AccountDirectory accounts;
    private final PostReader posts;
    private final FederationUrls urls;

    public InboxRecipients(AccountDirectory accounts, PostReader posts, FederationUrls urls) {
        this.accounts = accounts;
        this.posts = posts;
        this.urls = urls;
    }

    public String recipientOf(InboxActivity activity, String recipientHandle) {
        String personal = recipientHandle == null ? null : accountOfHandle(recipientHandle, "recipient");
        String target = targetAccount(activity);
        return target != null ? target : personal;
    }

    /** The account the activity's object belongs to, when the object is local. */
    private String targetAccount(InboxActivity activity) {
        String objectId = activity.objectId();
        if (objectId == null || !urls.isLocal(objectId)) {
            return null;
        }
        Optional<String> handle = urls.handleOfActor(objectId);
        if (handle.isPresent()) {
            return accountOfHandle(handle.get(), "object");
        }
        Optional<String> postId = urls.postIdOfNote(objectId);
        if (postId.isPresent()) {
            return posts.authorOf(postId.get()).orElseThrow(() -> new NotFoundException("object",
                    "no post " + objectId + " exists on this server"));
        }
        return null;
    }

    private String accountOfHandle(String handle, String field) {
        AccountView account = accounts.findByHandle(handle).orElseThrow(() -> new NotFoundException(field,
                "no account @" + handle + " exists on this server"));
        if (account.deleted()) {
            throw new GoneException(field, "the account @" + handle + " was deleted");
        }
        return account.id();
    }
}
