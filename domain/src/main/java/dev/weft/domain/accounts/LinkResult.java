package dev.weft.domain.accounts;

/** The link a link command ended on, and whether it was an existing one given fresh credentials. */
public record LinkResult(String linkId, boolean reauthorized) {
}
