package dev.weft.domain.accounts;

import dev.weft.domain.shared.InvalidValueException;
import java.util.Locale;
import java.util.Set;

/** An ISO 3166-1 alpha-2 country code, upper case. */
public record Country(String code) {
    private static final Set<String> ISO_CODES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    public Country {
        String upper = code == null ? "" : code.toUpperCase(Locale.ROOT);
        if (!ISO_CODES.contains(upper)) {
            throw new InvalidValueException("country", "country must be an ISO 3166-1 alpha-2 code, got '" + code + "'");
        }
        code = upper;
    }

    public static Country of(String code) {
        return new Country(code);
    }
}
