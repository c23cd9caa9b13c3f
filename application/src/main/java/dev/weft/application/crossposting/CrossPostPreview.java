package dev.weft.application.crossposting;

import dev.weft.application.crossposting.formatting.CrossPostFormatter;
import dev.weft.application.crossposting.formatting.FormatResult;
import dev.weft.application.crossposting.formatting.PostDraft;
import dev.weft.application.crossposting.formatting.TargetRules;
import dev.weft.application.crossposting.platforms.LinkTarget;
import dev.weft.application.crossposting.platforms.PlatformConnectors;
import dev.weft.application.crossposting.platforms.PlatformUnreachableException;
import dev.weft.application.links.LinkDirectory;
import dev.weft.application.links.LinkView;
import dev.weft.application.posts.NewPost;
import dev.weft.application.shared.WeftSettings;
import dev.weft.domain.links.OverflowRule;
import dev.weft.domain.links.Platform;
import dev.weft.domain.posts.PostRules;
import dev.weft.domain.posts.Visibility;
import dev.weft.domain.shared.NotEligibleException;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * What a post would become on each selected link, before it is published: the exact text
 * of each part and its count against the platform's limit, or why it cannot go. It asks the
 * same formatter, audience rule and platform limits as the sender, so the two agree.
 */
@Service
public class CrossPostPreview {
    /** Stands for the id a post gets when published: a UUID too, so the preview counts the very same length. */
    public static final String PLACEHOLDER_POST_ID = "00000000-0000-0000-0000-000000000000";
    private final LinkDirectory links;
    private final PlatformConnectors connectors;
    private final CrossPostFormatter formatter;
    private final WeftSettings settings;

    public CrossPostPreview(LinkDirectory links, PlatformConnectors connectors, CrossPostFormatter formatter,
                            WeftSettings settings) {
        this.links = links;
        this.connectors = connectors;
        this.formatter = formatter;
        this.settings = settings;
    }

    public List<TargetPreview> preview(String accountId, NewPost post) {
        PostDraft draft = new PostDraft(PostRules.text(post.text()), PostRules.contentWarning(post.contentWarning()),
                PostRules.language(post.language()), isPublic(post) ? settings.postUrl(PLACEHOLDER_POST_ID) : null);
        return targets(accountId, post.crossPostTo()).stream()
                .map(link -> previewOn(link, draft, Visibility.fromWireName(post.visibility()).wireName()))
                .toList();
    }

    private List<LinkView> targets(String accountId, List<String> requested) {
        List<LinkView> all = links.linksOf(accountId);
        if (requested == null) {
            return all.stream().filter(LinkView::crossPostByDefault).toList();
        }
        return requested.stream().distinct().map(id -> all.stream().filter(l -> l.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotEligibleException("crossPostTo", "link " + id
                        + " is not linked to this account"))).toList();
    }

    private TargetPreview previewOn(LinkView link, PostDraft draft, String visibility) {
        Platform platform = Platform.fromWireName(link.platform());
        Optional<String> audience = CrossPostAudience.refusal(visibility, platform);
        if (audience.isPresent()) {
            return TargetPreview.refused(link, audience.get());
        }
        try {
            TargetRules rules = connectors.of(platform).rules(target(link, platform));
            FormatResult result = formatter.format(draft, rules, OverflowRule.fromWireName(link.overflow()));
            return TargetPreview.of(link, result);
        } catch (PlatformUnreachableException e) {
            return TargetPreview.refused(link, "the limits of " + platform.wireName() + " could not be read: "
                    + e.getMessage());
        }
    }

    private static boolean isPublic(NewPost post) {
        return Visibility.fromWireName(post.visibility()) == Visibility.PUBLIC;
    }

    private static LinkTarget target(LinkView link, Platform platform) {
        return new LinkTarget(link.id(), platform, link.instanceUrl(), link.remoteAccountId(),
                link.externalAccountId());
    }
}
