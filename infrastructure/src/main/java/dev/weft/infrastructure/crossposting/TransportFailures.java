package dev.weft.infrastructure.crossposting;

import dev.weft.infrastructure.http.BlockedDestinationException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.net.ssl.SSLHandshakeException;
import org.apache.hc.client5.http.ConnectTimeoutException;

/**
 * Tells the failures after which a platform certainly did nothing (no connection was made:
 * refused, unresolvable, timed out connecting, TLS handshake failed, or Weft's address policy
 * refused the address) from those after which it may have acted (the request was written and
 * no answer came). The safe client wraps Apache HttpClient's exception, so the whole cause
 * chain is read. Descriptions never hold a token: URLs in messages carry access_token
 * parameters, which are blanked.
 */
public final class TransportFailures {
    private static final Pattern TOKEN_PARAMETER = Pattern.compile("(access_token=)[^&\\s]*");

    private TransportFailures() {
    }

    public static boolean nothingWasSent(RuntimeException failure) {
        if (failure instanceof BlockedDestinationException) {
            return true;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (isConnectFailure(cause)) {
                return true;
            }
        }
        return false;
    }

    /** ConnectTimeoutException is a SocketTimeoutException too, so it is asked about first. */
    private static boolean isConnectFailure(Throwable cause) {
        return cause instanceof ConnectTimeoutException || cause instanceof ConnectException
                || cause instanceof UnknownHostException || cause instanceof NoRouteToHostException
                || cause instanceof SSLHandshakeException
                || (cause instanceof SocketTimeoutException && mentionsConnect(cause));
    }

    private static boolean mentionsConnect(Throwable cause) {
        String message = cause.getMessage();
        return message != null && message.toLowerCase(Locale.ROOT).contains("connect timed out");
    }

    public static String describe(String platform, RuntimeException failure) {
        if (failure instanceof BlockedDestinationException) {
            return platform + " was not called: Weft's address policy refuses the destination ("
                    + redacted(failure.getMessage()) + "); weft.federation.allowed-private-networks can allow it";
        }
        String what = nothingWasSent(failure) ? " could not be reached: " : " did not answer: ";
        return platform + what + redacted(rootCause(failure));
    }

    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    static String redacted(String text) {
        return text == null ? "" : TOKEN_PARAMETER.matcher(text).replaceAll("$1[redacted]");
    }
}
