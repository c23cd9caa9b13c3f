package dev.weft.application.links;

public record NewLink(String platform, String externalAccountId, String instanceUrl, String accessToken,
                      boolean crossPostByDefault) {
}
