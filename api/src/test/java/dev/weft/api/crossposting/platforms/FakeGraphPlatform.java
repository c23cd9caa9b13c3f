package dev.weft.api.crossposting.platforms;

import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.matching.UrlPathPattern;

/**
 * A fake of a Graph API (Threads' or Facebook's): a versioned base URL, Graph errors a test
 * can plan beyond the common failures, and request patterns that match with or without the
 * version prefix, as the Graph API serves both.
 */
abstract class FakeGraphPlatform<T extends FakeGraphPlatform<T>> extends FakePlatform<T> {
    private static final String VERSION_PREFIX = "(/v[0-9.]+)?";

    private final String version;

    FakeGraphPlatform(String name, String version, GraphApi api) {
        super(name, api);
        this.version = version;
    }

    /**
     * Like https://graph.threads.net/v1.0 or https://graph.facebook.com/v21.0: the version is
     * part of the base URL.
     */
    @Override
    public String baseUrl() {
        return origin() + "/" + version;
    }

    /** For the errors no {@link Failure} covers, such as a policy block or a duplicate post. */
    public void failNextWithGraphError(int times, RequestPatternBuilder requests, GraphError error) {
        refuseNext(times, requests, () -> error.response().build());
    }

    /** The path, a regular expression, whether or not the request names a version. */
    static UrlPathPattern graphPath(String path) {
        return urlPathMatching(VERSION_PREFIX + path);
    }
}
