package dev.weft.application.crossposting.formatting;

import static dev.weft.application.crossposting.formatting.FormatterFixtures.FAMILY;
import static dev.weft.application.crossposting.formatting.FormatterFixtures.MASTODON;
import static dev.weft.application.crossposting.formatting.FormatterFixtures.draft;
import static dev.weft.application.crossposting.formatting.FormatterFixtures.formatted;
import static dev.weft.application.crossposting.formatting.FormatterFixtures.publicDraft;
import static dev.weft.application.crossposting.formatting.FormatterFixtures.refused;
import static dev.weft.application.crossposting.formatting.FormatterFixtures.words;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.domain.links.OverflowRule;
import org.junit.jupiter.api.Test;

class TruncateTest {
    private static final String ORIGINAL = "https://weft.example/posts/0193a1b2-c3d4";

    private static FormattedPart truncated(PostDraft draft, TargetRules rules) {
        FormatResult.Formatted result = formatted(draft, rules, OverflowRule.TRUNCATE);
        assertThat(result.parts()).hasSize(1);
        return result.parts().get(0);
    }

    @Test
    void aPrivatePostIsCutAfterTheLastWordThatFitsWithAnEllipsis() {
        // 100 five-letter words and their spaces: 599 characters.
        FormattedPart part = truncated(draft(words("abcde", 100)), TargetRules.threads());

        // 83 words are 497 characters, and the ellipsis makes 498; an 84th word would make 504.
        assertThat(part.text()).isEqualTo(words("abcde", 83) + "…");
        assertThat(part.counted()).isEqualTo(498);
    }

    @Test
    void aPublicPostEndsWithALinkToTheOriginalThatCountsToo() {
        FormattedPart part = truncated(publicDraft(words("abcde", 100), ORIGINAL), TargetRules.threads());

        // The link is 40 and its space 1: 76 words (455) + "…" + " " + link = 497; 77 words would be 503.
        assertThat(part.text()).isEqualTo(words("abcde", 76) + "… " + ORIGINAL);
        assertThat(part.counted()).isEqualTo(497);
    }

    @Test
    void onMastodonTheLinkToTheOriginalCountsAsAUrl() {
        FormattedPart part = truncated(publicDraft(words("abcde", 100), ORIGINAL), MASTODON);

        // 79 words (473) + "…" + " " + 23 = 498.
        assertThat(part.text()).isEqualTo(words("abcde", 79) + "… " + ORIGINAL);
        assertThat(part.counted()).isEqualTo(498);
    }

    @Test
    void aUrlThatWouldBeCutIsLeftOutWhole() {
        String url = "https://example.com/" + "u".repeat(60);
        String text = "a".repeat(450) + " " + url + " tail";

        FormattedPart part = truncated(draft(text), TargetRules.threads());

        assertThat(part.text()).isEqualTo("a".repeat(450) + "…");
    }

    @Test
    void aMentionThatWouldBeCutIsLeftOutWhole() {
        String text = "a".repeat(490) + " @alice@example.social and more";

        FormattedPart part = truncated(draft(text), MASTODON);

        // The mention counts 6 on Mastodon though it is 21 as written, and goes whole or not at all.
        assertThat(part.text()).isEqualTo("a".repeat(490) + " @alice@example.social…");
        assertThat(part.counted()).isEqualTo(490 + 1 + 6 + 1);
    }

    @Test
    void theCutNeverSplitsAGraphemeCluster() {
        String text = words(FAMILY + FAMILY, 20);

        FormattedPart part = truncated(draft(text), TargetRules.threads());

        // A pair of families is 50 on Threads, 51 with its space: 9 pairs (458) + "…" fit, a tenth would not.
        assertThat(part.text()).isEqualTo(words(FAMILY + FAMILY, 9) + "…");
        assertThat(part.counted()).isEqualTo(459);
    }

    @Test
    void aCommaStaysWithItsWord() {
        String text = "a".repeat(494) + " bc, de fgh";

        FormattedPart part = truncated(draft(text), TargetRules.threads());

        assertThat(part.text()).isEqualTo("a".repeat(494) + " bc,…");
    }

    @Test
    void aWordLongerThanThePartIsCutBetweenGraphemes() {
        FormattedPart part = truncated(draft("é".repeat(600)), TargetRules.bluesky());

        assertThat(part.text()).isEqualTo("é".repeat(299) + "…");
        assertThat(part.counted()).isEqualTo(300);
    }

    @Test
    void theContentWarningCountsInTheTruncatedPart() {
        FormattedPart part = truncated(draft(words("abcde", 100), "spoiler"), TargetRules.threads());

        // "CW: spoiler" and a blank line are 13: 81 words (485) + "…" = 499.
        assertThat(part.text()).isEqualTo("CW: spoiler\n\n" + words("abcde", 81) + "…");
        assertThat(part.counted()).isEqualTo(499);
    }

    @Test
    void japaneseIsCutBetweenWordsThoughItHasNoSpaces() {
        // ICU's dictionary reads 今日|は|良い|天気|です: 55 sentences (495) and 今日は fit, 良い would not.
        String text = "今日は良い天気です".repeat(60);

        FormattedPart part = truncated(draft(text), TargetRules.threads());

        assertThat(part.text()).isEqualTo("今日は良い天気です".repeat(55) + "今日は…");
        assertThat(part.counted()).isEqualTo(499);
    }

    @Test
    void whenNotEvenAFirstWordFitsBesideTheWarningAndTheLinkItIsRefused() {
        FormatResult.Refused refused = refused(new PostDraft("a".repeat(501), "w".repeat(460), "en", ORIGINAL),
                TargetRules.threads(), OverflowRule.TRUNCATE);

        assertThat(refused.reason()).startsWith("the post is 967 characters as Threads counts them; Threads allows 500")
                .contains("no shortened copy fits");
        assertThat(refused.counted()).isEqualTo(967);
        assertThat(refused.limit()).isEqualTo(500);
    }
}
