package dev.weft.domain.accounts;

/**
 * Claims handles across all accounts. The claim joins the transaction that appends the
 * registration event, so a refused or failed registration leaves no claim behind.
 * Claims are never released: a handle once federated must not be reused by someone else.
 */
public interface HandleRegistry {
    /** @return false when another account holds the handle already */
    boolean claim(String normalizedHandle, String accountId);
}
