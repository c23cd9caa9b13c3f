package dev.weft.domain.sharing;

import dev.weft.domain.shared.InvalidValueException;
import dev.weft.domain.shared.NotEligibleException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Set;

/**
 * Who may share with the fediverse: a public profile, 18 or older, in an eligible country,
 * having accepted the current explanation. An empty country set means every country.
 */
public record FediverseEligibility(Set<String> eligibleCountries, String currentConsentVersion) {
    static final int MINIMUM_AGE = 18;

    public FediverseEligibility {
        eligibleCountries = Set.copyOf(eligibleCountries);
    }

    public void check(Applicant applicant, String consentVersion, LocalDate today) {
        requireCurrentConsent(consentVersion);
        if (!applicant.publicProfile()) {
            throw new NotEligibleException("publicProfile", "fediverse sharing needs a public profile");
        }
        if (Period.between(applicant.birthDate(), today).getYears() < MINIMUM_AGE) {
            throw new NotEligibleException("birthDate", "fediverse sharing needs the person to be 18 or older");
        }
        if (!eligibleCountries.isEmpty() && !eligibleCountries.contains(applicant.country())) {
            throw new NotEligibleException("country",
                    "fediverse sharing is not available in country " + applicant.country());
        }
    }

    /** Whether a person who already consented still meets the rules; consent itself is not re-asked. */
    public boolean stillAllows(Applicant applicant, LocalDate today) {
        try {
            check(applicant, currentConsentVersion, today);
            return true;
        } catch (NotEligibleException e) {
            return false;
        }
    }

    private void requireCurrentConsent(String consentVersion) {
        if (consentVersion == null || consentVersion.isBlank()) {
            throw new InvalidValueException("consentVersion", "consentVersion is required");
        }
        if (!consentVersion.equals(currentConsentVersion)) {
            throw new NotEligibleException("consentVersion", "consent version '" + consentVersion
                    + "' is not the current explanation '" + currentConsentVersion + "'");
        }
    }

    /** The facts about a person that eligibility depends on. */
    public record Applicant(boolean publicProfile, LocalDate birthDate, String country) {
    }
}
