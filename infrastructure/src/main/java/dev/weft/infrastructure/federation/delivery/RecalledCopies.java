package dev.weft.infrastructure.federation.delivery;

/**
 * The SQL of one rule, used by the claim, the sweep, withdrawal, redelivery and the
 * recipients of edits: a post's copy on a server is recalled once a Delete of it is in the
 * outbox, and from then on none of its Creates or Updates may go there.
 */
final class RecalledCopies {
    /** The deliveries that carry the post itself. */
    static final String CARRIES_POST = "purpose IN ('POST_CREATE', 'POST_UPDATE')";

    /** Those of the copies bound to the parameter (an array) that have a Delete. */
    static final String RECALLED_AMONG = "SELECT DISTINCT copy_id FROM federation.delivery WHERE copy_id = ANY (?) "
            + "AND purpose = 'POST_DELETE'";

    private RecalledCopies() {
    }

    /** The copy of the row named by alias (a table alias or the table's name) has a Delete. */
    static String recalled(String alias) {
        return "EXISTS (SELECT 1 FROM federation.delivery recall WHERE recall.copy_id = " + alias
                + ".copy_id AND recall.purpose = 'POST_DELETE')";
    }

    /** The row named by alias carries a post whose copy has a Delete. */
    static String carriesRecalledPost(String alias) {
        return "(" + alias + ".copy_id IS NOT NULL AND " + alias + "." + CARRIES_POST + " AND " + recalled(alias) + ")";
    }
}
