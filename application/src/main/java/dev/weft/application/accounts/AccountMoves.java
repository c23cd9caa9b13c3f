package dev.weft.application.accounts;

import dev.weft.application.federation.FederationUrls;
import dev.weft.application.federation.remote.RemoteActorProfile;
import dev.weft.application.federation.remote.RemoteActors;
import dev.weft.application.federation.remote.ActorLookup;
import dev.weft.application.shared.Clock;
import dev.weft.application.shared.CommandSender;
import dev.weft.application.shared.NotFoundException;
import dev.weft.domain.accounts.MoveAccountCommand;
import dev.weft.domain.accounts.SetAlsoKnownAsCommand;
import dev.weft.domain.shared.GoneException;
import dev.weft.domain.shared.InvalidValueException;
import dev.weft.domain.shared.NotEligibleException;
import java.net.URI;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * An account moving to an actor elsewhere. As Mastodon asks, the new actor must already
 * name the old one in alsoKnownAs: without that, anyone could announce a move to an actor
 * that never agreed, and followers' servers would refuse the Move anyway.
 */
@Service
public class AccountMoves {
    private final AccountDirectory accounts;
    private final RemoteActors remoteActors;
    private final ActorLookup actorLookup;
    private final FederationUrls urls;
    private final CommandSender commands;
    private final Clock clock;

    public AccountMoves(AccountDirectory accounts, RemoteActors remoteActors, ActorLookup actorLookup,
                        FederationUrls urls, CommandSender commands, Clock clock) {
        this.accounts = accounts;
        this.remoteActors = remoteActors;
        this.actorLookup = actorLookup;
        this.urls = urls;
        this.commands = commands;
        this.clock = clock;
    }

    /** @return the target's id as its own document gives it */
    public String move(String accountId, String target) {
        AccountView account = activeAccount(accountId);
        String ours = urls.actor(account.handle());
        RemoteActorProfile actor = remoteActors.refresh(targetActor(target)).orElseThrow(() ->
                new NotEligibleException("target", "the target actor " + target + " could not be fetched"));
        if (!actor.alsoKnownAs().contains(ours)) {
            throw new NotEligibleException("target", actor.id() + " does not name " + ours
                    + " in alsoKnownAs; add this account as an alias of the new one first");
        }
        commands.send(new MoveAccountCommand(accountId, actor.id(), clock.now()));
        return actor.id();
    }

    /**
     * Names the person's other accounts, for a move into Weft: the old server sends its Move
     * only once this actor lists the old one in alsoKnownAs.
     */
    public List<String> setAlsoKnownAs(String accountId, List<String> aliases) {
        commands.send(new SetAlsoKnownAsCommand(accountId, aliases, clock.now()));
        return aliases.stream().map(String::trim).distinct().toList();
    }

    private AccountView activeAccount(String accountId) {
        AccountView account = accounts.find(accountId)
                .orElseThrow(() -> new NotFoundException("accountId", "no account " + accountId));
        if (account.deleted()) {
            throw new GoneException("accountId", "account " + accountId + " was deleted");
        }
        return account;
    }

    /** An actor IRI as given, or the one WebFinger finds for a handle such as alice@example.social. */
    private String targetActor(String target) {
        if (target == null || target.isBlank()) {
            throw new InvalidValueException("target", "target is required: the new actor's IRI or handle");
        }
        String actor = actorLookup.actorIdOf(target, "target");
        return checkedIri(actor);
    }

    private String checkedIri(String actor) {
        URI uri;
        try {
            uri = URI.create(actor);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("target", "target is not a URI: '" + actor + "'");
        }
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new InvalidValueException("target", "target must be an http(s) actor IRI, got '" + actor + "'");
        }
        if (urls.isLocal(actor)) {
            throw new InvalidValueException("target", "target must be an actor on another server");
        }
        return actor;
    }
}
