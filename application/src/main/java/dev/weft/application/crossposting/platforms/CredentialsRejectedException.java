package dev.weft.application.crossposting.platforms;

import dev.weft.domain.shared.NotEligibleException;

/** The platform refused the credentials given for a link; the message is the platform's reason. */
public class CredentialsRejectedException extends NotEligibleException {
    public CredentialsRejectedException(String field, String message) {
        super(field, message);
    }
}
