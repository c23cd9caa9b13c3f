package dev.weft.domain.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.domain.shared.InvalidValueException;
import dev.weft.domain.shared.NotEligibleException;
import dev.weft.domain.sharing.FediverseEligibility.Applicant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class FediverseEligibilityTest {
    private static final String CONSENT = "2026-11";
    private static final LocalDate TODAY = LocalDate.parse("2026-11-02");
    private static final FediverseEligibility EVERYWHERE = new FediverseEligibility(Set.of(), CONSENT);

    private static Applicant adultIn(String country) {
        return new Applicant(true, LocalDate.parse("1990-05-17"), country);
    }

    @Test
    void anAdultWithAPublicProfileAndCurrentConsentIsEligible() {
        assertThatCode(() -> EVERYWHERE.check(adultIn("DE"), CONSENT, TODAY)).doesNotThrowAnyException();
    }

    @Test
    void anEmptyCountrySetMeansEveryCountry() {
        assertThatCode(() -> EVERYWHERE.check(adultIn("BR"), CONSENT, TODAY)).doesNotThrowAnyException();
    }

    @Test
    void aCountryInTheSetIsEligible() {
        FediverseEligibility eu = new FediverseEligibility(Set.of("DE", "FR"), CONSENT);

        assertThatCode(() -> eu.check(adultIn("FR"), CONSENT, TODAY)).doesNotThrowAnyException();
    }

    @Test
    void aCountryOutsideTheSetIsNotEligible() {
        FediverseEligibility eu = new FediverseEligibility(Set.of("DE", "FR"), CONSENT);

        assertThatThrownBy(() -> eu.check(adultIn("US"), CONSENT, TODAY))
                .isInstanceOf(NotEligibleException.class)
                .hasMessageContaining("not available in country US")
                .extracting(e -> ((NotEligibleException) e).field()).isEqualTo("country");
    }

    @Test
    void theCountrySetIsCopiedSoLaterChangesToTheCallersSetDoNotLeakIn() {
        Set<String> countries = new HashSet<>(Set.of("DE"));
        FediverseEligibility eligibility = new FediverseEligibility(countries, CONSENT);
        countries.add("US");

        assertThat(eligibility.eligibleCountries()).containsExactly("DE");
        assertThatThrownBy(() -> eligibility.check(adultIn("US"), CONSENT, TODAY))
                .isInstanceOf(NotEligibleException.class);
    }

    @Test
    void aPrivateProfileIsNotEligible() {
        Applicant privateAdult = new Applicant(false, LocalDate.parse("1990-05-17"), "DE");

        assertThatThrownBy(() -> EVERYWHERE.check(privateAdult, CONSENT, TODAY))
                .isInstanceOf(NotEligibleException.class)
                .hasMessageContaining("needs a public profile")
                .extracting(e -> ((NotEligibleException) e).field()).isEqualTo("publicProfile");
    }

    @Test
    void someoneWhoTurnsEighteenTodayIsEligible() {
        Applicant justEighteen = new Applicant(true, TODAY.minusYears(18), "DE");

        assertThatCode(() -> EVERYWHERE.check(justEighteen, CONSENT, TODAY)).doesNotThrowAnyException();
    }

    @Test
    void someoneWhoTurnsEighteenTomorrowIsNotEligible() {
        Applicant almostEighteen = new Applicant(true, TODAY.minusYears(18).plusDays(1), "DE");

        assertThatThrownBy(() -> EVERYWHERE.check(almostEighteen, CONSENT, TODAY))
                .isInstanceOf(NotEligibleException.class)
                .hasMessageContaining("18 or older")
                .extracting(e -> ((NotEligibleException) e).field()).isEqualTo("birthDate");
    }

    @Test
    void aLeapDayBirthdayCountsAsComeOnTheFirstOfMarchInOtherYears() {
        Applicant leapling = new Applicant(true, LocalDate.parse("2008-02-29"), "DE");

        assertThatThrownBy(() -> EVERYWHERE.check(leapling, CONSENT, LocalDate.parse("2026-02-28")))
                .isInstanceOf(NotEligibleException.class);
        assertThatCode(() -> EVERYWHERE.check(leapling, CONSENT, LocalDate.parse("2026-03-01")))
                .doesNotThrowAnyException();
    }

    @Test
    void consentToAnotherExplanationIsNotEligible() {
        assertThatThrownBy(() -> EVERYWHERE.check(adultIn("DE"), "2026-05", TODAY))
                .isInstanceOf(NotEligibleException.class)
                .hasMessageContaining("consent version '2026-05' is not the current explanation '2026-11'")
                .extracting(e -> ((NotEligibleException) e).field()).isEqualTo("consentVersion");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" "})
    void aMissingConsentVersionIsAnInvalidValue(String consentVersion) {
        assertThatThrownBy(() -> EVERYWHERE.check(adultIn("DE"), consentVersion, TODAY))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("consentVersion is required")
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("consentVersion");
    }

    @Test
    void consentIsCheckedBeforeThePersonsCircumstances() {
        Applicant ineligibleInEveryWay = new Applicant(false, TODAY, "US");
        FediverseEligibility eu = new FediverseEligibility(Set.of("DE"), CONSENT);

        assertThatThrownBy(() -> eu.check(ineligibleInEveryWay, "old", TODAY))
                .extracting(e -> ((NotEligibleException) e).field()).isEqualTo("consentVersion");
    }
}
