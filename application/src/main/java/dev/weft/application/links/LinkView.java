package dev.weft.application.links;

import java.time.Instant;

public record LinkView(String id, String platform, String externalAccountId, String instanceUrl,
                       boolean crossPostByDefault, Instant linkedAt) {
}
