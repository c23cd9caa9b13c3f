package dev.weft.infrastructure.crossposting.bluesky;

import dev.weft.application.crossposting.formatting.Facet;
import dev.weft.application.crossposting.platforms.PartRequest;
import dev.weft.application.crossposting.platforms.RemotePart;
import dev.weft.infrastructure.crossposting.Json;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The com.atproto.repo.createRecord input for one part: an app.bsky.feed.post record with its
 * richtext facets (app.bsky.richtext.facet: UTF-8 byte slices, link and tag features) and,
 * for a reply, strong references to the thread's root and the parent. createdAt has
 * millisecond precision and a Z, the form the atproto datetime spec recommends.
 */
final class PostRecord {
    static final String POSTS = "app.bsky.feed.post";
    private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private PostRecord() {
    }

    static ObjectNode createRequest(String did, PartRequest part) {
        ObjectNode request = Json.object().put("repo", did).put("collection", POSTS).put("rkey", part.recordKey());
        request.set("record", record(part));
        return request;
    }

    private static ObjectNode record(PartRequest part) {
        ObjectNode record = Json.object().put("$type", POSTS).put("text", part.formatted().text())
                .put("createdAt", CREATED_AT.format(part.createdAt()));
        if (part.language() != null && !part.language().isBlank()) {
            record.putArray("langs").add(part.language());
        }
        if (!part.formatted().facets().isEmpty()) {
            record.set("facets", facets(record.arrayNode(), part.formatted().facets()));
        }
        if (part.isReply()) {
            record.set("reply", reply(part.root() != null ? part.root() : part.parent(), part.parent()));
        }
        return record;
    }

    private static ArrayNode facets(ArrayNode array, List<Facet> facets) {
        facets.forEach(facet -> array.add(facet(facet)));
        return array;
    }

    private static ObjectNode facet(Facet facet) {
        ObjectNode node = Json.object();
        node.putObject("index").put("byteStart", facet.byteStart()).put("byteEnd", facet.byteEnd());
        ObjectNode feature = node.putArray("features").addObject();
        if (facet.kind() == Facet.Kind.LINK) {
            feature.put("$type", "app.bsky.richtext.facet#link").put("uri", facet.value());
        } else {
            feature.put("$type", "app.bsky.richtext.facet#tag").put("tag", facet.value());
        }
        return node;
    }

    private static ObjectNode reply(RemotePart root, RemotePart parent) {
        ObjectNode reply = Json.object();
        reply.set("root", strongRef(root));
        reply.set("parent", strongRef(parent));
        return reply;
    }

    private static ObjectNode strongRef(RemotePart part) {
        return Json.object().put("uri", part.remoteId()).put("cid", part.cid());
    }
}
