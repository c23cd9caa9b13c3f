package dev.weft.api.posts;

import dev.weft.api.limits.RateLimits;
import dev.weft.api.security.Access;
import dev.weft.application.crossposting.CrossPostCommands;
import dev.weft.application.crossposting.CrossPostPreview;
import dev.weft.application.crossposting.CrossPostReader;
import dev.weft.application.crossposting.TargetPreview;
import dev.weft.application.deletion.DeletionRequests;
import dev.weft.application.distribution.CopyView;
import dev.weft.application.posts.CrossPostView;
import dev.weft.application.posts.NewPost;
import dev.weft.application.posts.PostChanges;
import dev.weft.application.posts.PostCommands;
import dev.weft.application.posts.PostReader;
import dev.weft.application.posts.PostStatusReader;
import dev.weft.application.posts.PostStatusView;
import dev.weft.application.posts.PostView;
import dev.weft.application.posts.PublishedPost;
import dev.weft.application.shared.NotFoundException;
import dev.weft.application.shared.Page;
import dev.weft.application.shared.PageRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Posts. Reads come from projections, which trail the commands by milliseconds: a post
 * just published may answer 404 for that long.
 */
@RestController
public class PostsController {
    private final PostCommands commands;
    private final PostReader posts;
    private final PostStatusReader statuses;
    private final DeletionRequests deletions;
    private final CrossPostPreview previews;
    private final CrossPostCommands crossPostCommands;
    private final CrossPostReader crossPosts;
    private final Access access;
    private final RateLimits limits;

    public PostsController(PostCommands commands, PostReader posts, PostStatusReader statuses,
                           DeletionRequests deletions, CrossPostPreview previews, CrossPostCommands crossPostCommands,
                           CrossPostReader crossPosts, Access access, RateLimits limits) {
        this.limits = limits;
        this.commands = commands;
        this.posts = posts;
        this.statuses = statuses;
        this.deletions = deletions;
        this.previews = previews;
        this.crossPostCommands = crossPostCommands;
        this.crossPosts = crossPosts;
        this.access = access;
    }

    public record PublishRequest(@NotNull String text, String contentWarning, String language, String visibility,
                                 List<String> crossPostTo, Boolean shareToFediverse) {
    }

    public record EditRequest(String text, String contentWarning, String language) {
    }

    public record DeletionRequest(String host) {
    }

    @PostMapping("/api/v1/accounts/{accountId}/posts")
    public ResponseEntity<PublishedPost> publish(@PathVariable String accountId,
                                                 @Valid @RequestBody PublishRequest request) {
        access.requireOwner(accountId);
        limits.acquire(RateLimits.Kind.PUBLISHING, accountId);
        PublishedPost post = commands.publish(accountId, new NewPost(request.text(), request.contentWarning(),
                request.language(), request.visibility(), request.crossPostTo(), request.shareToFediverse()));
        return ResponseEntity.created(URI.create("/api/v1/posts/" + post.id())).body(post);
    }

    /** Exactly what each selected link would receive; nothing is published or stored. */
    @PostMapping("/api/v1/accounts/{accountId}/posts/preview")
    public Map<String, List<TargetPreview>> preview(@PathVariable String accountId,
                                                    @Valid @RequestBody PublishRequest request) {
        access.requireOwner(accountId);
        return Map.of("targets", previews.preview(accountId, new NewPost(request.text(), request.contentWarning(),
                request.language(), request.visibility(), request.crossPostTo(), request.shareToFediverse())));
    }

    @GetMapping("/api/v1/posts/{postId}")
    public PostView get(@PathVariable String postId) {
        access.requireReader(authorOf(postId));
        return posts.find(postId).orElseThrow(() -> new NotFoundException("postId", "no post " + postId));
    }

    @PatchMapping("/api/v1/posts/{postId}")
    public ResponseEntity<Void> edit(@PathVariable String postId, @RequestBody EditRequest request) {
        commands.edit(access.ownAccountId(), postId, new PostChanges(request.text(), request.contentWarning(),
                request.language()));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/v1/posts/{postId}")
    public ResponseEntity<Void> delete(@PathVariable String postId) {
        commands.delete(access.ownAccountId(), postId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/posts/{postId}/status")
    public PostStatusView status(@PathVariable String postId) {
        access.requireReader(authorOf(postId));
        return statuses.statusOf(postId).orElseThrow(() -> new NotFoundException("postId", "no post " + postId));
    }

    /** Asks one server (host given) or every destination to delete the post's copy; the post itself stays. */
    @PostMapping("/api/v1/posts/{postId}/deletion-requests")
    public ResponseEntity<Map<String, Object>> requestDeletion(@PathVariable String postId,
                                                               @RequestBody(required = false) DeletionRequest request) {
        access.requireOwner(authorOf(postId));
        List<CopyView> requested = deletions.request(postId, request == null ? null : request.host());
        return ResponseEntity.accepted().body(Map.of("requested",
                requested.stream().map(c -> c.destination().label()).toList()));
    }

    /** Only a failed copy can be retried: a pending one goes by itself, a published one is there. */
    @PostMapping("/api/v1/posts/{postId}/cross-posts/{linkId}/retry")
    public ResponseEntity<CrossPostView> retry(@PathVariable String postId, @PathVariable String linkId) {
        access.requireOwner(authorOf(postId));
        crossPostCommands.retry(access.ownAccountId(), postId, linkId);
        return ResponseEntity.accepted().body(crossPosts.copyOf(postId, linkId).orElseThrow());
    }

    @GetMapping("/api/v1/accounts/{accountId}/cross-posts")
    public Page<CrossPostView> crossPostsOf(@PathVariable String accountId,
                                            @RequestParam(required = false) String state,
                                            @RequestParam(required = false) String cursor,
                                            @RequestParam(required = false) Integer limit) {
        access.requireReader(accountId);
        return crossPosts.copiesOfAccount(accountId, state, PageRequest.of(cursor, limit));
    }

    private String authorOf(String postId) {
        return posts.authorOf(postId).orElseThrow(() -> new NotFoundException("postId", "no post " + postId));
    }
}
