package dev.weft.application.crossposting;

import org.springframework.stereotype.Component;

/** What a worker does with the copy it claimed: sends it, or deletes it where it went. */
@Component
public class CrossPostSender {
    private final CrossPostPublisher publisher;
    private final CrossPostRemover remover;

    public CrossPostSender(CrossPostPublisher publisher, CrossPostRemover remover) {
        this.publisher = publisher;
        this.remover = remover;
    }

    public void process(ClaimedCrossPost copy) {
        if (copy.toBeDeleted()) {
            remover.remove(copy);
        } else {
            publisher.publish(copy);
        }
    }
}
