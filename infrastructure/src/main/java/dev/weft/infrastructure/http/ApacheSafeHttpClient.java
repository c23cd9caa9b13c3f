package dev.weft.infrastructure.http;

import dev.weft.infrastructure.config.WeftProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpDelete;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Apache HttpClient 5 behind the address policy. The check sits in the DNS resolver, so the
 * address refused or allowed is the very one the socket connects to: a name that resolves
 * to a public address when looked up and to 127.0.0.1 at connect time (DNS rebinding) has
 * no second lookup to exploit. Redirects are followed here, not by the library, so each hop
 * passes the same gate and a POST is never replayed elsewhere.
 */
@Component
public class ApacheSafeHttpClient implements SafeHttpClient, DisposableBean {
    static final int MAX_REDIRECTS = 3;
    private static final int MAX_TOTAL_CONNECTIONS = 512;
    /** The client writes these from the body itself; a second copy makes it refuse the request. */
    private static final java.util.Set<String> MANAGED_HEADERS = java.util.Set.of("content-length",
            "transfer-encoding");

    private final SafeHttpSettings settings;
    private final AddressPolicy policy;
    private final PoolingHttpClientConnectionManager connections;
    private final CloseableHttpClient client;

    @Autowired
    public ApacheSafeHttpClient(WeftProperties properties) {
        this(settingsOf(properties));
    }

    public ApacheSafeHttpClient(SafeHttpSettings settings) {
        this.settings = settings;
        this.policy = new AddressPolicy(settings.allowedPrivateNetworks());
        this.connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new CheckingResolver(policy))
                .setMaxConnPerRoute(settings.perHostConcurrency())
                .setMaxConnTotal(MAX_TOTAL_CONNECTIONS)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        .setSocketTimeout(Timeout.of(settings.readTimeout()))
                        .setValidateAfterInactivity(TimeValue.ofMilliseconds(500))
                        .build())
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(Timeout.of(settings.readTimeout()))
                        .setResponseTimeout(Timeout.of(settings.readTimeout()))
                        .build())
                .disableRedirectHandling()
                .setRetryStrategy(new StaleConnectionRetry())
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent(settings.userAgent())
                .build();
    }

    private static SafeHttpSettings settingsOf(WeftProperties properties) {
        WeftProperties.Delivery delivery = properties.federation().delivery();
        return new SafeHttpSettings(delivery.connectTimeout(), delivery.readTimeout(), delivery.maxResponseBytes(),
                delivery.perHostConcurrency(), properties.federation().allowedPrivateNetworks(),
                userAgent(properties.baseUrl()));
    }

    static String userAgent(String baseUrl) {
        String version = ApacheSafeHttpClient.class.getPackage().getImplementationVersion();
        return "Weft/" + (version == null ? "0.1.0" : version) + " (+" + baseUrl + ")";
    }

    @Override
    public HttpReply get(URI target, Map<String, String> headers) {
        URI current = target;
        for (int hop = 0; ; hop++) {
            HttpReply reply = execute(new HttpGet(checked(current)), current, headers, null);
            URI next = redirectTarget(reply, current);
            if (next == null) {
                return reply;
            }
            if (hop == MAX_REDIRECTS) {
                throw new BlockedDestinationException(target + " redirects more than " + MAX_REDIRECTS + " times");
            }
            current = next;
        }
    }

    @Override
    public HttpReply post(URI target, Map<String, String> headers, byte[] body) {
        return execute(new HttpPost(checked(target)), target, headers, body);
    }

    @Override
    public HttpReply delete(URI target, Map<String, String> headers) {
        return execute(new HttpDelete(checked(target)), target, headers, null);
    }

    private HttpReply execute(HttpUriRequestBase request, URI uri, Map<String, String> headers, byte[] body) {
        headers.forEach((name, value) -> {
            if (!MANAGED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                request.setHeader(name, value);
            }
        });
        if (body != null) {
            String type = headers.getOrDefault("Content-Type", "application/activity+json");
            request.setEntity(new ByteArrayEntity(body, ContentType.parse(type)));
        }
        try {
            return client.execute(request, response -> reply(response, uri));
        } catch (IOException e) {
            throw new UncheckedIOException(request.getMethod() + " " + uri + " failed: " + e.getMessage(), e);
        }
    }

    private HttpReply reply(ClassicHttpResponse response, URI uri) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Header header : response.getHeaders()) {
            headers.computeIfAbsent(header.getName().toLowerCase(Locale.ROOT), k -> new java.util.ArrayList<>())
                    .add(header.getValue());
        }
        return new HttpReply(response.getCode(), headers, capped(response.getEntity(), uri), uri);
    }

    private byte[] capped(HttpEntity entity, URI uri) throws IOException {
        if (entity == null) {
            return new byte[0];
        }
        long limit = settings.maxResponseBytes();
        if (entity.getContentLength() > limit) {
            throw new ResponseTooLargeException(uri.toString(), limit);
        }
        try (InputStream in = entity.getContent()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (body.length > limit) {
                throw new ResponseTooLargeException(uri.toString(), limit);
            }
            return body;
        }
    }

    private static URI redirectTarget(HttpReply reply, URI current) {
        int status = reply.status();
        boolean redirect = status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
        String location = reply.header("location");
        return redirect && location != null ? current.resolve(location.strip()) : null;
    }

    /** Literal addresses are refused before any socket is opened; names are checked when resolved. */
    private URI checked(URI target) {
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new BlockedDestinationException("only http and https URLs may be fetched: " + target);
        }
        String host = target.getHost();
        if (host == null || host.isBlank()) {
            throw new BlockedDestinationException("no host in " + target);
        }
        return target;
    }

    @Override
    public void destroy() throws IOException {
        client.close();
        connections.close();
    }

    /** Resolves as the system does, then refuses the whole answer if any address is refused. */
    private static final class CheckingResolver implements DnsResolver {
        private final AddressPolicy policy;

        CheckingResolver(AddressPolicy policy) {
            this.policy = policy;
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
            InetAddress[] addresses = SystemDefaultDnsResolver.INSTANCE.resolve(bare);
            Arrays.stream(addresses).forEach(address -> policy.check(host, address));
            return addresses;
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
        }
    }
}
