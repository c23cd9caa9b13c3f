package dev.weft.application.crossposting.platforms;

import java.time.Instant;

/** What became of renewing a link's token. */
public sealed interface CredentialRefresh {
    record NotDue() implements CredentialRefresh {
    }

    record Refreshed(Instant expiresAt) implements CredentialRefresh {
    }

    /** The platform refused the token: the person must link the account again. */
    record Unauthorized(String reason) implements CredentialRefresh {
    }

    /** Could not be renewed this time (platform down); tried again on the next round. */
    record Failed(String reason) implements CredentialRefresh {
    }
}
