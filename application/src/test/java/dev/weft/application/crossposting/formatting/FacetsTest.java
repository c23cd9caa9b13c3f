package dev.weft.application.crossposting.formatting;

import static dev.weft.application.crossposting.formatting.FormatterFixtures.FAMILY;
import static dev.weft.application.crossposting.formatting.FormatterFixtures.MASTODON;
import static dev.weft.application.crossposting.formatting.FormatterFixtures.THUMBS_UP;
import static dev.weft.application.crossposting.formatting.FormatterFixtures.draft;
import static dev.weft.application.crossposting.formatting.FormatterFixtures.formatted;
import static dev.weft.application.crossposting.formatting.FormatterFixtures.publicDraft;
import static dev.weft.application.crossposting.formatting.FormatterFixtures.slice;
import static dev.weft.application.crossposting.formatting.FormatterFixtures.words;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.weft.domain.links.OverflowRule;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FacetsTest {
    private static final TargetRules BLUESKY = TargetRules.bluesky();

    private static FormattedPart blueskyPart(PostDraft draft) {
        return formatted(draft, BLUESKY, OverflowRule.REFUSE).parts().get(0);
    }

    @Test
    void aHashtagIsATagFacetWithoutItsNumberSign() {
        FormattedPart part = blueskyPart(draft("Hello #weft"));

        assertThat(part.facets()).containsExactly(new Facet(6, 11, Facet.Kind.TAG, "weft"));
        assertThat(slice(part.text(), part.facets().get(0))).isEqualTo("#weft");
    }

    @Test
    void offsetsAreUtf8BytesAfterMultibyteCharacters() {
        FormattedPart part = blueskyPart(draft("héllo " + THUMBS_UP + " " + FAMILY + " #tag"));

        // "héllo " is 7 bytes, the thumb 4 and a space, the family 25 and a space.
        assertThat(part.facets()).containsExactly(new Facet(38, 42, Facet.Kind.TAG, "tag"));
        assertThat(slice(part.text(), part.facets().get(0))).isEqualTo("#tag");
    }

    @Test
    void aTagInAnotherScriptIsOneFacet() {
        FormattedPart part = blueskyPart(draft("日本 #日本語 #café_2"));

        assertThat(part.facets()).extracting(Facet::value).containsExactly("日本語", "café_2");
        assertThat(part.facets()).extracting(f -> slice(part.text(), f)).containsExactly("#日本語", "#café_2");
        assertThat(part.facets().get(0).byteStart()).isEqualTo(7);
    }

    @Test
    void aPureNumberAndAnInWordNumberSignAreNoTags() {
        FormattedPart part = blueskyPart(draft("We're #1 in C# and #1st"));

        assertThat(part.facets()).containsExactly(new Facet(19, 23, Facet.Kind.TAG, "1st"));
    }

    @Test
    void aUrlIsALinkFacetWithoutTheSentencesPunctuation() {
        FormattedPart part = blueskyPart(draft("Read (https://example.com/a?b=1#frag). Or https://x.io/y, now"));

        assertThat(part.facets()).extracting(Facet::kind, Facet::value).containsExactly(
                tuple(Facet.Kind.LINK, "https://example.com/a?b=1#frag"),
                tuple(Facet.Kind.LINK, "https://x.io/y"));
        assertThat(part.facets()).extracting(f -> slice(part.text(), f))
                .containsExactly("https://example.com/a?b=1#frag", "https://x.io/y");
    }

    @Test
    void aRewrittenMentionIsALinkFacet() {
        FormattedPart part = blueskyPart(draft("ça va @alice@example.social?"));

        assertThat(part.text()).isEqualTo("ça va https://example.social/@alice?");
        assertThat(part.facets()).containsExactly(new Facet(7, 36, Facet.Kind.LINK, "https://example.social/@alice"));
        assertThat(slice(part.text(), part.facets().get(0))).isEqualTo("https://example.social/@alice");
    }

    @Test
    void aLocalMentionIsALinkFacetToTheProfileOnThisServer() {
        FormattedPart part = blueskyPart(draft("thanks @bob"));

        assertThat(part.facets()).containsExactly(new Facet(7, 32, Facet.Kind.LINK, "https://weft.example/@bob"));
    }

    @Test
    void offsetsCountTheContentWarningLine() {
        FormattedPart part = blueskyPart(draft("#weft", "café"));

        assertThat(part.text()).isEqualTo("CW: café\n\n#weft");
        assertThat(part.facets()).containsExactly(new Facet(11, 16, Facet.Kind.TAG, "weft"));
        assertThat(slice(part.text(), part.facets().get(0))).isEqualTo("#weft");
    }

    @Test
    void theLinkToTheOriginalOfATruncatedPostIsALinkFacet() {
        String original = "https://weft.example/posts/42";
        FormattedPart part = formatted(publicDraft(words("wörd", 100), original), BLUESKY, OverflowRule.TRUNCATE)
                .parts().get(0);

        Facet last = part.facets().get(part.facets().size() - 1);
        assertThat(last.kind()).isEqualTo(Facet.Kind.LINK);
        assertThat(last.value()).isEqualTo(original);
        assertThat(slice(part.text(), last)).isEqualTo(original);
        assertThat(last.byteEnd()).isEqualTo(CharacterCount.utf8Bytes(part.text()));
    }

    @Test
    void eachPartOfAThreadHasFacetsIntoItsOwnText() {
        String text = words("#tag wörd", 25) + "\n\n" + words("wörd #other", 20);

        List<FormattedPart> parts = formatted(draft(text), BLUESKY, OverflowRule.THREAD).parts();

        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).facets()).hasSize(25).allSatisfy(f -> assertThat(slice(parts.get(0).text(), f))
                .isEqualTo("#tag"));
        assertThat(parts.get(1).facets()).hasSize(20).allSatisfy(f -> assertThat(slice(parts.get(1).text(), f))
                .isEqualTo("#other"));
        assertThat(parts.get(1).facets().get(0).byteStart()).isEqualTo(CharacterCount.utf8Bytes("wörd "));
    }

    @Test
    void aTagLongerThanBlueskyAllowsGetsNoFacet() {
        FormattedPart part = blueskyPart(draft("#" + "a".repeat(65) + " #" + "b".repeat(64)));

        assertThat(part.facets()).extracting(Facet::value).containsExactly("b".repeat(64));
    }

    static Stream<TargetRules> notBluesky() {
        return Stream.of(TargetRules.threads(), TargetRules.facebook(), MASTODON);
    }

    @ParameterizedTest
    @MethodSource("notBluesky")
    void otherPlatformsGetNoFacets(TargetRules rules) {
        FormatResult.Formatted result = formatted(draft("#weft https://example.com @bob"), rules,
                OverflowRule.REFUSE);

        assertThat(result.parts().get(0).facets()).isEmpty();
    }
}
