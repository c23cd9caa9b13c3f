package dev.weft.application.crossposting.formatting;

import static dev.weft.application.crossposting.formatting.FormatterFixtures.FORMATTER;
import static dev.weft.application.crossposting.formatting.FormatterFixtures.MASTODON;
import static dev.weft.application.crossposting.formatting.FormatterFixtures.draft;
import static dev.weft.application.crossposting.formatting.FormatterFixtures.formatted;
import static dev.weft.application.crossposting.formatting.FormatterFixtures.refused;
import static dev.weft.application.crossposting.formatting.FormatterFixtures.words;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.domain.links.OverflowRule;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContentWarningTest {

    @Test
    void onMastodonTheWarningIsTheSpoilerTextAndCountsWithTheText() {
        FormatResult.Formatted result = formatted(draft("the ending", " spoilers "), MASTODON, OverflowRule.REFUSE);

        assertThat(result.spoilerText()).isEqualTo("spoilers");
        assertThat(result.parts()).singleElement().satisfies(part -> {
            assertThat(part.text()).isEqualTo("the ending");
            assertThat(part.counted()).isEqualTo(8 + 10);
        });
    }

    @Test
    void onMastodonTheWarningTakesFromTheLimit() {
        String warning = "w".repeat(100);

        FormatResult.Formatted fits = formatted(draft("a".repeat(400), warning), MASTODON, OverflowRule.REFUSE);
        FormatResult.Refused over = refused(draft("a".repeat(401), warning), MASTODON, OverflowRule.REFUSE);

        assertThat(fits.parts().get(0).counted()).isEqualTo(500);
        assertThat(over.counted()).isEqualTo(501);
    }

    @Test
    void mastodonCountsAUrlInTheSpoilerTextAsWritten() {
        String warning = "https://example.com/a/long/path/of/forty/chars";

        FormattedPart part = formatted(draft("x", warning), MASTODON, OverflowRule.REFUSE).parts().get(0);

        assertThat(part.counted()).isEqualTo(warning.codePointCount(0, warning.length()) + 1);
    }

    static Stream<TargetRules> warningInText() {
        return Stream.of(TargetRules.threads(), TargetRules.bluesky(), TargetRules.facebook());
    }

    @ParameterizedTest
    @MethodSource("warningInText")
    void elsewhereTheWarningIsAFirstLineAndABlankLine(TargetRules rules) {
        FormatResult.Formatted result = formatted(draft("the ending", "spoilers"), rules, OverflowRule.REFUSE);

        assertThat(result.spoilerText()).isNull();
        assertThat(result.parts()).singleElement().satisfies(part -> {
            assertThat(part.text()).isEqualTo("CW: spoilers\n\nthe ending");
            assertThat(part.counted()).isEqualTo(24);
        });
    }

    @Test
    void theWarningLineTakesFromTheLimit() {
        // "CW: " + 6 + two line breaks is 12, leaving 488 of Threads' 500.
        FormatResult.Formatted fits = formatted(draft("a".repeat(488), "wwwwww"), TargetRules.threads(),
                OverflowRule.REFUSE);
        FormatResult.Refused over = refused(draft("a".repeat(489), "wwwwww"), TargetRules.threads(),
                OverflowRule.REFUSE);

        assertThat(fits.parts().get(0).counted()).isEqualTo(500);
        assertThat(over.counted()).isEqualTo(501);
        assertThat(over.reason()).isEqualTo("the post is 501 characters as Threads counts them; Threads allows 500");
    }

    @Test
    void everyPartOfAThreadCarriesTheWarning() {
        String text = words("word", 80) + "\n\n" + words("more", 80);

        FormatResult.Formatted result = formatted(draft(text, "spoilers"), TargetRules.threads(), OverflowRule.THREAD);

        assertThat(result.parts()).hasSize(2)
                .allSatisfy(part -> assertThat(part.text()).startsWith("CW: spoilers\n\n"));
    }

    @Test
    void everyPartOfAMastodonThreadCountsTheSpoilerText() {
        String text = words("word", 80) + "\n\n" + words("more", 80);

        FormatResult.Formatted result = formatted(draft(text, "w".repeat(200)), MASTODON, OverflowRule.THREAD);

        assertThat(result.spoilerText()).isEqualTo("w".repeat(200));
        assertThat(result.parts()).hasSizeGreaterThan(2).allSatisfy(part -> {
            assertThat(part.text()).doesNotContain("www");
            assertThat(part.counted()).isEqualTo(200 + FORMATTER.count(part.text(), MASTODON))
                    .isLessThanOrEqualTo(500);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n"})
    void aBlankWarningIsNoWarning(String warning) {
        FormatResult.Formatted onThreads = formatted(draft("text", warning), TargetRules.threads(),
                OverflowRule.REFUSE);
        FormatResult.Formatted onMastodon = formatted(draft("text", warning), MASTODON, OverflowRule.REFUSE);

        assertThat(onThreads.parts().get(0).text()).isEqualTo("text");
        assertThat(onMastodon.spoilerText()).isNull();
    }
}
