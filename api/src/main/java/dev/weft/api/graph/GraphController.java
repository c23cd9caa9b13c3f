package dev.weft.api.graph;

import dev.weft.api.security.Access;
import dev.weft.application.federation.remote.ActorLookup;
import dev.weft.application.graph.BlockCommands;
import dev.weft.application.graph.FollowingCommands;
import dev.weft.domain.shared.InvalidValueException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What a person does to the graph: follow remote actors, block actors and whole servers. */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}")
public class GraphController {
    private final FollowingCommands following;
    private final BlockCommands blocks;
    private final Access access;
    private final ActorLookup actorLookup;

    public GraphController(FollowingCommands following, BlockCommands blocks, Access access, ActorLookup actorLookup) {
        this.following = following;
        this.actorLookup = actorLookup;
        this.blocks = blocks;
        this.access = access;
    }

    /** inbox is named only to refuse it: a client must not choose where Weft sends a signed Follow. */
    public record FollowRequest(@NotBlank String actorId, String inbox) {
    }

    public record BlockRequest(String actorId, String domain) {
    }

    @PostMapping("/following")
    public ResponseEntity<Map<String, String>> follow(@PathVariable String accountId,
                                                      @Valid @RequestBody FollowRequest request) {
        access.requireOwner(accountId);
        if (request.inbox() != null) {
            throw new InvalidValueException("inbox", "Weft finds the actor's inbox in its actor document; "
                    + "name only the actor (its IRI or handle)");
        }
        String actorId = actorLookup.actorIdOf(request.actorId(), "actorId");
        following.follow(accountId, actorId, null);
        return ResponseEntity.accepted().body(Map.of("actorId", actorId, "state", "requested"));
    }

    @DeleteMapping("/following")
    public ResponseEntity<Void> unfollow(@PathVariable String accountId, @RequestParam String actorId) {
        access.requireOwner(accountId);
        following.unfollow(accountId, actorId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/blocks")
    public ResponseEntity<Void> block(@PathVariable String accountId, @RequestBody BlockRequest request) {
        access.requireOwner(accountId);
        if ((request.actorId() == null) == (request.domain() == null)) {
            throw new InvalidValueException("actorId", "give exactly one of actorId and domain");
        }
        if (request.actorId() != null) {
            blocks.blockActor(accountId, request.actorId());
        } else {
            blocks.blockDomain(accountId, request.domain());
        }
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/blocks")
    public ResponseEntity<Void> unblock(@PathVariable String accountId,
                                        @RequestParam(required = false) String actorId,
                                        @RequestParam(required = false) String domain) {
        access.requireOwner(accountId);
        if ((actorId == null) == (domain == null)) {
            throw new InvalidValueException("actorId", "give exactly one of actorId and domain");
        }
        if (actorId != null) {
            blocks.unblockActor(accountId, actorId);
        } else {
            blocks.unblockDomain(accountId, domain);
        }
        return ResponseEntity.noContent().build();
    }
}
