package dev.weft.application.crossposting.formatting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.domain.links.OverflowRule;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

final class FormatterFixtures {
    static final String BASE_URL = "https://weft.example";
    static final CrossPostFormatter FORMATTER = new CrossPostFormatter(BASE_URL, "weft.example");
    static final TargetRules MASTODON = TargetRules.mastodon(500, 23);
    static final String FAMILY = "👨‍👩‍👧‍👦";
    static final String FLAG = "🇳🇿";
    static final String KEYCAP_ONE = "1️⃣";
    static final String THUMBS_UP = "👍";
    static final String E_WITH_COMBINING_ACUTE = "e\u0301";

    private FormatterFixtures() {
    }

    static PostDraft draft(String text) {
        return new PostDraft(text, null, "en", null);
    }

    static PostDraft draft(String text, String contentWarning) {
        return new PostDraft(text, contentWarning, "en", null);
    }

    static PostDraft publicDraft(String text, String originalUrl) {
        return new PostDraft(text, null, "en", originalUrl);
    }

    static FormatResult.Formatted formatted(PostDraft draft, TargetRules rules, OverflowRule overflow) {
        FormatResult result = FORMATTER.format(draft, rules, overflow);
        assertThat(result).isInstanceOf(FormatResult.Formatted.class);
        return (FormatResult.Formatted) result;
    }

    static FormatResult.Refused refused(PostDraft draft, TargetRules rules, OverflowRule overflow) {
        FormatResult result = FORMATTER.format(draft, rules, overflow);
        assertThat(result).isInstanceOf(FormatResult.Refused.class);
        return (FormatResult.Refused) result;
    }

    /** The single part's text, for a post that fits. */
    static String onePart(PostDraft draft, TargetRules rules) {
        FormatResult.Formatted result = formatted(draft, rules, OverflowRule.REFUSE);
        assertThat(result.parts()).hasSize(1);
        return result.parts().get(0).text();
    }

    /** What a facet's byte slice covers in the text it was made for. */
    static String slice(String text, Facet facet) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new String(Arrays.copyOfRange(bytes, facet.byteStart(), facet.byteEnd()), StandardCharsets.UTF_8);
    }

    /** count copies of word, one space apart. */
    static String words(String word, int count) {
        return IntStream.range(0, count).mapToObj(i -> word).collect(Collectors.joining(" "));
    }
}
