package dev.weft.application.crossposting.formatting;

import static dev.weft.application.crossposting.formatting.FormatterFixtures.FORMATTER;
import static dev.weft.application.crossposting.formatting.FormatterFixtures.MASTODON;
import static dev.weft.application.crossposting.formatting.FormatterFixtures.draft;
import static dev.weft.application.crossposting.formatting.FormatterFixtures.formatted;
import static dev.weft.application.crossposting.formatting.FormatterFixtures.refused;
import static dev.weft.application.crossposting.formatting.FormatterFixtures.words;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.domain.links.OverflowRule;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ThreadTest {
    private static final TargetRules THREADS = TargetRules.threads();

    private static List<String> threadTexts(String text, TargetRules rules) {
        return formatted(draft(text), rules, OverflowRule.THREAD).parts().stream().map(FormattedPart::text).toList();
    }

    /** A sentence of the given number of words: a capital, then lower case, then a full stop. */
    private static String sentence(String word, int words) {
        return "S" + words(word, words).substring(1) + ".";
    }

    @Test
    void threeParagraphsMakeThreeNumberedParts() {
        String first = words("one", 80);
        String second = words("two", 80);
        String third = words("six", 80);

        FormatResult.Formatted result = formatted(draft(first + "\n\n" + second + "\n\n" + third), THREADS,
                OverflowRule.THREAD);

        assertThat(result.parts()).extracting(FormattedPart::index).containsExactly(1, 2, 3);
        assertThat(result.parts()).extracting(FormattedPart::text)
                .containsExactly(first + " 1/3", second + " 2/3", third + " 3/3");
        assertThat(result.parts()).extracting(FormattedPart::counted).containsExactly(323, 323, 323);
        assertThat(result.parts()).extracting(FormattedPart::limit).containsOnly(500);
    }

    @Test
    void wholeParagraphsArePreferredToFullerParts() {
        String first = sentence("aaaa", 60);
        String second = sentence("bbbb", 30) + " " + sentence("cccc", 30);

        List<String> texts = threadTexts(first + "\n\n" + second, THREADS);

        // The first part could also hold the second paragraph's first sentence, but that would split it.
        assertThat(texts).containsExactly(first + " 1/2", second + " 2/2");
    }

    @Test
    void paragraphsThatFitTogetherShareAPart() {
        String short1 = words("ab", 50);
        String short2 = words("cd", 50);
        String long3 = words("ef", 160);

        List<String> texts = threadTexts(short1 + "\n\n" + short2 + "\n\n" + long3, THREADS);

        assertThat(texts).containsExactly(short1 + "\n\n" + short2 + " 1/2", long3 + " 2/2");
    }

    @Test
    void aParagraphTooLongForAPartIsSplitBetweenSentences() {
        String first = sentence("aaaa", 40);
        String second = sentence("bbbb", 40);
        String third = sentence("cccc", 40);

        List<String> texts = threadTexts(first + " " + second + " " + third, THREADS);

        // Words would fill the first part further, but the sentence is the stronger break.
        assertThat(texts).containsExactly(first + " " + second + " 1/2", third + " 2/2");
    }

    @Test
    void aSentenceTooLongForAPartIsSplitBetweenWords() {
        String text = sentence("word", 150);

        List<String> texts = threadTexts(text, THREADS);

        assertThat(texts).hasSize(2);
        assertThat(texts.get(0)).isEqualTo("S" + words("word", 99).substring(1) + " 1/2");
        assertThat(texts.get(1)).isEqualTo(words("word", 51) + ". 2/2");
    }

    @Test
    void theRestOfALongParagraphIsFollowedByWholeParagraphs() {
        String longParagraph = sentence("aaaa", 60) + " " + sentence("bbbb", 60);
        String shortParagraph = words("cc", 20);

        List<String> texts = threadTexts(longParagraph + "\n\n" + shortParagraph, THREADS);

        assertThat(texts).containsExactly(sentence("aaaa", 60) + " 1/2",
                sentence("bbbb", 60) + "\n\n" + shortParagraph + " 2/2");
    }

    @Test
    void theAuthorsLineBreaksInsideAPartAreKept() {
        String first = words("one", 40) + "\n" + words("two", 40);
        String second = words("six", 80);

        List<String> texts = threadTexts(first + "\n\n\n  \n" + second + "   ", THREADS);

        assertThat(texts).containsExactly(first + " 1/2", second + " 2/2");
    }

    @Test
    void aUrlIsNeverSplitAcrossParts() {
        String url = "https://example.com/" + "u".repeat(100);
        String text = "a".repeat(420) + " " + url + " " + words("tail", 10);

        List<String> texts = threadTexts(text, THREADS);

        assertThat(texts).containsExactly("a".repeat(420) + " 1/2", url + " " + words("tail", 10) + " 2/2");
    }

    @Test
    void numberingFitsOnceThereAreTenPartsOrMore() {
        String text = words("abcdefghi", 120);

        FormatResult.Formatted result = formatted(draft(text), TargetRules.mastodon(100, 23), OverflowRule.THREAD);

        int total = result.parts().size();
        assertThat(total).isGreaterThanOrEqualTo(10);
        assertThat(result.parts()).allSatisfy(part -> {
            assertThat(part.text()).endsWith(" " + part.index() + "/" + total);
            assertThat(part.counted()).isLessThanOrEqualTo(100);
        });
    }

    @Test
    void theNumberingIsCountedForTheFinalTotalOnceItGainsADigit() {
        // Nine 9-letter words and " 1/9" make 93: 82 words would go in 10 parts of 9 words at most.
        // But " 1/10" is a character longer, so parts hold 8 words and the thread has 11 parts.
        String text = words("abcdefghi", 82);

        FormatResult.Formatted result = formatted(draft(text), TargetRules.mastodon(93, 23), OverflowRule.THREAD);

        assertThat(result.parts()).hasSize(11).allSatisfy(part -> assertThat(part.counted()).isLessThanOrEqualTo(93));
        assertThat(result.parts().get(0).text()).isEqualTo(words("abcdefghi", 8) + " 1/11");
        assertThat(result.parts().get(0).counted()).isEqualTo(84);
        assertThat(result.parts().get(10).text()).isEqualTo(words("abcdefghi", 2) + " 11/11");
    }

    @Test
    void japaneseWithoutSpacesIsSplitAndNothingIsLost() {
        String text = "今日は良い天気です。明日は雨が降るでしょう。".repeat(30);

        List<String> texts = threadTexts(text, THREADS);

        assertThat(texts).hasSizeGreaterThan(1);
        String joined = IntStream.range(0, texts.size())
                .mapToObj(i -> texts.get(i).substring(0, texts.get(i).length() - (" " + (i + 1) + "/" + texts.size())
                        .length()))
                .collect(Collectors.joining());
        assertThat(joined).isEqualTo(text);
        assertThat(texts.get(0)).endsWith("。 1/" + texts.size());
    }

    @Test
    void aUrlLongerThanAWholePartIsRefused() {
        String text = "see https://example.com/" + "u".repeat(600);

        FormatResult.Refused refused = refused(draft(text), THREADS, OverflowRule.THREAD);

        assertThat(refused.reason()).startsWith("the post is 624 characters as Threads counts them; Threads allows 500")
                .contains("cannot be split into a thread");
        assertThat(refused.counted()).isEqualTo(624);
    }

    @Test
    void facebookPagesHaveNoThreads() {
        String text = words("word", 13_000);

        FormatResult.Refused refused = refused(draft(text), TargetRules.facebook(), OverflowRule.THREAD);

        assertThat(refused.reason()).isEqualTo("the post is 64999 characters as Facebook counts them; Facebook allows"
                + " 63206, and Facebook pages have no threads to continue it in");
        assertThat(refused.counted()).isEqualTo(64_999);
        assertThat(refused.limit()).isEqualTo(63_206);
    }

    @Test
    void aMastodonThreadCountsUrlsAsReservedCharacters() {
        String url = "https://example.com/" + "u".repeat(200);
        String text = words(url, 30);

        FormatResult.Formatted result = formatted(draft(text), MASTODON, OverflowRule.THREAD);

        // 30 URLs count 30 * 24 - 1 = 719: 20 URLs (479) and " 1/2" in the first part.
        assertThat(result.parts()).hasSize(2);
        assertThat(result.parts().get(0).text()).isEqualTo(words(url, 20) + " 1/2");
        assertThat(result.parts().get(0).counted()).isEqualTo(483);
        assertThat(FORMATTER.count(result.parts().get(1).text(), MASTODON)).isEqualTo(result.parts().get(1).counted());
    }
}
