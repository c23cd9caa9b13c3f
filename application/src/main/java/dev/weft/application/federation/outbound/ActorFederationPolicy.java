package dev.weft.application.federation.outbound;

import dev.weft.application.shared.ProcessingGroups;
import dev.weft.application.accounts.AccountDirectory;
import dev.weft.application.accounts.AccountView;
import dev.weft.application.federation.delivery.DeliveryPurpose;
import dev.weft.application.federation.documents.ActivityDocuments;
import dev.weft.application.federation.keys.ActorKeys;
import dev.weft.application.graph.GraphReader;
import dev.weft.application.links.LinkDirectory;
import dev.weft.application.shared.Clock;
import dev.weft.application.shared.PolicyCommands;
import dev.weft.domain.accounts.AccountAliasesSetEvent;
import dev.weft.domain.accounts.AccountProfileUpdatedEvent;
import dev.weft.domain.graph.RejectRemoteFollowCommand;
import dev.weft.domain.links.ExternalAccountLinkedEvent;
import dev.weft.domain.links.ExternalAccountUnlinkedEvent;
import dev.weft.domain.sharing.FediverseSharingTurnedOffEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Keeps followers' servers' copy of the actor true: an Update(Person) when the profile, its
 * other accounts (alsoKnownAs) or its linked accounts change, and a Delete(Person) when sharing is turned off. The account's
 * follows end with sharing, so turning it on again never reaches people who did not follow
 * anew.
 */
@Component
@ProcessingGroup(ProcessingGroups.FOLLOWERS)
@Order(200)
public class ActorFederationPolicy {
    private static final String NAME = "actor-federation-policy";
    private final OutboundActivities outbound;
    private final ActivityDocuments documents;
    private final GraphReader graph;
    private final AccountDirectory accounts;
    private final LinkDirectory links;
    private final ActorKeys keys;
    private final PolicyCommands commands;
    private final Clock clock;

    public ActorFederationPolicy(OutboundActivities outbound, ActivityDocuments documents, GraphReader graph,
                                 AccountDirectory accounts, LinkDirectory links, ActorKeys keys,
                                 PolicyCommands commands, Clock clock) {
        this.outbound = outbound;
        this.documents = documents;
        this.graph = graph;
        this.accounts = accounts;
        this.links = links;
        this.keys = keys;
        this.commands = commands;
        this.clock = clock;
    }

    @EventHandler
    void on(AccountProfileUpdatedEvent event) {
        sendUpdate(event.accountId());
    }

    /** So a server that cached the actor accepts a Move into this account without fetching it anew. */
    @EventHandler
    void on(AccountAliasesSetEvent event) {
        sendUpdate(event.accountId());
    }

    @EventHandler
    void on(ExternalAccountLinkedEvent event) {
        sendUpdate(event.accountId());
    }

    @EventHandler
    void on(ExternalAccountUnlinkedEvent event) {
        sendUpdate(event.accountId());
    }

    @EventHandler
    void on(FediverseSharingTurnedOffEvent event) {
        accounts.find(event.accountId()).ifPresent(account -> outbound.toFollowers(account.id(), DeliveryPurpose.ACTOR_DELETE,
                documents.deleteActor(account.handle())));
        for (String followId : graph.activeFollowIds(event.accountId())) {
            commands.send(NAME, new RejectRemoteFollowCommand(followId, "fediverse sharing was turned off",
                    clock.now()));
        }
    }

    /** The directory is written in the command's transaction, so it already shows the change. */
    private void sendUpdate(String accountId) {
        accounts.find(accountId).filter(AccountView::fediverseSharing).filter(a -> !a.deleted())
                .ifPresent(account -> outbound.toFollowers(accountId, DeliveryPurpose.ACTOR_UPDATE,
                        documents.updateActor(account, links.linksOf(accountId), keys.forAccount(accountId))));
    }

}
