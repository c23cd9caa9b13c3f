package dev.weft.domain.links;

/** The personal part of a link: who the person is on the other platform. */
public record LinkedAccountData(String externalAccountId, String instanceUrl) {
}
