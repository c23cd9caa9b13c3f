package dev.weft.api.publicweb;

import static dev.weft.application.federation.documents.Html.escape;

import dev.weft.api.federation.ActivityResponses;
import dev.weft.api.federation.ActivityResponses.Representation;
import dev.weft.api.federation.HtmlPages;
import dev.weft.api.federation.PublishedActors;
import dev.weft.application.accounts.AccountDirectory;
import dev.weft.application.accounts.AccountView;
import dev.weft.application.federation.FederationUrls;
import dev.weft.application.federation.documents.ActivityDocuments;
import dev.weft.application.federation.documents.ActorDocuments;
import dev.weft.application.federation.documents.Html;
import dev.weft.application.federation.documents.NoteDocuments;
import dev.weft.application.posts.PostReader;
import dev.weft.application.posts.PostView;
import dev.weft.application.posts.SharedPostReader;
import dev.weft.application.shared.NotFoundException;
import dev.weft.domain.shared.GoneException;
import java.time.Instant;
import java.util.Optional;
import dev.weft.api.federation.SignedRequests;
import dev.weft.application.distribution.SignedFetchHolders;
import dev.weft.application.federation.fetch.SignedFetches;
import dev.weft.application.federation.inbox.RemoteFetchFailedException;
import dev.weft.application.federation.inbox.SignatureRejectedException;
import dev.weft.application.federation.inbox.SignedRequest;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The URL handed out for every post, which is also its ActivityPub id. Anyone may read a
 * public post of a public profile there, as JSON or HTML; fediverse software gets the Note
 * when the post was shared with the fediverse by an account still sharing. Everything else
 * is 404, and a deleted post is 410 (a Tombstone for fediverse software) so caches let go.
 */
@RestController
public class PublicPostsController {
    private final PostReader posts;
    private final AccountDirectory accounts;
    private final SharedPostReader sharedPosts;
    private final NoteDocuments notes;
    private final ActivityDocuments activities;
    private final ActorDocuments actors;
    private final FederationUrls urls;
    private final SignedFetches fetches;
    private final SignedFetchHolders holders;

    public PublicPostsController(PostReader posts, AccountDirectory accounts, SharedPostReader sharedPosts,
                                 NoteDocuments notes, ActivityDocuments activities, ActorDocuments actors,
                                 FederationUrls urls, SignedFetches fetches, SignedFetchHolders holders) {
        this.posts = posts;
        this.accounts = accounts;
        this.sharedPosts = sharedPosts;
        this.notes = notes;
        this.activities = activities;
        this.actors = actors;
        this.urls = urls;
        this.fetches = fetches;
        this.holders = holders;
    }

    public record PublicPost(String id, String url, String author, String text, String contentWarning,
                             String language, Instant publishedAt, Instant editedAt) {
    }

    @GetMapping("/posts/{postId}")
    public ResponseEntity<?> post(@PathVariable String postId,
                                  @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                                  HttpServletRequest request) {
        return switch (Representation.of(accept, Representation.JSON, Representation.JSON)) {
            case ACTIVITY -> federated(postId, false, request);
            case HTML -> page(postId);
            case JSON -> ResponseEntity.ok().header(HttpHeaders.VARY, HttpHeaders.ACCEPT).body(json(postId));
        };
    }

    @GetMapping("/posts/{postId}/activity")
    public ResponseEntity<String> activity(@PathVariable String postId, HttpServletRequest request) {
        return federated(postId, true, request);
    }

    private PublicPost json(String postId) {
        String authorId = posts.authorOf(postId).orElseThrow(() -> notFound(postId));
        PostView post = posts.find(postId).orElseThrow(() -> gone(postId));
        AccountView author = accounts.find(authorId).filter(a -> a.publicProfile() && !a.deleted())
                .orElseThrow(() -> notFound(postId));
        if (!"public".equals(post.visibility())) {
            throw notFound(postId);
        }
        return new PublicPost(post.id(), post.url(), author.handle(), post.text(), post.contentWarning(),
                post.language(), post.publishedAt(), post.editedAt());
    }

    /**
     * A followers-only note is served only to a fetch signed from a server with an accepted
     * follower (SignedFetches); to anyone else it does not exist.
     */
    private ResponseEntity<String> federated(String postId, boolean asCreate, HttpServletRequest request) {
        String authorId = posts.authorOf(postId).orElseThrow(() -> notFound(postId));
        AccountView author = accounts.find(authorId).orElseThrow(() -> notFound(postId));
        Optional<PostView> live = posts.find(postId);
        if (live.isEmpty() || author.deleted()) {
            Instant deletedAt = sharedPosts.deletedAt(postId).orElse(author.deletedAt());
            return ActivityResponses.of(HttpStatus.GONE, actors.tombstone(urls.note(postId), "Note", deletedAt));
        }
        PostView post = live.get();
        if (!PublishedActors.published(author) || !post.sharedToFediverse() || !readable(post, request)) {
            throw notFound(postId);
        }
        return ActivityResponses.ok(asCreate ? activities.create(post, author.handle())
                : notes.note(post, author.handle()));
    }

    /** A verified signer holds what it was served: it becomes one of the post's holders. */
    private boolean readable(PostView post, HttpServletRequest request) {
        boolean isPublic = "public".equals(post.visibility());
        Optional<String> signer = signer(SignedRequests.of(request, new byte[0]), isPublic);
        boolean readable = isPublic || signer.filter(s -> fetches.fromFollowersServer(s, post.accountId())).isPresent();
        if (readable) {
            signer.ifPresent(s -> holders.fetched(post, s));
        }
        return readable;
    }

    /** A public post is served whatever its fetch's signature: one that fails only goes unrecorded. */
    private Optional<String> signer(SignedRequest request, boolean isPublic) {
        try {
            return fetches.signer(request);
        } catch (SignatureRejectedException | RemoteFetchFailedException e) {
            if (isPublic) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private ResponseEntity<String> page(String postId) {
        String authorId = posts.authorOf(postId).orElseThrow(() -> notFound(postId));
        Optional<PostView> live = posts.find(postId);
        AccountView author = accounts.find(authorId).orElseThrow(() -> notFound(postId));
        if (live.isEmpty() || author.deleted()) {
            return ActivityResponses.html(HttpStatus.GONE,
                    HtmlPages.page("Gone", "", "<p>This post was deleted.</p>"));
        }
        PostView post = live.get();
        if (!author.publicProfile() || !"public".equals(post.visibility())) {
            throw notFound(postId);
        }
        String name = author.displayName().isBlank() ? author.handle() : author.displayName();
        StringBuilder body = new StringBuilder("<article>\n<p><a href=\"")
                .append(escape(urls.profilePage(author.handle()))).append("\">").append(escape(name))
                .append("</a> @").append(escape(author.handle())).append("</p>\n");
        if (post.contentWarning() != null && !post.contentWarning().isBlank()) {
            body.append("<details><summary>").append(escape(post.contentWarning())).append("</summary>\n")
                    .append(Html.paragraphs(post.text())).append("\n</details>\n");
        } else {
            body.append(Html.paragraphs(post.text())).append('\n');
        }
        body.append("<p><time datetime=\"").append(post.publishedAt()).append("\">").append(post.publishedAt())
                .append("</time></p>\n</article>\n");
        String head = PublishedActors.published(author) && post.sharedToFediverse()
                ? "<link rel=\"alternate\" type=\"application/activity+json\" href=\"" + escape(urls.note(postId))
                + "\">\n" : "";
        return ActivityResponses.html(HttpStatus.OK, HtmlPages.page(name, head, body.toString()));
    }

    private static NotFoundException notFound(String postId) {
        return new NotFoundException("postId", "no public post " + postId);
    }

    private static GoneException gone(String postId) {
        return new GoneException("postId", "post " + postId + " was deleted");
    }
}
