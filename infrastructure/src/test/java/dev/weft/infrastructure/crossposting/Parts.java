package dev.weft.infrastructure.crossposting;

import dev.weft.application.crossposting.formatting.Facet;
import dev.weft.application.crossposting.formatting.FormattedPart;
import dev.weft.application.crossposting.platforms.PartRequest;
import dev.weft.application.crossposting.platforms.RemotePart;
import java.time.Instant;
import java.util.List;

/** A part to publish, first of one unless told otherwise. */
public final class Parts {
    private String text = "Hello from Weft";
    private List<Facet> facets = List.of();
    private String spoilerText;
    private String language = "en";
    private String visibility = "public";
    private RemotePart root;
    private RemotePart parent;
    private String checkpoint;
    private int index = 1;

    public static Parts part() {
        return new Parts();
    }

    public Parts text(String value) {
        this.text = value;
        return this;
    }

    public Parts facets(List<Facet> value) {
        this.facets = value;
        return this;
    }

    public Parts spoilerText(String value) {
        this.spoilerText = value;
        return this;
    }

    public Parts language(String value) {
        this.language = value;
        return this;
    }

    public Parts visibility(String value) {
        this.visibility = value;
        return this;
    }

    public Parts replyTo(RemotePart threadRoot, RemotePart replyParent) {
        this.root = threadRoot;
        this.parent = replyParent;
        this.index = 2;
        return this;
    }

    public Parts checkpoint(String value) {
        this.checkpoint = value;
        return this;
    }

    public PartRequest build() {
        return new PartRequest("copy-7", index, index, "copy-7-part-" + index, "3lbq2zdy2pc2" + index,
                new FormattedPart(index, text, text.length(), 500, facets), spoilerText, language, visibility,
                root, parent, checkpoint, Instant.parse("2026-12-02T11:50:00Z"));
    }
}
