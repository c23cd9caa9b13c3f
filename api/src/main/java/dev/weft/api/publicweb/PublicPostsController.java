package dev.weft.api.publicweb;

import dev.weft.application.accounts.AccountDirectory;
import dev.weft.application.accounts.AccountView;
import dev.weft.application.posts.PostReader;
import dev.weft.application.posts.PostView;
import dev.weft.application.shared.NotFoundException;
import dev.weft.domain.shared.GoneException;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The URL handed out for every post. Anyone may read a public post of a public profile
 * there; everything else is 404, and a deleted post is 410 so caches let go of it.
 */
@RestController
public class PublicPostsController {
    private final PostReader posts;
    private final AccountDirectory accounts;

    public PublicPostsController(PostReader posts, AccountDirectory accounts) {
        this.posts = posts;
        this.accounts = accounts;
    }

    public record PublicPost(String id, String url, String author, String text, String contentWarning,
                             String language, Instant publishedAt, Instant editedAt) {
    }

    @GetMapping("/posts/{postId}")
    public PublicPost post(@PathVariable String postId) {
        String authorId = posts.authorOf(postId).orElseThrow(() -> notFound(postId));
        PostView post = posts.find(postId).orElseThrow(() -> new GoneException("postId", "post " + postId
                + " was deleted"));
        AccountView author = accounts.find(authorId).filter(a -> a.publicProfile() && !a.deleted())
                .orElseThrow(() -> notFound(postId));
        if (!"public".equals(post.visibility())) {
            throw notFound(postId);
        }
        return new PublicPost(post.id(), post.url(), author.handle(), post.text(), post.contentWarning(),
                post.language(), post.publishedAt(), post.editedAt());
    }

    private static NotFoundException notFound(String postId) {
        return new NotFoundException("postId", "no public post " + postId);
    }
}
