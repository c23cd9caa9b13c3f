package dev.weft.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Metrics name every server Weft delivers to and how its queues stand, so only the operator
 * token reads them; health stays open for load balancers and container checks. Actuator's
 * endpoints bypass the API's interceptor, hence a filter, whose refusals still go through
 * the one problem+json handler.
 */
@Component
public class ActuatorAccess extends OncePerRequestFilter {
    private final BearerTokenAuthenticator authenticator;
    private final HandlerExceptionResolver problems;

    public ActuatorAccess(BearerTokenAuthenticator authenticator,
                          @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        this.authenticator = authenticator;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !path.startsWith("/actuator") || path.equals("/actuator/health")
                || path.startsWith("/actuator/health/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader("Authorization");
        Optional<Caller> caller = authenticator.authenticate(authorization);
        if (caller.isEmpty()) {
            problems.resolveException(request, response, null, UnauthenticatedException.forHeader(authorization));
        } else if (!(caller.get() instanceof Caller.Operator)) {
            problems.resolveException(request, response, null,
                    new ForbiddenException("only operators may read the engine's metrics"));
        } else {
            chain.doFilter(request, response);
        }
    }
}
