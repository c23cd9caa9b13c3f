package dev.weft.domain.accounts;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.weft.domain.graph.BlockList;
import dev.weft.domain.graph.DomainName;
import dev.weft.domain.graph.FollowDecision;
import dev.weft.domain.graph.RemoteActorBlockedEvent;
import dev.weft.domain.graph.RemoteActorUnblockedEvent;
import dev.weft.domain.graph.RemoteDomainBlockedEvent;
import dev.weft.domain.graph.RemoteDomainUnblockedEvent;
import dev.weft.domain.links.ExternalAccountLinkedEvent;
import dev.weft.domain.links.ExternalAccountReauthorizedEvent;
import dev.weft.domain.links.ExternalAccountUnlinkedEvent;
import dev.weft.domain.links.ExternalAccountValidation;
import dev.weft.domain.links.LinkNeedsReauthorizationEvent;
import dev.weft.domain.links.LinkSettingsChangedEvent;
import dev.weft.domain.links.LinkedAccount;
import dev.weft.domain.links.LinkedAccountData;
import dev.weft.domain.links.OverflowRule;
import dev.weft.domain.links.Platform;
import dev.weft.domain.shared.ConflictException;
import dev.weft.domain.shared.GoneException;
import dev.weft.domain.shared.InvalidValueException;
import dev.weft.domain.shared.NotEligibleException;
import dev.weft.domain.shared.RemoteActor;
import dev.weft.domain.shared.UnknownEntityException;
import dev.weft.domain.sharing.FediverseEligibility;
import dev.weft.domain.sharing.FediverseSharingTurnedOffEvent;
import dev.weft.domain.sharing.FediverseSharingTurnedOnEvent;
import dev.weft.domain.sharing.SharingStopReason;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A person's account: profile, linked accounts, fediverse consent and blocks. Followers
 * and posts live in their own aggregates so this one stays small however popular it is.
 */
public class Account {
    @AggregateIdentifier
    private String accountId;
    private String handle;
    private String displayName;
    private boolean publicProfile;
    private String country;
    private LocalDate birthDate;
    private String consentVersion;
    private boolean deleted;
    private boolean erased;
    private String movedTo;
    private List<String> aliases = List.of();
    private final Map<String, LinkedAccount> links = new LinkedHashMap<>();
    private final BlockList blocks = new BlockList();

    protected Account() {
    }

    @CommandHandler
    public Account(RegisterAccountCommand command, HandleRegistry handles) {
        Handle handle = new Handle(command.handle());
        String name = DisplayName.checked(command.displayName());
        String countryCode = Country.of(command.country()).code();
        LocalDate born = checkedBirthDate(command.birthDate(), command.at());
        if (!handles.claim(handle.normalized(), command.accountId())) {
            throw new ConflictException("handle", "handle '" + handle.value() + "' is taken");
        }
        apply(new AccountRegisteredEvent(command.accountId(), command.publicProfile(), countryCode,
                command.credentialHash(), command.at(), new AccountPersonalData(handle.value(), name, born)));
    }

    @CommandHandler
    public void handle(UpdateProfileCommand command, FediverseEligibility eligibility) {
        requireActive();
        String name = command.displayName() == null ? displayName : DisplayName.checked(command.displayName());
        boolean makePublic = command.publicProfile() == null ? publicProfile : command.publicProfile();
        String newCountry = command.country() == null ? country : Country.of(command.country()).code();
        LocalDate born = command.birthDate() == null ? birthDate : checkedBirthDate(command.birthDate(), command.at());
        apply(new AccountProfileUpdatedEvent(accountId, makePublic, newCountry, command.at(),
                new AccountPersonalData(handle, name, born)));
        if (sharingOn()) {
            endSharingIfIneligible(eligibility.stillAllows(
                    new FediverseEligibility.Applicant(makePublic, born, newCountry), today(command.at())),
                    makePublic, command.at());
        }
    }

    private void endSharingIfIneligible(boolean stillEligible, boolean isPublic, Instant at) {
        if (!isPublic) {
            apply(new FediverseSharingTurnedOffEvent(accountId, consentVersion, SharingStopReason.PROFILE_MADE_PRIVATE,
                    at));
        } else if (!stillEligible) {
            apply(new FediverseSharingTurnedOffEvent(accountId, consentVersion, SharingStopReason.NO_LONGER_ELIGIBLE,
                    at));
        }
    }

    /** A sweep over every account: one deleted or not sharing has nothing to review, and records nothing. */
    @CommandHandler
    public void handle(ReviewFediverseEligibilityCommand command, FediverseEligibility eligibility) {
        if (deleted || !sharingOn()) {
            return;
        }
        endSharingIfIneligible(eligibility.stillAllows(new FediverseEligibility.Applicant(publicProfile, birthDate,
                country), today(command.at())), publicProfile, command.at());
    }

    @CommandHandler
    public void handle(DeleteAccountCommand command) {
        requireActive();
        apply(new AccountDeletedEvent(accountId, command.at()));
    }

    /** Only a deleted account is erased, and only once. */
    @CommandHandler
    public void handle(EraseAccountCommand command) {
        if (!deleted) {
            throw new ConflictException("accountId", "account " + accountId + " is not deleted; only a deleted "
                    + "account is erased");
        }
        if (!erased) {
            apply(new AccountErasedEvent(accountId, command.at()));
        }
    }

    /**
     * The target's consent (its alsoKnownAs) is checked before the command is sent; the
     * account decides only whether it can still move. Moving twice to the same actor is one move.
     */
    @CommandHandler
    public void handle(MoveAccountCommand command) {
        requireActive();
        String target = checkedMoveTarget(command.target());
        if (!sharingOn()) {
            throw new NotEligibleException("accountId", "only an account that shares with the fediverse can move");
        }
        if (target.equals(movedTo)) {
            return;
        }
        if (movedTo != null) {
            throw new ConflictException("target", "account " + accountId + " has already moved to " + movedTo);
        }
        apply(new AccountMovedEvent(accountId, target, command.at()));
    }

    /** Mastodon allows a handful; more would only serve to claim strangers' accounts. */
    static final int MAX_ALIASES = 10;

    @CommandHandler
    public void handle(SetAlsoKnownAsCommand command) {
        requireActive();
        if (command.aliases() == null) {
            throw new InvalidValueException("alsoKnownAs", "alsoKnownAs is required (an empty list clears it)");
        }
        if (command.aliases().size() > MAX_ALIASES) {
            throw new InvalidValueException("alsoKnownAs", "at most " + MAX_ALIASES + " other accounts, got "
                    + command.aliases().size());
        }
        List<String> checked = command.aliases().stream().map(Account::checkedAlias).distinct().toList();
        if (!checked.equals(aliases)) {
            apply(new AccountAliasesSetEvent(accountId, checked, command.at()));
        }
    }

    private static String checkedAlias(String alias) {
        if (alias == null || !(alias.trim().startsWith("https://") || alias.trim().startsWith("http://"))) {
            throw new InvalidValueException("alsoKnownAs", "each other account must be an http(s) actor IRI, got '"
                    + alias + "'");
        }
        return alias.trim();
    }

    private static String checkedMoveTarget(String target) {
        if (target == null || target.isBlank()) {
            throw new InvalidValueException("target", "target is required");
        }
        String trimmed = target.trim();
        if (!trimmed.startsWith("https://") && !trimmed.startsWith("http://")) {
            throw new InvalidValueException("target", "target must be an http(s) actor IRI, got '" + target + "'");
        }
        return trimmed;
    }

    @CommandHandler
    public LinkResult handle(LinkExternalAccountCommand command) {
        requireActive();
        Platform platform = Platform.fromWireName(command.platform());
        String externalId = ExternalAccountValidation.externalAccountId(command.externalAccountId());
        String instanceUrl = ExternalAccountValidation.instanceUrl(platform, command.instanceUrl());
        OverflowRule overflow = ExternalAccountValidation.overflow(platform, command.overflow());
        LinkedAccount existing = links.values().stream()
                .filter(l -> l.sameExternalAccountAs(platform, externalId, instanceUrl, command.remoteAccountId()))
                .findFirst().orElse(null);
        if (existing != null) {
            apply(new ExternalAccountReauthorizedEvent(accountId, existing.linkId(), platform, command.at()));
            return new LinkResult(existing.linkId(), true);
        }
        apply(new ExternalAccountLinkedEvent(accountId, command.linkId(), platform, command.crossPostByDefault(),
                command.at(), new LinkedAccountData(externalId, instanceUrl, command.remoteAccountId(),
                command.remoteName()), overflow));
        return new LinkResult(command.linkId(), false);
    }

    @CommandHandler
    public void handle(UnlinkExternalAccountCommand command) {
        requireActive();
        LinkedAccount link = requireLink(command.linkId(), "linkId");
        apply(new ExternalAccountUnlinkedEvent(accountId, link.linkId(), link.platform(), command.at(),
                command.deleteCopies()));
    }

    @CommandHandler
    public void handle(ChangeLinkSettingsCommand command) {
        requireActive();
        LinkedAccount link = requireLink(command.linkId(), "linkId");
        boolean byDefault = command.crossPostByDefault() == null
                ? link.crossPostByDefault() : command.crossPostByDefault();
        OverflowRule overflow = command.overflow() == null
                ? link.overflow() : ExternalAccountValidation.overflow(link.platform(), command.overflow());
        if (byDefault != link.crossPostByDefault() || overflow != link.overflow()) {
            apply(new LinkSettingsChangedEvent(accountId, link.linkId(), link.platform(), byDefault, overflow,
                    command.at()));
        }
    }

    /** A link already waiting for the person needs no second notice. */
    @CommandHandler
    public void handle(MarkLinkNeedsReauthorizationCommand command) {
        requireActive();
        LinkedAccount link = requireLink(command.linkId(), "linkId");
        if (!link.needsReauthorization()) {
            apply(new LinkNeedsReauthorizationEvent(accountId, link.linkId(), link.platform(), command.reason(),
                    command.at()));
        }
    }

    @CommandHandler
    public void handle(TurnOnFediverseSharingCommand command, FediverseEligibility eligibility) {
        requireActive();
        eligibility.check(new FediverseEligibility.Applicant(publicProfile, birthDate, country),
                command.consentVersion(), today(command.at()));
        if (!command.consentVersion().equals(consentVersion)) {
            apply(new FediverseSharingTurnedOnEvent(accountId, command.consentVersion(), command.at()));
        }
    }

    @CommandHandler
    public void handle(TurnOffFediverseSharingCommand command) {
        requireActive();
        if (sharingOn()) {
            apply(new FediverseSharingTurnedOffEvent(accountId, consentVersion, SharingStopReason.REQUESTED,
                    command.at()));
        }
    }

    @CommandHandler
    public void handle(BlockRemoteActorCommand command) {
        requireActive();
        RemoteActor actor = RemoteActor.of(command.actorId());
        if (!blocks.blocksActor(actor.actorId())) {
            apply(new RemoteActorBlockedEvent(accountId, command.at(), actor));
        }
    }

    @CommandHandler
    public void handle(UnblockRemoteActorCommand command) {
        requireActive();
        RemoteActor actor = RemoteActor.of(command.actorId());
        if (blocks.blocksActor(actor.actorId())) {
            apply(new RemoteActorUnblockedEvent(accountId, command.at(), actor));
        }
    }

    @CommandHandler
    public void handle(BlockRemoteDomainCommand command) {
        requireActive();
        String domain = DomainName.checked(command.domain());
        if (!blocks.blocksDomain(domain)) {
            apply(new RemoteDomainBlockedEvent(accountId, domain, command.at()));
        }
    }

    @CommandHandler
    public void handle(UnblockRemoteDomainCommand command) {
        requireActive();
        String domain = DomainName.checked(command.domain());
        if (blocks.blocksDomain(domain)) {
            apply(new RemoteDomainUnblockedEvent(accountId, domain, command.at()));
        }
    }

    @CommandHandler
    public FollowDecision handle(EvaluateFollowRequestCommand command) {
        if (deleted) {
            return FollowDecision.reject("account deleted");
        }
        if (!sharingOn()) {
            return FollowDecision.reject("account does not share with the fediverse");
        }
        if (movedTo != null) {
            return FollowDecision.reject("account moved to " + movedTo);
        }
        if (blocks.blocks(RemoteActor.of(command.actorId()))) {
            return FollowDecision.reject("blocked");
        }
        return FollowDecision.accept();
    }

    /**
     * A person who shares but accepted an older explanation than the current one keeps their
     * followers, yet no new post of theirs federates until they accept the current one.
     */
    @CommandHandler
    public PostPermit handle(AuthorizePostCommand command, FediverseEligibility eligibility) {
        requireActive();
        List<CrossPostTarget> targets = crossPostTargets(command.crossPostTo());
        if (movedTo == null && sharingOn() && !consentVersion.equals(eligibility.currentConsentVersion())) {
            if (Boolean.TRUE.equals(command.shareToFediverse())) {
                throw new NotEligibleException("shareToFediverse", "the explanation accepted (" + consentVersion
                        + ") is not the current one (" + eligibility.currentConsentVersion()
                        + "): accept it before sharing new posts");
            }
            return new PostPermit(accountId, targets, false, consentVersion, Boolean.FALSE.equals(
                    command.shareToFediverse()) ? null : PostPermit.CONSENT_OUTDATED);
        }
        return new PostPermit(accountId, targets, shareToFediverse(command.shareToFediverse()), consentVersion);
    }

    private List<CrossPostTarget> crossPostTargets(List<String> requested) {
        List<CrossPostTarget> targets = new ArrayList<>();
        if (requested == null) {
            links.values().stream().filter(LinkedAccount::crossPostByDefault)
                    .forEach(l -> targets.add(new CrossPostTarget(l.linkId(), l.platform())));
            return targets;
        }
        for (String linkId : requested.stream().distinct().toList()) {
            LinkedAccount link = links.get(linkId);
            if (link == null) {
                throw new NotEligibleException("crossPostTo", "link " + linkId + " is not linked to this account");
            }
            targets.add(new CrossPostTarget(link.linkId(), link.platform()));
        }
        return targets;
    }

    /** A moved account's followers follow its new actor: its new posts stay here. */
    private boolean shareToFediverse(Boolean requested) {
        if (requested != null && requested && movedTo != null) {
            throw new NotEligibleException("shareToFediverse", "the account moved to " + movedTo
                    + "; its new posts are not federated");
        }
        if (requested == null) {
            return sharingOn() && movedTo == null;
        }
        if (requested && !sharingOn()) {
            throw new NotEligibleException("shareToFediverse", "fediverse sharing is off for this account");
        }
        return requested;
    }

    private LinkedAccount requireLink(String linkId, String field) {
        LinkedAccount link = links.get(linkId);
        if (link == null) {
            throw new UnknownEntityException(field, "no link " + linkId + " on this account");
        }
        return link;
    }

    private void requireActive() {
        if (deleted) {
            throw new GoneException("accountId", "account " + accountId + " was deleted");
        }
    }

    private boolean sharingOn() {
        return consentVersion != null;
    }

    private static LocalDate checkedBirthDate(LocalDate birthDate, Instant at) {
        if (birthDate == null) {
            throw new InvalidValueException("birthDate", "birthDate is required");
        }
        if (birthDate.isAfter(today(at))) {
            throw new InvalidValueException("birthDate", "birthDate is in the future");
        }
        return birthDate;
    }

    private static LocalDate today(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate();
    }

    @EventSourcingHandler
    void on(AccountRegisteredEvent event) {
        accountId = event.accountId();
        applyProfile(event.publicProfile(), event.country(), event.personal());
    }

    @EventSourcingHandler
    void on(AccountProfileUpdatedEvent event) {
        applyProfile(event.publicProfile(), event.country(), event.personal());
    }

    private void applyProfile(boolean isPublic, String countryCode, AccountPersonalData personal) {
        publicProfile = isPublic;
        country = countryCode;
        handle = personal.handle();
        displayName = personal.displayName();
        birthDate = personal.birthDate();
    }

    @EventSourcingHandler
    void on(AccountErasedEvent event) {
        erased = true;
    }

    @EventSourcingHandler
    void on(AccountDeletedEvent event) {
        deleted = true;
        consentVersion = null;
    }

    @EventSourcingHandler
    void on(AccountMovedEvent event) {
        movedTo = event.target();
    }

    @EventSourcingHandler
    void on(AccountAliasesSetEvent event) {
        aliases = event.aliases();
    }

    @EventSourcingHandler
    void on(ExternalAccountLinkedEvent event) {
        LinkedAccountData data = event.personal();
        links.put(event.linkId(), new LinkedAccount(event.linkId(), event.platform(), data.externalAccountId(),
                data.instanceUrl(), data.remoteAccountId(), event.crossPostByDefault(), event.overflowRule(), false));
    }

    @EventSourcingHandler
    void on(ExternalAccountUnlinkedEvent event) {
        links.remove(event.linkId());
    }

    @EventSourcingHandler
    void on(ExternalAccountReauthorizedEvent event) {
        links.computeIfPresent(event.linkId(), (id, link) -> link.withReauthorizationNeeded(false));
    }

    @EventSourcingHandler
    void on(LinkNeedsReauthorizationEvent event) {
        links.computeIfPresent(event.linkId(), (id, link) -> link.withReauthorizationNeeded(true));
    }

    @EventSourcingHandler
    void on(LinkSettingsChangedEvent event) {
        links.computeIfPresent(event.linkId(),
                (id, link) -> link.withSettings(event.crossPostByDefault(), event.overflow()));
    }

    @EventSourcingHandler
    void on(FediverseSharingTurnedOnEvent event) {
        consentVersion = event.consentVersion();
    }

    @EventSourcingHandler
    void on(FediverseSharingTurnedOffEvent event) {
        consentVersion = null;
    }

    @EventSourcingHandler
    void on(RemoteActorBlockedEvent event) {
        blocks.addActor(event.actor().actorId());
    }

    @EventSourcingHandler
    void on(RemoteActorUnblockedEvent event) {
        blocks.removeActor(event.actor().actorId());
    }

    @EventSourcingHandler
    void on(RemoteDomainBlockedEvent event) {
        blocks.addDomain(event.domain());
    }

    @EventSourcingHandler
    void on(RemoteDomainUnblockedEvent event) {
        blocks.removeDomain(event.domain());
    }
}
