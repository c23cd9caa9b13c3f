package dev.weft.application.crossposting.formatting;

import dev.weft.domain.links.OverflowRule;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a Weft post into the parts one target receives. Preview and publish both call
 * {@link #format}, so it is pure: the same draft and rules always give an equal result.
 *
 * <p>Design decisions:
 * <ul>
 *   <li>Counting is the target's own: grapheme clusters (ICU, which follows each Unicode
 *   release), emoji clusters as their UTF-8 bytes on Threads, every URL as
 *   characters_reserved_per_url and a fediverse mention as its @user on Mastodon, whose
 *   spoiler_text counts with the text. Bluesky's UTF-8 size must fit too.</li>
 *   <li>Mentions never cross networks as mentions (see {@link MentionRewriter}): on
 *   Mastodon {@code @user@host} stays and a bare {@code @name} becomes
 *   {@code @name@localDomain}; elsewhere both become links, {@code https://host/@user} and
 *   {@code baseUrl/@name}. The content warning is rewritten too where it is part of the text.</li>
 *   <li>The content warning is Mastodon's spoiler_text; elsewhere each part opens with
 *   "CW: warning" and a blank line. It is counted in every part.</li>
 *   <li>A thread's parts are numbered " 1/3" style: a space, then index/total, at the end of
 *   the part's last line. A post that fits one part is never numbered.</li>
 *   <li>Cuts never fall inside a link, mention, hashtag or grapheme cluster. A thread is cut
 *   after blank lines, else between sentences, else between words; a truncated post between
 *   words. Only a single word longer than a whole part is cut between grapheme clusters, so
 *   that a long unspaced run does not make a post impossible to send.</li>
 *   <li>The post's surrounding whitespace and the whitespace at every cut are dropped; the
 *   author's line breaks inside a part are kept.</li>
 * </ul>
 */
public final class CrossPostFormatter {
    private final MentionRewriter mentions;

    /**
     * localDomain: Weft's own host (e.g. "weft.example" or "localhost:8080"); baseUrl: Weft's
     * public base URL, e.g. "https://weft.example".
     */
    public CrossPostFormatter(String baseUrl, String localDomain) {
        this.mentions = new MentionRewriter(baseUrl, localDomain);
    }

    public FormatResult format(PostDraft draft, TargetRules rules, OverflowRule overflow) {
        String text = mentions.rewrite(draft.text() == null ? "" : draft.text().strip(), rules);
        PartFrame frame = PartFrame.of(rules, contentWarning(draft, rules));
        if (text.isEmpty()) {
            return frame.refusedEmpty();
        }
        if (frame.fits(text)) {
            return formatted(frame, List.of(text));
        }
        return switch (overflow) {
            case REFUSE -> frame.refused(text, "");
            case TRUNCATE -> truncated(text, frame, draft.originalUrl());
            case THREAD -> threaded(text, frame);
        };
    }

    /** How many characters this text counts as on the target, the target's way. */
    public int count(String text, TargetRules rules) {
        return CharacterCount.of(text, rules);
    }

    /** Null when the post has none. */
    private String contentWarning(PostDraft draft, TargetRules rules) {
        String warning = draft.contentWarning() == null ? "" : draft.contentWarning().strip();
        if (warning.isEmpty()) {
            return null;
        }
        return rules.hasContentWarningField() ? warning : mentions.rewrite(warning, rules);
    }

    private static FormatResult truncated(String text, PartFrame frame, String originalUrl) {
        return Truncation.shortened(text, frame, originalUrl)
                .<FormatResult>map(body -> formatted(frame, List.of(body)))
                .orElseGet(() -> frame.refused(text, ", and no shortened copy fits: the content warning, the link to"
                        + " the original or a link it starts with leaves no room"));
    }

    private static FormatResult threaded(String text, PartFrame frame) {
        if (!frame.rules().allowsThreads()) {
            return frame.refused(text, ", and " + frame.platformName() + " pages have no threads to continue it in");
        }
        return ThreadSplitter.split(text, frame)
                .<FormatResult>map(bodies -> formatted(frame, bodies))
                .orElseGet(() -> frame.refused(text, ", and it cannot be split into a thread: a link, mention or"
                        + " hashtag in it does not fit one part with the content warning and numbering"));
    }

    private static FormatResult.Formatted formatted(PartFrame frame, List<String> bodies) {
        List<FormattedPart> parts = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            parts.add(frame.part(i + 1, bodies.get(i)));
        }
        return new FormatResult.Formatted(parts, frame.spoilerText());
    }
}
