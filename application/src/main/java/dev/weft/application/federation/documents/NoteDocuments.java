package dev.weft.application.federation.documents;

import static dev.weft.application.federation.documents.ActivityStreams.time;

import dev.weft.application.federation.FederationUrls;
import dev.weft.application.posts.PostView;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/** A post as an ActivityStreams Note: its text as escaped HTML, addressed by its visibility. */
@Component
public class NoteDocuments {
    /** A BCP 47 shape: a JSON-LD processor rejects a contentMap key that is not a language tag. */
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");
    private final FederationUrls urls;

    public NoteDocuments(FederationUrls urls) {
        this.urls = urls;
    }

    public ObjectNode note(PostView post, String handle) {
        ObjectNode note = ActivityStreams.document(ActivityStreams.objectContext(), urls.note(post.id()), "Note");
        fill(note, post, handle);
        return note;
    }

    /** The Note without its @context, for embedding in an activity that carries the context. */
    ObjectNode embedded(PostView post, String handle) {
        ObjectNode note = ActivityStreams.object(urls.note(post.id()), "Note");
        fill(note, post, handle);
        return note;
    }

    private void fill(ObjectNode note, PostView post, String handle) {
        String content = Html.paragraphs(post.text());
        note.put("attributedTo", urls.actor(handle));
        boolean warned = post.contentWarning() != null && !post.contentWarning().isBlank();
        if (warned) {
            note.put("summary", Html.escape(post.contentWarning()));
        }
        note.put("sensitive", warned);
        note.put("content", content);
        if (post.language() != null && LANGUAGE_TAG.matcher(post.language()).matches()) {
            note.putObject("contentMap").put(post.language(), content);
        }
        note.put("published", time(post.publishedAt()));
        if (post.editedAt() != null) {
            note.put("updated", time(post.editedAt()));
        }
        note.put("url", post.url() != null ? post.url() : urls.note(post.id()));
        address(note, isPublic(post), handle);
    }

    /** Public: to everyone, copied to followers (Mastodon's "public"). Otherwise to followers only. */
    void address(ObjectNode node, boolean publicPost, String handle) {
        if (publicPost) {
            node.set("to", ActivityStreams.strings(List.of(ActivityStreams.PUBLIC)));
            node.set("cc", ActivityStreams.strings(List.of(urls.followers(handle))));
        } else {
            node.set("to", ActivityStreams.strings(List.of(urls.followers(handle))));
            node.set("cc", ActivityStreams.strings(List.of()));
        }
    }

    static boolean isPublic(PostView post) {
        return "public".equals(post.visibility());
    }
}
