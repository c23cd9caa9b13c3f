package dev.weft.application.crossposting;

import dev.weft.application.crossposting.formatting.FormatResult;
import dev.weft.application.crossposting.formatting.FormattedPart;
import dev.weft.application.links.LinkView;
import java.util.List;

/**
 * One link's preview: sendable with its parts, or refused with the reason (counted and
 * limit say by how much, when it is too long). A public post's link to its original shows
 * with {@link CrossPostPreview#PLACEHOLDER_POST_ID} for the id it will get.
 */
public record TargetPreview(String linkId, String platform, String overflow, boolean sendable,
                            List<PreviewPart> parts, String spoilerText, String reason, Integer counted,
                            Integer limit) {

    public record PreviewPart(int index, String text, int counted, int limit) {
    }

    static TargetPreview refused(LinkView link, String reason) {
        return new TargetPreview(link.id(), link.platform(), link.overflow(), false, List.of(), null, reason, null,
                null);
    }

    static TargetPreview of(LinkView link, FormatResult result) {
        if (result instanceof FormatResult.Refused refused) {
            return new TargetPreview(link.id(), link.platform(), link.overflow(), false, List.of(), null,
                    refused.reason(), refused.counted(), refused.limit());
        }
        FormatResult.Formatted formatted = (FormatResult.Formatted) result;
        return new TargetPreview(link.id(), link.platform(), link.overflow(), true,
                formatted.parts().stream().map(TargetPreview::part).toList(), formatted.spoilerText(), null, null,
                null);
    }

    private static PreviewPart part(FormattedPart part) {
        return new PreviewPart(part.index(), part.text(), part.counted(), part.limit());
    }
}
