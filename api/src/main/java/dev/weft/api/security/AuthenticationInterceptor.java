package dev.weft.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/** Authenticates every API call except registration; a present but unknown token is always a 401. */
@Component
public class AuthenticationInterceptor implements HandlerInterceptor {
    private final BearerTokenAuthenticator authenticator;

    public AuthenticationInterceptor(BearerTokenAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null && isRegistration(request)) {
            return true;
        }
        Caller caller = authenticator.authenticate(authorization)
                .orElseThrow(() -> UnauthenticatedException.forHeader(authorization));
        request.setAttribute(Access.CALLER_ATTRIBUTE, caller);
        return true;
    }

    private static boolean isRegistration(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && "/api/v1/accounts".equals(request.getRequestURI());
    }
}
