package dev.weft.api.crossposting.platforms;

/** A Graph fake refusing a request with a Graph error, thrown from wherever the rule is checked. */
final class GraphRefusal extends RuntimeException {
    private final GraphError error;

    GraphRefusal(GraphError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    GraphError error() {
        return error;
    }
}
