package dev.weft.api.support.federation;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;

/** A remote inbox on 127.0.0.1 that answers as scripted and keeps what it received. */
public final class InboxSink implements AutoCloseable {
    private final HttpServer server;
    private final ConcurrentLinkedDeque<Reply> script = new ConcurrentLinkedDeque<>();
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private volatile Reply otherwise;

    public record Reply(int status, Map<String, String> headers, long delayMillis) {
        public static Reply of(int status) {
            return new Reply(status, Map.of(), 0);
        }
    }

    public record Received(String body, String contentType, String signature, Instant at) {
    }

    public InboxSink(Reply otherwise) {
        this("127.0.0.1", otherwise);
    }

    /**
     * On another loopback address (127.0.0.2, ...): Weft tells servers apart by host name,
     * not port, so two servers in one test need two addresses.
     */
    public InboxSink(String address, Reply otherwise) {
        this.otherwise = otherwise;
        try {
            server = HttpServer.create(new InetSocketAddress(address, 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/inbox", this::handle);
        server.start();
    }

    /** Answers these first, in order, then the default. */
    public InboxSink then(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    public void answerFromNowOn(Reply reply) {
        otherwise = reply;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(body, exchange.getRequestHeaders().getFirst("Content-Type"),
                exchange.getRequestHeaders().getFirst("Signature"), Instant.now()));
        Reply reply = script.pollFirst();
        reply = reply == null ? otherwise : reply;
        if (reply.delayMillis() > 0) {
            try {
                Thread.sleep(reply.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(reply.status(), -1);
        exchange.close();
    }

    public String inbox() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/inbox";
    }

    public String host() {
        return server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    /** The server's name as Weft knows it: its address, without the port. */
    public String hostName() {
        return server.getAddress().getHostString();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public int count() {
        return received.size();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
