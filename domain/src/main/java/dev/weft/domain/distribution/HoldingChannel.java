package dev.weft.domain.distribution;

/** How a recipient came to hold a post: what the ledger names as the disclosure's channel. */
public enum HoldingChannel {
    /** Weft delivered the post's Create to the server's inbox, and it answered 2xx. */
    DELIVERY,
    /** The platform confirmed the copy on a linked account. */
    CROSS_POST,
    /** Someone on the server liked, reposted or replied to the post: the server has it, though Weft did not send it there. */
    ENGAGEMENT,
    /** The server fetched the post with a signed request. */
    SIGNED_FETCH
}
