package dev.weft.application.crossposting.formatting;

import static dev.weft.application.crossposting.formatting.FormatterFixtures.MASTODON;
import static dev.weft.application.crossposting.formatting.FormatterFixtures.draft;
import static dev.weft.application.crossposting.formatting.FormatterFixtures.formatted;
import static dev.weft.application.crossposting.formatting.FormatterFixtures.onePart;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.domain.links.OverflowRule;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MentionRewritingTest {
    private static final List<TargetRules> NOT_FEDIVERSE = List.of(TargetRules.threads(), TargetRules.bluesky(),
            TargetRules.facebook());

    static Stream<Arguments> elsewhere() {
        return NOT_FEDIVERSE.stream().flatMap(rules -> Stream.of(
                Arguments.of(rules, "hi @alice@example.social", "hi https://example.social/@alice"),
                Arguments.of(rules, "hi @bob", "hi https://weft.example/@bob"),
                Arguments.of(rules, "@bob, @carol.", "https://weft.example/@bob, https://weft.example/@carol."),
                Arguments.of(rules, "@dave@social.example:8443 yo", "https://social.example:8443/@dave yo"),
                Arguments.of(rules, "@erin@localhost:3000", "https://localhost:3000/@erin"),
                Arguments.of(rules, "@first.last@mastodon.example", "https://mastodon.example/@first.last")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("elsewhere")
    void outsideTheFediverseEveryMentionBecomesALinkToTheProfile(TargetRules rules, String text, String expected) {
        assertThat(onePart(draft(text), rules)).isEqualTo(expected);
    }

    static Stream<Arguments> onMastodon() {
        return Stream.of(
                Arguments.of("hi @alice@example.social", "hi @alice@example.social"),
                Arguments.of("hi @bob", "hi @bob@weft.example"),
                Arguments.of("(@bob)", "(@bob@weft.example)"),
                Arguments.of("@dave@social.example:8443", "@dave@social.example:8443"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("onMastodon")
    void onMastodonFediverseMentionsStayAndLocalOnesGainTheDomain(String text, String expected) {
        assertThat(onePart(draft(text), MASTODON)).isEqualTo(expected);
    }

    @Test
    void aLocalMentionOnMastodonCountsWithoutTheDomainItGained() {
        FormattedPart part = formatted(draft("hi @bob"), MASTODON, OverflowRule.REFUSE).parts().get(0);

        assertThat(part.text()).isEqualTo("hi @bob@weft.example");
        assertThat(part.counted()).isEqualTo(7);
    }

    @Test
    void aLocalDomainWithAPortMakesMentionsWithThatPort() {
        CrossPostFormatter formatter = new CrossPostFormatter("http://localhost:8080", "localhost:8080");

        FormatResult.Formatted onMastodon = (FormatResult.Formatted) formatter.format(draft("@bob"), MASTODON,
                OverflowRule.REFUSE);
        FormatResult.Formatted onThreads = (FormatResult.Formatted) formatter.format(draft("@bob"),
                TargetRules.threads(), OverflowRule.REFUSE);

        assertThat(onMastodon.parts().get(0).text()).isEqualTo("@bob@localhost:8080");
        assertThat(onMastodon.parts().get(0).counted()).isEqualTo(4);
        assertThat(onThreads.parts().get(0).text()).isEqualTo("http://localhost:8080/@bob");
    }

    @Test
    void aTrailingSlashOnTheBaseUrlMakesNoDoubleSlash() {
        CrossPostFormatter formatter = new CrossPostFormatter("https://weft.example/", "weft.example");

        FormatResult.Formatted result = (FormatResult.Formatted) formatter.format(draft("@bob"),
                TargetRules.threads(), OverflowRule.REFUSE);

        assertThat(result.parts().get(0).text()).isEqualTo("https://weft.example/@bob");
    }

    static Stream<Arguments> untouched() {
        return Stream.of(TargetRules.threads(), TargetRules.bluesky(), TargetRules.facebook(), MASTODON)
                .flatMap(rules -> Stream.of(
                        Arguments.of(rules, "write to alice@example.com"),
                        Arguments.of(rules, "write to first.last@example.com or bob@localhost:25"),
                        Arguments.of(rules, "see https://example.com/@alice@other.example"),
                        Arguments.of(rules, "see https://example.com/users?name=@bob"),
                        Arguments.of(rules, "no such handle: @alice.bob"),
                        Arguments.of(rules, "an @ alone")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("untouched")
    void emailAddressesAndAtSignsInUrlsAreNotMentions(TargetRules rules, String text) {
        assertThat(onePart(draft(text), rules)).isEqualTo(text);
    }

    @Test
    void mentionsInAContentWarningThatBecomesTextAreRewrittenToo() {
        String text = onePart(draft("body", "about @bob and @alice@example.social"), TargetRules.threads());

        assertThat(text).isEqualTo("CW: about https://weft.example/@bob and https://example.social/@alice\n\nbody");
    }

    @Test
    void mastodonKeepsTheContentWarningAsWritten() {
        FormatResult.Formatted result = formatted(draft("body", "about @bob"), MASTODON, OverflowRule.REFUSE);

        assertThat(result.spoilerText()).isEqualTo("about @bob");
    }
}
