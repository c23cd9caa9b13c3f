package dev.weft.application.graph;

import dev.weft.application.shared.Page;
import dev.weft.application.shared.PageRequest;
import java.util.List;
import java.util.Optional;

public interface GraphReader {
    Page<FollowerView> followers(String accountId, PageRequest page);

    long followerCount(String accountId);

    List<ServerCount> followerCountsByServer(String accountId);

    Page<FollowingView> following(String accountId, PageRequest page);

    /** Hosts with at least one accepted follower of the account. */
    List<String> followerServers(String accountId);

    /** Actor ids of the account's active followers on the domain or its subdomains. */
    List<String> followersOnDomain(String accountId, String domain);

    /** Actor ids the account follows or asked to follow on the domain or its subdomains. */
    List<String> followingOnDomain(String accountId, String domain);

    /** Local accounts the remote actor follows or asked to follow. */
    List<String> accountsFollowedBy(String actorId);

    /** Local accounts that follow the remote actor or asked to. */
    List<String> accountsFollowing(String actorId);

    /** The account that sent the outgoing follow with this id. */
    Optional<String> accountOfFollowing(String followingId);

    /** An incoming follow as last recorded, with the id of the Follow activity that asked. */
    Optional<IncomingFollowView> incomingFollow(String followId);

    /** Where to deliver to the account's accepted followers on one host: shared inboxes once, else personal ones. */
    List<String> followerInboxes(String accountId, String host);

    /** The same for all hosts. */
    List<FollowerInbox> followerInboxes(String accountId);

    /** The inbox recorded for an outgoing follow. */
    Optional<String> followingInbox(String followingId);

    /** Follow ids of every follower of the account that asked or was accepted. */
    List<String> activeFollowIds(String accountId);

    /** Whether the account has an accepted follower on the host. */
    boolean hasAcceptedFollowerOn(String accountId, String host);
}
