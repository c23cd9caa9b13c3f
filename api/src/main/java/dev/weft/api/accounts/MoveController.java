package dev.weft.api.accounts;

import dev.weft.api.security.Access;
import dev.weft.application.accounts.AccountMoves;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The account leaves for an actor elsewhere: its followers are told, its old actor stays and points there. */
@RestController
public class MoveController {
    private final AccountMoves moves;
    private final Access access;

    public MoveController(AccountMoves moves, Access access) {
        this.moves = moves;
        this.access = access;
    }

    public record MoveRequest(String target) {
    }

    public record AliasesRequest(List<String> alsoKnownAs) {
    }

    /** Before moving an account here from elsewhere: the old server checks that this one names it. */
    @PutMapping("/api/v1/accounts/{accountId}/also-known-as")
    public Map<String, List<String>> alsoKnownAs(@PathVariable String accountId,
                                                 @RequestBody AliasesRequest request) {
        access.requireOwner(accountId);
        return Map.of("alsoKnownAs", moves.setAlsoKnownAs(accountId, request.alsoKnownAs()));
    }

    @PostMapping("/api/v1/accounts/{accountId}/move")
    public Map<String, String> move(@PathVariable String accountId, @RequestBody MoveRequest request) {
        access.requireOwner(accountId);
        return Map.of("movedTo", moves.move(accountId, request.target()));
    }
}
