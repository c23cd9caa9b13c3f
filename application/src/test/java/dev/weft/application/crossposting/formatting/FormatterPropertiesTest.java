package dev.weft.application.crossposting.formatting;

import static dev.weft.application.crossposting.formatting.FormatterFixtures.FAMILY;
import static dev.weft.application.crossposting.formatting.FormatterFixtures.FLAG;
import static dev.weft.application.crossposting.formatting.FormatterFixtures.FORMATTER;
import static dev.weft.application.crossposting.formatting.FormatterFixtures.KEYCAP_ONE;
import static dev.weft.application.crossposting.formatting.FormatterFixtures.THUMBS_UP;
import static dev.weft.application.crossposting.formatting.FormatterFixtures.slice;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.domain.links.OverflowRule;
import dev.weft.domain.links.Platform;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/** Invariants over generated posts, for every platform and overflow rule. */
class FormatterPropertiesTest {
    private static final int DRAFTS = 300;
    private static final String ORIGINAL = "https://weft.example/posts/42";
    /** A flag of a subdivision: a black flag, five tag characters and a cancel tag, 28 bytes in one cluster. */
    private static final String SCOTLAND = "\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC73\uDB40\uDC63\uDB40\uDC74"
            + "\uDB40\uDC7F";
    private static final List<String> TOKENS = List.of("word", "weft", "loom", "threads", "caf\u00e9", "cafe\u0301",
            "日本語の文章です", "今日は", THUMBS_UP, FAMILY, FLAG, KEYCAP_ONE, "👍🏽", "#weft", "#日本", "#1",
            "https://example.com/a/very/long/path/that/goes/on/and/on?x=1&y=2", "(https://x.org/y)",
            "https://weft.example/posts/7.", "@alice@example.social", "@bob", "@carol@localhost:8080",
            "me@example.com", "C#", "end.", "Really?", "yes!", "so,", "a", "I", "𝒳𝒴𝒵", SCOTLAND, "x".repeat(70));
    private static final List<String> SEPARATORS = List.of(" ", " ", " ", " ", " ", " ", "  ", "\n", "\n\n",
            ". The ", "。", " \n\n ");
    private static final List<String> WARNINGS = List.of("spoilers", "food 🍕", "mentions @bob", "  ");
    private static final List<TargetRules> RULES = List.of(
            TargetRules.mastodon(500, 23),
            TargetRules.mastodon(160, 23),
            TargetRules.threads(),
            new TargetRules(Platform.THREADS, 140, TargetRules.Counting.GRAPHEMES_EMOJI_AS_UTF8_BYTES, null, null),
            TargetRules.bluesky(),
            new TargetRules(Platform.BLUESKY, 300, TargetRules.Counting.GRAPHEMES, null, 400),
            TargetRules.facebook(),
            new TargetRules(Platform.FACEBOOK, 250, TargetRules.Counting.GRAPHEMES, null, null));

    /** How often each kind of result came out, so the generated posts are seen to overflow. */
    private enum Outcome { ONE_PART, TRUNCATED, THREADED, REFUSED }

    @Test
    void everyPartFitsAndAThreadGivesBackTheWholeText() {
        Random random = new Random(20_260_514L);
        SoftAssertions softly = new SoftAssertions();
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        for (int i = 0; i < DRAFTS; i++) {
            PostDraft draft = draft(random);
            for (TargetRules rules : RULES) {
                String rewritten = rewritten(draft.text(), rules);
                for (OverflowRule overflow : OverflowRule.values()) {
                    outcomes.merge(check(softly, draft, rewritten, rules, overflow), 1, Integer::sum);
                }
            }
        }
        softly.assertAll();
        assertThat(outcomes).allSatisfy((outcome, times) -> assertThat(times).as(outcome.name()).isGreaterThan(500));
    }

    private static PostDraft draft(Random random) {
        StringBuilder text = new StringBuilder("Start");
        int tokens = 1 + random.nextInt(random.nextBoolean() ? 30 : 90);
        for (int i = 0; i < tokens; i++) {
            text.append(pick(random, SEPARATORS)).append(pick(random, TOKENS));
        }
        String warning = random.nextInt(3) == 0 ? pick(random, WARNINGS) : null;
        return new PostDraft(text.toString(), warning, "en", random.nextBoolean() ? ORIGINAL : null);
    }

    private static String pick(Random random, List<String> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private static Outcome check(SoftAssertions softly, PostDraft draft, String rewritten, TargetRules rules,
                                 OverflowRule overflow) {
        FormatResult result = FORMATTER.format(draft, rules, overflow);
        String context = rules.platform() + " " + rules.maxCharacters() + " " + overflow + ": " + draft;
        if (result instanceof FormatResult.Refused refused) {
            checkRefusal(softly, refused, rules, overflow, context);
            return Outcome.REFUSED;
        }
        FormatResult.Formatted formatted = (FormatResult.Formatted) result;
        String warning = warning(draft);
        softly.assertThat(formatted.spoilerText()).as(context)
                .isEqualTo(rules.hasContentWarningField() ? warning : null);
        formatted.parts().forEach(part -> checkPart(softly, part, formatted, rules, context));
        List<String> bodies = bodies(softly, formatted, rules, warning, context);
        return checkBodies(softly, overflow, rewritten, bodies, draft.originalUrl(), context);
    }

    /** Only a post that must not be cut, or may not be threaded on a platform without threads, is refused. */
    private static void checkRefusal(SoftAssertions softly, FormatResult.Refused refused, TargetRules rules,
                                     OverflowRule overflow, String context) {
        boolean mayRefuse = overflow == OverflowRule.REFUSE
                || overflow == OverflowRule.THREAD && !rules.allowsThreads();
        softly.assertThat(mayRefuse).as(context + " was refused: " + refused).isTrue();
        softly.assertThat(refused.counted()).as(context).isGreaterThan(refused.limit());
        softly.assertThat(refused.reason()).as(context).contains(platformName(rules.platform()));
    }

    private static void checkPart(SoftAssertions softly, FormattedPart part, FormatResult.Formatted formatted,
                                  TargetRules rules, String context) {
        softly.assertThat(part.counted()).as(context).isLessThanOrEqualTo(part.limit());
        softly.assertThat(part.limit()).as(context).isEqualTo(rules.maxCharacters());
        softly.assertThat(part.counted()).as(context).isEqualTo(recount(part.text(), formatted.spoilerText(), rules));
        if (rules.maxBytes() != null) {
            softly.assertThat(CharacterCount.utf8Bytes(part.text())).as(context).isLessThanOrEqualTo(rules.maxBytes());
        }
        softly.assertThat(part.text()).as(context).isNotBlank().isEqualTo(part.text().stripTrailing());
        softly.assertThat(part.index()).as(context).isEqualTo(formatted.parts().indexOf(part) + 1);
        if (!rules.usesFacets()) {
            softly.assertThat(part.facets()).as(context).isEmpty();
        }
        for (Facet facet : part.facets()) {
            softly.assertThat(slice(part.text(), facet)).as(context)
                    .isEqualTo(facet.kind() == Facet.Kind.TAG ? "#" + facet.value() : facet.value());
        }
    }

    private static int recount(String text, String spoilerText, TargetRules rules) {
        int spoiler = spoilerText == null ? 0 : FORMATTER.count(spoilerText, rules);
        return spoiler + FORMATTER.count(text, rules);
    }

    /** Each part's text without its warning line and numbering, checking both are there. */
    private static List<String> bodies(SoftAssertions softly, FormatResult.Formatted formatted, TargetRules rules,
                                       String warning, String context) {
        String warningLine = warning == null || rules.hasContentWarningField()
                ? ""
                : "CW: " + rewritten(warning, rules) + "\n\n";
        int total = formatted.parts().size();
        return formatted.parts().stream().map(part -> {
            String numbering = total == 1 ? "" : " " + part.index() + "/" + total;
            softly.assertThat(part.text()).as(context).startsWith(warningLine).endsWith(numbering);
            String body = part.text().substring(warningLine.length(), part.text().length() - numbering.length());
            softly.assertThat(body).as(context).isNotBlank().isEqualTo(body.strip());
            return body;
        }).toList();
    }

    private static Outcome checkBodies(SoftAssertions softly, OverflowRule overflow, String rewritten,
                                       List<String> bodies, String originalUrl, String context) {
        if (bodies.size() > 1) {
            softly.assertThat(overflow).as(context).isEqualTo(OverflowRule.THREAD);
            softly.assertThat(lostAtCuts(rewritten, bodies)).as(context).isEmpty();
            return Outcome.THREADED;
        }
        if (bodies.get(0).equals(rewritten)) {
            return Outcome.ONE_PART;
        }
        softly.assertThat(overflow).as(context).isEqualTo(OverflowRule.TRUNCATE);
        String tail = originalUrl == null ? "…" : "… " + originalUrl;
        softly.assertThat(bodies.get(0)).as(context).endsWith(tail);
        String head = bodies.get(0).substring(0, bodies.get(0).length() - tail.length());
        softly.assertThat(rewritten).as(context).startsWith(head);
        return Outcome.TRUNCATED;
    }

    /** What of the text the bodies do not give back in order, apart from whitespace between them. */
    private static String lostAtCuts(String text, List<String> bodies) {
        int at = 0;
        for (String body : bodies) {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
            if (!text.startsWith(body, at)) {
                return "expected " + body + " at " + at + " of " + text;
            }
            at += body.length();
        }
        return text.substring(at).strip();
    }

    /** The text as the target gets it before any cut: what a limit nothing reaches leaves whole. */
    private static String rewritten(String text, TargetRules rules) {
        TargetRules roomy = new TargetRules(rules.platform(), Integer.MAX_VALUE, rules.counting(),
                rules.charactersPerUrl(), null);
        FormatResult.Formatted whole = (FormatResult.Formatted) FORMATTER.format(new PostDraft(text, null, null, null),
                roomy, OverflowRule.REFUSE);
        return whole.parts().get(0).text();
    }

    private static String warning(PostDraft draft) {
        return draft.contentWarning() == null || draft.contentWarning().isBlank() ? null
                : draft.contentWarning().strip();
    }

    private static String platformName(Platform platform) {
        return switch (platform) {
            case THREADS -> "Threads";
            case FACEBOOK -> "Facebook";
            case MASTODON -> "Mastodon";
            case BLUESKY -> "Bluesky";
        };
    }
}
