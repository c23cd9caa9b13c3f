package dev.weft.infrastructure.crossposting;

/**
 * Carries a {@link PlatformFailure} from the step of a flow that met it to the port method,
 * which reports it as an outcome: a connector's steps stay straight-line code, and nothing a
 * platform said ever leaves the connector as an exception. Its message is the failure's
 * reason, which never holds a secret; it keeps no stack trace, being no programming error.
 */
public final class FailedRequest extends RuntimeException {
    private final transient PlatformFailure failure;

    public FailedRequest(PlatformFailure failure) {
        super(failure.reason(), null, false, false);
        this.failure = failure;
    }

    public PlatformFailure failure() {
        return failure;
    }
}
