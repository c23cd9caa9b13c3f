package dev.weft.application.deletion;

import dev.weft.application.distribution.CopyReader;
import dev.weft.application.distribution.CopyView;
import dev.weft.application.shared.Clock;
import dev.weft.application.shared.CommandSender;
import dev.weft.application.shared.NotFoundException;
import dev.weft.domain.distribution.DeletionReason;
import dev.weft.domain.distribution.Destination;
import dev.weft.domain.distribution.RequestRemoteDeletionCommand;
import java.util.List;
import org.springframework.stereotype.Service;

/** A person asking for their post to be removed from one server, or from all that got it. */
@Service
public class DeletionRequests {
    private final CommandSender commands;
    private final CopyReader copies;
    private final Clock clock;

    public DeletionRequests(CommandSender commands, CopyReader copies, Clock clock) {
        this.commands = commands;
        this.copies = copies;
        this.clock = clock;
    }

    /** @return the copies a deletion was requested for by this call */
    public List<CopyView> request(String postId, String requestedHost) {
        String host = requestedHost == null ? null : requestedHost.strip().toLowerCase(java.util.Locale.ROOT);
        List<CopyView> targets = copies.copiesOfPost(postId).stream()
                .filter(c -> host == null || c.destination().equals(Destination.server(host)))
                .filter(c -> !c.deletionRequested())
                .toList();
        if (host != null && targets.isEmpty() && copies.copiesOfPost(postId).stream()
                .noneMatch(c -> c.destination().equals(Destination.server(host)))) {
            throw new NotFoundException("host", "post " + postId + " was never sent to " + host);
        }
        targets.forEach(c -> commands.send(new RequestRemoteDeletionCommand(c.copyId(),
                DeletionReason.REQUESTED_BY_USER, clock.now(), c.address())));
        return targets;
    }
}
