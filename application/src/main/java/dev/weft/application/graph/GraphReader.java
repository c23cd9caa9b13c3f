package dev.weft.application.graph;

import dev.weft.application.shared.Page;
import dev.weft.application.shared.PageRequest;
import java.util.List;

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
}
