package dev.weft.api.crossposting.platforms;

/** The PDS refusing a request as XRPC does: an HTTP status and {"error": name, "message": text}. */
final class XrpcRefusal extends RuntimeException {
    private final int status;
    private final String error;

    XrpcRefusal(int status, String error, String message) {
        super(message, null, false, false);
        this.status = status;
        this.error = error;
    }

    int status() {
        return status;
    }

    String error() {
        return error;
    }

    static XrpcRefusal invalidRequest(String message) {
        return new XrpcRefusal(400, "InvalidRequest", message);
    }

    static XrpcRefusal invalidToken(String message) {
        return new XrpcRefusal(400, "InvalidToken", message);
    }

    static XrpcRefusal expiredToken(String message) {
        return new XrpcRefusal(400, "ExpiredToken", message);
    }

    static XrpcRefusal authenticationRequired(String message) {
        return new XrpcRefusal(401, "AuthenticationRequired", message);
    }

    static XrpcRefusal authMissing() {
        return new XrpcRefusal(401, "AuthMissing", "Authentication Required");
    }

    /** A 500 says no more than this, whatever went wrong, as the reference PDS hides the details. */
    static XrpcRefusal internalServerError() {
        return new XrpcRefusal(500, "InternalServerError", "Internal Server Error");
    }
}
