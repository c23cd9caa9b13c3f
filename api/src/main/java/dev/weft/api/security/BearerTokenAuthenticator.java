package dev.weft.api.security;

import dev.weft.application.accounts.AccountDirectory;
import dev.weft.application.accounts.BearerTokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Resolves an Authorization header to a caller. Operator and auditor tokens come from configuration. */
@Component
public class BearerTokenAuthenticator {
    private static final String PREFIX = "Bearer ";
    private final AccountDirectory accounts;
    private final String operatorToken;
    private final String auditorToken;

    public BearerTokenAuthenticator(AccountDirectory accounts,
                                    @Value("${weft.security.operator-token:}") String operatorToken,
                                    @Value("${weft.security.auditor-token:}") String auditorToken) {
        this.accounts = accounts;
        this.operatorToken = operatorToken;
        this.auditorToken = auditorToken;
    }

    public Optional<Caller> authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Optional.empty();
        }
        String token = authorization.substring(PREFIX.length()).strip();
        if (matches(token, operatorToken)) {
            return Optional.of(new Caller.Operator());
        }
        if (matches(token, auditorToken)) {
            return Optional.of(new Caller.Auditor());
        }
        return accounts.accountIdForCredential(BearerTokens.hash(token)).map(Caller.AccountHolder::new);
    }

    /** Constant-time, so the configured tokens cannot be guessed byte by byte from timings. */
    private static boolean matches(String presented, String configured) {
        return configured != null && !configured.isBlank() && MessageDigest.isEqual(
                presented.getBytes(StandardCharsets.UTF_8), configured.getBytes(StandardCharsets.UTF_8));
    }
}
