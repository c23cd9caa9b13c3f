package dev.weft.application.crossposting.formatting;

import static dev.weft.application.crossposting.formatting.FormatterFixtures.E_WITH_COMBINING_ACUTE;
import static dev.weft.application.crossposting.formatting.FormatterFixtures.FAMILY;
import static dev.weft.application.crossposting.formatting.FormatterFixtures.FLAG;
import static dev.weft.application.crossposting.formatting.FormatterFixtures.FORMATTER;
import static dev.weft.application.crossposting.formatting.FormatterFixtures.KEYCAP_ONE;
import static dev.weft.application.crossposting.formatting.FormatterFixtures.MASTODON;
import static dev.weft.application.crossposting.formatting.FormatterFixtures.THUMBS_UP;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CountingTest {
    private static final String LONG_URL = "https://example.com/a/very/long/path/that/goes/on/and/on/for/ever?x=1&y=2";

    static Stream<Arguments> graphemes() {
        return Stream.of(
                Arguments.of("plain ASCII", "hello", 5),
                Arguments.of("empty", "", 0),
                Arguments.of("thumbs up", THUMBS_UP, 1),
                Arguments.of("thumbs up with skin tone", "👍🏽", 1),
                Arguments.of("family ZWJ sequence", FAMILY, 1),
                Arguments.of("flag", FLAG, 1),
                Arguments.of("keycap", KEYCAP_ONE, 1),
                Arguments.of("e and combining acute", "caf" + E_WITH_COMBINING_ACUTE, 4),
                Arguments.of("CJK", "日本語の文章", 6),
                Arguments.of("CR LF is one cluster", "a\r\nb", 3),
                Arguments.of("mixed", "hi " + FAMILY + FLAG + "!", 6));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("graphemes")
    void blueskyAndFacebookCountGraphemeClusters(String description, String text, int expected) {
        assertThat(FORMATTER.count(text, TargetRules.bluesky())).isEqualTo(expected);
        assertThat(FORMATTER.count(text, TargetRules.facebook())).isEqualTo(expected);
    }

    static Stream<Arguments> threadsCounts() {
        return Stream.of(
                Arguments.of("plain ASCII", "hello", 5),
                Arguments.of("thumbs up is 4 bytes", THUMBS_UP, 4),
                Arguments.of("thumbs up with skin tone is 8 bytes", "👍🏽", 8),
                Arguments.of("family is 25 bytes", FAMILY, 25),
                Arguments.of("flag is 8 bytes", FLAG, 8),
                Arguments.of("keycap is 1 + 3 + 3 bytes", KEYCAP_ONE, 7),
                Arguments.of("copyright sign is pictographic, 2 bytes", "©", 2),
                Arguments.of("a digit alone is no emoji", "1", 1),
                Arguments.of("combining mark is no emoji", "caf" + E_WITH_COMBINING_ACUTE, 4),
                Arguments.of("CJK is no emoji", "日本語", 3),
                Arguments.of("text around an emoji", "a " + THUMBS_UP + " b", 8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("threadsCounts")
    void threadsCountsEmojiAsTheirUtf8Bytes(String description, String text, int expected) {
        assertThat(FORMATTER.count(text, TargetRules.threads())).isEqualTo(expected);
    }

    @Test
    void mastodonCountsEveryUrlAsCharactersReservedPerUrl() {
        assertThat(FORMATTER.count(LONG_URL, MASTODON)).isEqualTo(23);
        assertThat(FORMATTER.count("see " + LONG_URL + " and http://x.io", MASTODON)).isEqualTo(4 + 23 + 5 + 23);
        assertThat(FORMATTER.count(LONG_URL, TargetRules.mastodon(500, 30))).isEqualTo(30);
    }

    @Test
    void punctuationAfterAUrlIsCountedAsText() {
        assertThat(FORMATTER.count("(" + LONG_URL + ").", MASTODON)).isEqualTo(1 + 23 + 2);
    }

    @Test
    void balancedParenthesesStayInTheUrl() {
        assertThat(FORMATTER.count("https://en.wikipedia.org/wiki/Weft_(weaving))", MASTODON)).isEqualTo(23 + 1);
    }

    @Test
    void aDomainWithoutSchemeIsText() {
        assertThat(FORMATTER.count("example.com", MASTODON)).isEqualTo(11);
    }

    @Test
    void otherPlatformsCountUrlsAsWritten() {
        int written = FORMATTER.count(LONG_URL, TargetRules.bluesky());

        assertThat(written).isEqualTo(LONG_URL.codePointCount(0, LONG_URL.length()));
        assertThat(FORMATTER.count(LONG_URL, TargetRules.threads())).isEqualTo(written);
    }

    static Stream<Arguments> mastodonMentions() {
        return Stream.of(
                Arguments.of("@alice@example.social", 6),
                Arguments.of("@bob@localhost:8080", 4),
                Arguments.of("@bob", 4),
                Arguments.of("hi @alice@example.social!", 3 + 6 + 1),
                Arguments.of("me@example.com", 14));
    }

    @ParameterizedTest(name = "{0} counts {1}")
    @MethodSource("mastodonMentions")
    void mastodonCountsAFediverseMentionAsItsUserPart(String text, int expected) {
        assertThat(FORMATTER.count(text, MASTODON)).isEqualTo(expected);
    }

    @Test
    void onlyMastodonLeavesTheDomainOfAMentionUncounted() {
        assertThat(FORMATTER.count("@alice@example.social", TargetRules.threads())).isEqualTo(21);
    }

    @Test
    void aUrlEndsBeforeAnEmojiOrCjkPunctuation() {
        assertThat(FORMATTER.count("https://example.com/a" + FAMILY, MASTODON)).isEqualTo(23 + 1);
        assertThat(FORMATTER.count("https://example.com/a。次", MASTODON)).isEqualTo(23 + 2);
    }

    @Test
    void aUrlMayHoldLettersOfAnyScript() {
        assertThat(FORMATTER.count("https://ja.wikipedia.org/wiki/日本語", MASTODON)).isEqualTo(23);
    }
}
