package dev.weft.api.crossposting.platforms;

/** Mastodon refusing a request: its HTTP status and the {"error": ...} it words it with. */
final class MastodonRefusal extends RuntimeException {
    private final int status;

    MastodonRefusal(int status, String error) {
        super(error, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }

    static MastodonRefusal unauthorized(String error) {
        return new MastodonRefusal(401, error);
    }

    static MastodonRefusal notFound(String error) {
        return new MastodonRefusal(404, error);
    }

    static MastodonRefusal invalid(String validationMessage) {
        return new MastodonRefusal(422, "Validation failed: " + validationMessage);
    }
}
