package dev.weft.api.crossposting.platforms;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;

/**
 * What the Graph APIs (Threads' and Facebook's) answer alike: a request is read as a
 * {@link GraphRequest}, any rule broken on the way is a {@link GraphRefusal} answered in the
 * Graph error shape, and planned failures are Graph errors too. Each platform routes.
 */
abstract class GraphApi implements PlatformApi {

    @Override
    public final ResponseDefinition answer(Request request) {
        GraphRequest graph = GraphRequest.of(request);
        try {
            return route(graph).build();
        } catch (GraphRefusal refusal) {
            return refusal.error().response().build();
        }
    }

    @Override
    public final ResponseDefinition refusal(Failure failure) {
        if (failure instanceof Failure.RateLimited rateLimited) {
            return GraphError.rateLimited(4).withHttpStatus(429).response()
                    .withHeader("Retry-After", Long.toString(rateLimited.retryAfterSeconds())).build();
        }
        return GraphError.unexpected().response().build();
    }

    /** Throws a {@link GraphRefusal} for whatever the platform refuses. */
    abstract ResponseDefinitionBuilder route(GraphRequest request);
}
