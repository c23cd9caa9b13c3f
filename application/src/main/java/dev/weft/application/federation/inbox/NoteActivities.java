package dev.weft.application.federation.inbox;

import dev.weft.application.engagement.EngagementReader;
import dev.weft.application.engagement.EngagementRecorder;
import dev.weft.application.federation.FederationUrls;
import dev.weft.application.federation.activitystreams.HtmlText;
import dev.weft.application.federation.activitystreams.JsonLd;
import dev.weft.application.graph.GraphReader;
import dev.weft.application.timelines.RemotePosts;
import dev.weft.domain.shared.UnknownEntityException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Notes of remote actors: replies to local posts, and posts of actors local accounts follow,
 * which go to those accounts' home timelines. A note is taken only from its own author.
 */
@Component
public class NoteActivities {
    private final EngagementRecorder engagement;
    private final EngagementReader engagementReader;
    private final RemotePosts remotePosts;
    private final GraphReader graph;
    private final FederationUrls urls;

    public NoteActivities(EngagementRecorder engagement, EngagementReader engagementReader, RemotePosts remotePosts,
                          GraphReader graph, FederationUrls urls) {
        this.engagement = engagement;
        this.engagementReader = engagementReader;
        this.remotePosts = remotePosts;
        this.graph = graph;
        this.urls = urls;
    }

    public String created(InboxActivity create) {
        Optional<JsonNode> note = authoredNote(create);
        if (note.isEmpty()) {
            return "ignored: the created object is not a note by " + create.actorId();
        }
        Optional<String> repliedPost = JsonLd.id(note.get(), "inReplyTo").flatMap(urls::postIdOfNote);
        if (repliedPost.isPresent()) {
            engagement.reply(repliedPost.get(), create.actorId(), create.objectId(), text(note.get()));
            return "reply recorded";
        }
        if (graph.accountsFollowing(create.actorId()).isEmpty()) {
            return "ignored: no local account follows " + create.actorId();
        }
        remotePosts.receive(create.objectId(), create.actorId(), text(note.get()),
                JsonLd.text(note.get(), "summary").orElse(null), url(note.get()), published(note.get()));
        return "remote post received";
    }

    public String updated(InboxActivity update) {
        Optional<JsonNode> note = authoredNote(update);
        if (note.isEmpty()) {
            return "ignored: the updated object is not a note by " + update.actorId();
        }
        try {
            remotePosts.update(update.objectId(), update.actorId(), text(note.get()),
                    JsonLd.text(note.get(), "summary").orElse(null));
            return "remote post updated";
        } catch (AggregateNotFoundException | UnknownEntityException e) {
            return "ignored: " + update.objectId() + " is not a post kept here";
        }
    }

    public String deleted(InboxActivity delete) {
        Optional<String> repliedPost = engagementReader.postOfReply(delete.objectId());
        if (repliedPost.isPresent()) {
            engagement.removeReply(repliedPost.get(), delete.actorId(), delete.objectId());
            return "reply removed";
        }
        try {
            remotePosts.delete(delete.objectId(), delete.actorId());
            return "remote post deleted";
        } catch (AggregateNotFoundException | UnknownEntityException e) {
            return "ignored: " + delete.objectId() + " is not kept here";
        }
    }

    private static Optional<JsonNode> authoredNote(InboxActivity activity) {
        JsonNode object = activity.object();
        if (object == null || !(JsonLd.hasType(object, "Note") || JsonLd.hasType(object, "Article")
                || JsonLd.hasType(object, "Question"))) {
            return Optional.empty();
        }
        String author = JsonLd.id(object, "attributedTo").orElse(null);
        return activity.actorId().equals(author) ? Optional.of(object) : Optional.empty();
    }

    private static String text(JsonNode note) {
        return HtmlText.toPlain(JsonLd.text(note, "content").orElse(""));
    }

    private static String url(JsonNode note) {
        return JsonLd.id(note, "url").orElse(JsonLd.id(note, "id").orElse(null));
    }

    private static Instant published(JsonNode note) {
        try {
            return JsonLd.text(note, "published").map(Instant::parse).orElse(null);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
