package dev.weft.application.distribution;

import dev.weft.application.distribution.CopyReader.PostSharing;
import dev.weft.application.federation.FederationUrls;
import dev.weft.application.posts.PostView;
import dev.weft.application.shared.Clock;
import dev.weft.application.shared.CommandSender;
import dev.weft.domain.distribution.CopyIds;
import dev.weft.domain.distribution.Destination;
import dev.weft.domain.distribution.HoldingChannel;
import dev.weft.domain.distribution.RecordRemoteHolderCommand;
import dev.weft.domain.shared.DomainRuleException;
import dev.weft.domain.shared.RemoteActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * A server that fetched a shared post with a signature that verified holds it, whether or
 * not Weft ever sent it there: it becomes one of the post's holders, asked to delete like
 * the others. The first such fetch per server is recorded; later ones change nothing.
 */
@Service
public class SignedFetchHolders {
    private static final Logger LOG = LoggerFactory.getLogger(SignedFetchHolders.class);
    private final CopyReader copies;
    private final CommandSender commands;
    private final FederationUrls urls;
    private final Clock clock;

    public SignedFetchHolders(CopyReader copies, CommandSender commands, FederationUrls urls, Clock clock) {
        this.copies = copies;
        this.commands = commands;
        this.urls = urls;
        this.clock = clock;
    }

    /**
     * The post as it was just served (shared, not deleted): the fetch may come before the
     * sharing-status projection has the post, which then only lacks its consent version.
     */
    public void fetched(PostView post, String signerActorId) {
        if (urls.isLocal(signerActorId) || !post.sharedToFediverse()) {
            return;
        }
        String consentVersion = copies.sharingOf(post.id()).map(PostSharing::consentVersion).orElse(null);
        record(post.id(), new PostSharing(post.accountId(), true, false, consentVersion), signerActorId);
    }

    /** The post is served either way: a refusal to record it is logged, never answered. */
    private void record(String postId, PostSharing post, String signerActorId) {
        Destination server = Destination.server(RemoteActor.hostOf(signerActorId));
        if (copies.delivered(CopyIds.of(postId, server))) {
            return;
        }
        try {
            commands.send(new RecordRemoteHolderCommand(CopyIds.of(postId, server), postId, post.accountId(), server,
                    HoldingChannel.SIGNED_FETCH, signerActorId, post.consentVersion(), clock.now()));
        } catch (DomainRuleException e) {
            LOG.info("signed fetch of post {} by {} not recorded: {}", postId, server.key(), e.getMessage());
        }
    }
}
