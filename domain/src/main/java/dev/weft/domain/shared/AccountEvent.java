package dev.weft.domain.shared;

/**
 * An event that belongs to one local account. Projections sequence on it, and the
 * crypto-shredding of a later release will pick the account's key by it.
 */
public interface AccountEvent {
    String accountId();
}
