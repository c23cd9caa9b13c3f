package dev.weft.application.sharing;

import dev.weft.application.accounts.AccountView;
import dev.weft.domain.sharing.FediverseEligibility;

/**
 * Where an account stands with the explanation it accepted: reconsentNeeded once operators
 * publish a newer one, until the person accepts it. Meanwhile followers stay and new posts
 * do not federate.
 */
public record ConsentStatus(boolean shared, String consentVersion, String currentConsentVersion,
                            boolean reconsentNeeded) {

    public static ConsentStatus of(AccountView account, FediverseEligibility eligibility) {
        String current = eligibility.currentConsentVersion();
        boolean outdated = account.fediverseSharing() && !current.equals(account.consentVersion());
        return new ConsentStatus(account.fediverseSharing(), account.consentVersion(), current, outdated);
    }
}
