package dev.weft.application.crossposting.formatting;

import static dev.weft.application.crossposting.formatting.FormatterFixtures.FAMILY;
import static dev.weft.application.crossposting.formatting.FormatterFixtures.FORMATTER;
import static dev.weft.application.crossposting.formatting.FormatterFixtures.MASTODON;
import static dev.weft.application.crossposting.formatting.FormatterFixtures.THUMBS_UP;
import static dev.weft.application.crossposting.formatting.FormatterFixtures.draft;
import static dev.weft.application.crossposting.formatting.FormatterFixtures.formatted;
import static dev.weft.application.crossposting.formatting.FormatterFixtures.refused;
import static dev.weft.application.crossposting.formatting.FormatterFixtures.words;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.domain.links.OverflowRule;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class LimitsTest {
    private static final String URL = "https://example.com/" + "p".repeat(80);

    static Stream<Arguments> exactlyAtTheLimit() {
        return Stream.of(
                Arguments.of(TargetRules.threads(), "a".repeat(500)),
                Arguments.of(TargetRules.threads(), THUMBS_UP.repeat(125)),
                Arguments.of(TargetRules.bluesky(), "a".repeat(300)),
                Arguments.of(TargetRules.bluesky(), FAMILY.repeat(120)),
                Arguments.of(MASTODON, "a".repeat(500)),
                Arguments.of(MASTODON, "a".repeat(476) + " " + URL),
                Arguments.of(TargetRules.mastodon(11, 23), "@alice@example.social @bob"),
                Arguments.of(TargetRules.facebook(), "a".repeat(TargetRules.FACEBOOK_MAX_CHARACTERS)));
    }

    @ParameterizedTest
    @MethodSource("exactlyAtTheLimit")
    void aPostExactlyAtTheLimitIsOneUnnumberedPart(TargetRules rules, String text) {
        FormatResult.Formatted result = formatted(draft(text), rules, OverflowRule.THREAD);

        assertThat(result.parts()).singleElement().satisfies(part -> {
            assertThat(part.index()).isEqualTo(1);
            assertThat(part.limit()).isEqualTo(rules.maxCharacters());
            assertThat(part.text()).doesNotEndWith("1/1");
        });
        assertThat(FORMATTER.format(draft(text), rules, OverflowRule.REFUSE)).isEqualTo(result);
    }

    @Test
    void countedIsThePlatformsCount() {
        assertThat(formatted(draft(THUMBS_UP.repeat(125)), TargetRules.threads(), OverflowRule.REFUSE).parts()
                .get(0).counted()).isEqualTo(500);
        assertThat(formatted(draft(FAMILY.repeat(120)), TargetRules.bluesky(), OverflowRule.REFUSE).parts()
                .get(0).counted()).isEqualTo(120);
        assertThat(formatted(draft("a".repeat(476) + " " + URL), MASTODON, OverflowRule.REFUSE).parts()
                .get(0).counted()).isEqualTo(500);
    }

    static Stream<Arguments> oneOverTheLimit() {
        return Stream.of(
                Arguments.of(TargetRules.threads(), "a".repeat(501), 501,
                        "the post is 501 characters as Threads counts them; Threads allows 500"),
                Arguments.of(TargetRules.threads(), THUMBS_UP.repeat(126), 504,
                        "the post is 504 characters as Threads counts them; Threads allows 500"),
                Arguments.of(TargetRules.bluesky(), "a".repeat(301), 301,
                        "the post is 301 characters as Bluesky counts them; Bluesky allows 300"),
                Arguments.of(MASTODON, "a".repeat(477) + " " + URL, 501,
                        "the post is 501 characters as Mastodon counts them; Mastodon allows 500"),
                Arguments.of(TargetRules.facebook(), "a".repeat(TargetRules.FACEBOOK_MAX_CHARACTERS + 1), 63_207,
                        "the post is 63207 characters as Facebook counts them; Facebook allows 63206"));
    }

    @ParameterizedTest
    @MethodSource("oneOverTheLimit")
    void refuseSaysHowLongThePostIsAndWhatThePlatformAllows(TargetRules rules, String text, int counted,
                                                           String reason) {
        FormatResult.Refused refused = refused(draft(text), rules, OverflowRule.REFUSE);

        assertThat(refused.reason()).isEqualTo(reason);
        assertThat(refused.counted()).isEqualTo(counted);
        assertThat(refused.limit()).isEqualTo(rules.maxCharacters());
    }

    @Test
    void blueskyRefusesAPostOverItsByteLimitThoughFewGraphemes() {
        FormatResult.Refused refused = refused(draft(FAMILY.repeat(121)), TargetRules.bluesky(),
                OverflowRule.REFUSE);

        assertThat(refused.reason()).isEqualTo("the post is 3025 bytes in UTF-8; Bluesky allows 3000");
        assertThat(refused.counted()).isEqualTo(3025);
        assertThat(refused.limit()).isEqualTo(3000);
    }

    @Test
    void blueskyThreadsAPostOverItsByteLimitIntoPartsThatEachFit() {
        FormatResult.Formatted result = formatted(draft((FAMILY + " ").repeat(150).strip()), TargetRules.bluesky(),
                OverflowRule.THREAD);

        assertThat(result.parts()).hasSize(2).allSatisfy(part -> {
            assertThat(CharacterCount.utf8Bytes(part.text())).isLessThanOrEqualTo(3000);
            assertThat(part.counted()).isLessThanOrEqualTo(300);
        });
        assertThat(result.parts().get(0).text()).endsWith(FAMILY + " 1/2");
    }

    @ParameterizedTest
    @EnumSource(OverflowRule.class)
    void aPostThatFitsIsTheSameOnePartUnderEveryRule(OverflowRule overflow) {
        FormatResult.Formatted result = formatted(draft("  Hello, world.\nSecond line.  \n"), TargetRules.threads(),
                overflow);

        assertThat(result.parts()).containsExactly(
                new FormattedPart(1, "Hello, world.\nSecond line.", 26, 500, List.of()));
        assertThat(result.spoilerText()).isNull();
    }

    @Test
    void aPostWithNoTextIsRefused() {
        FormatResult.Refused refused = refused(draft("  \n "), TargetRules.threads(), OverflowRule.THREAD);

        assertThat(refused.reason()).isEqualTo("the post has no text to send to Threads");
        assertThat(refused.counted()).isZero();
    }

    @Test
    void theSameDraftAlwaysGivesAnEqualResult() {
        PostDraft draft = new PostDraft(words("Sentence one. #weft @bob " + FAMILY, 60), "cw", "en",
                "https://weft.example/posts/1");

        for (OverflowRule overflow : OverflowRule.values()) {
            for (TargetRules rules : new TargetRules[] {TargetRules.threads(), TargetRules.bluesky(), MASTODON}) {
                FormatResult first = FORMATTER.format(draft, rules, overflow);
                FormatResult again = new CrossPostFormatter("https://weft.example", "weft.example")
                        .format(draft, rules, overflow);
                assertThat(again).isEqualTo(first).isEqualTo(FORMATTER.format(draft, rules, overflow));
            }
        }
    }
}
