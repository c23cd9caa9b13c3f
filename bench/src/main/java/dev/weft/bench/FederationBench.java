package dev.weft.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.security.Provider;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.HdrHistogram.Histogram;

/**
 * The two federation benchmarks, one subcommand each:
 *
 * <ul>
 *   <li>{@code fanout}: one post from an account with F followers on S loopback servers;
 *       deliveries/s, time to drain and the engine's peak heap, against the JVM's RSA sign rate.</li>
 *   <li>{@code inbox}: signed Likes from A remote actors POSTed to the shared inbox by N
 *       clients; accepted/s and latencies against the JVM's RSA verify rate, then how many
 *       Weft processed and how long that took.</li>
 * </ul>
 *
 * Both start their own embedded PostgreSQL and the engine jar as a child process, as the
 * publish benchmark does, and a {@link RemoteFleet} of fake servers on 127.1.x.y. They
 * report against their targets and never fail on them.
 */
public final class FederationBench {
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);

    static final String USAGE = """
            Weft federation benchmarks.
              federation-fanout.sh [--option=value ...]   (= FederationBench fanout)
              federation-inbox.sh  [--option=value ...]   (= FederationBench inbox)
            Options (argument, or environment variable WEFT_BENCH_<NAME> with - as _):
              common: --engine-jar=api/target/weft.jar --engine-jvm-opts="-XX:MaxRAMPercentage=75"
                      --out-dir=bench/out --start-timeout=180 --baseline-seconds=5 --jfr=false --pg-statements=false
                      --sink-threads=8 --key-pool=16
              fanout: --followers=10000 --servers=2000 --seed-concurrency=8 --seed-timeout=300
                      --drain-timeout=180 --heap-interval-ms=100
              fanout: --warmup-posts=1 (posts delivered before the measured one; 0 = a cold engine)
              fanout: --fedify-dir=bench/fedify --fedify-modes=noqueue,parallel64 (also: queue; none = skip)
              inbox:  --actors=1000 --servers=200 --clients=16 --warmup=3 --duration=20
                      --pool=40000 --posts=1 --drain-timeout=120
            """;

    private static final List<String> KEYS = List.of("engine-jar", "engine-jvm-opts", "out-dir", "start-timeout",
            "baseline-seconds", "jfr", "pg-statements", "sink-threads", "key-pool", "followers", "servers", "seed-concurrency",
            "seed-timeout", "drain-timeout", "heap-interval-ms", "actors", "clients", "warmup", "duration", "pool",
            "posts", "warmup-posts", "fedify-dir", "fedify-modes");

    private final String mode;
    private final Map<String, String> opts;
    private final List<String> report = new ArrayList<>();
    private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 8);

    private FederationBench(String mode, Map<String, String> opts) {
        this.mode = mode;
        this.opts = opts;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        // The JDK's HTTP server closes a keep-alive connection right after its answer, without
        // saying so, once 200 are idle; with 2,000 servers that would make the fleet drop
        // connections no real server drops. Read when the server class loads: set it first.
        System.setProperty("sun.net.httpserver.maxIdleConnections", "100000");
        // The bare sender talks to each server once; kept 20 minutes (the JDK's default), its
        // 10,000 connections and the fleet's ends of them outgrow the process's file limit.
        System.setProperty("jdk.httpclient.keepalive.timeout", "5");
        if (args.length > 0 && args[0].equals("selftest")) {
            selftest();
            return;
        }
        if (args.length == 0 || !(args[0].equals("fanout") || args[0].equals("inbox"))) {
            System.err.println(USAGE);
            System.exit(2);
        }
        Map<String, String> opts = new LinkedHashMap<>();
        for (String key : KEYS) {
            String env = System.getenv("WEFT_BENCH_" + key.toUpperCase(Locale.ROOT).replace('-', '_'));
            if (env != null && !env.isBlank()) {
                opts.put(key, env.strip());
            }
        }
        for (String arg : Arrays.copyOfRange(args, 1, args.length)) {
            if (arg.equals("-h") || arg.equals("--help")) {
                System.out.println(USAGE);
                return;
            }
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0 || !KEYS.contains(arg.substring(2, eq))) {
                System.err.println("unknown argument " + arg + "\n" + USAGE);
                System.exit(2);
            }
            opts.put(arg.substring(2, eq), arg.substring(eq + 1).strip());
        }
        FederationBench bench = new FederationBench(args[0], opts);
        if (args[0].equals("fanout")) {
            bench.fanout();
        } else {
            bench.inbox();
        }
    }

    /** The bench's own pieces without Weft: fleet, signer, baselines (seconds, no engine). */
    private static void selftest() throws Exception {
        try (RemoteFleet fleet = new RemoteFleet(300, 2, 2, 4)) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            RemoteFleet.Actor actor = fleet.actor(555);
            HttpResponse<String> doc = client.send(HttpRequest.newBuilder(URI.create(actor.id())).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            System.out.println("GET " + actor.id() + " -> " + doc.statusCode() + " " + doc.body());
            CavageSigner.SignedPost post = CavageSigner.post(URI.create(fleet.origin(277) + "/inbox"),
                    "{\"type\":\"Create\",\"id\":\"x\"}", actor.keyId(), actor.keys().getPrivate(), Instant.now());
            System.out.println("signed headers " + post.headers());
            HttpResponse<String> r = client.send(request(post), HttpResponse.BodyHandlers.ofString());
            System.out.println("POST -> " + r.statusCode() + "; creates " + fleet.creates.sum() + " on servers "
                    + fleet.serversWithCreate() + "; other " + fleet.otherKinds());
            String sigHeader = post.headers().get("Signature");
            String sig = sigHeader.substring(sigHeader.indexOf("signature=\"") + 11, sigHeader.length() - 1);
            String signing = "(request-target): post /inbox\nhost: " + ip(fleet, 277) + "\ndate: "
                    + post.headers().get("Date") + "\ndigest: " + post.headers().get("Digest");
            java.security.Signature v = java.security.Signature.getInstance("SHA256withRSA");
            v.initVerify(actor.keys().getPublic());
            v.update(signing.getBytes(StandardCharsets.UTF_8));
            System.out.println("signature verifies: " + v.verify(java.util.Base64.getDecoder().decode(sig)));
        }
        // The sink's own ceiling: 2,000 servers' inboxes each get one small Create from 16 clients,
        // new connection per server as Weft's client would make.
        try (RemoteFleet fleet = new RemoteFleet(2000, 5, 1, 8)) {
            AtomicInteger next = new AtomicInteger();
            CpuSample c0 = CpuSample.of(ProcessHandle.current());
            long t0 = System.nanoTime();
            List<Thread> threads = new ArrayList<>();
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            for (int c = 0; c < 16; c++) {
                Thread t = new Thread(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < 2000) {
                        try {
                            client.send(HttpRequest.newBuilder(URI.create(fleet.origin(i) + "/inbox"))
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"Create\"," + "\"x\":\""
                                            + "x".repeat(1500) + "\"}")).build(), HttpResponse.BodyHandlers.discarding());
                        } catch (Exception e) {
                            System.out.println("sink selftest: " + e);
                        }
                    }
                });
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) {
                t.join();
            }
            double sec = (System.nanoTime() - t0) / 1e9;
            System.out.println("sink: " + fleet.serversWithCreate() + " servers reached in " + fmt(sec, 2) + " s ("
                    + fmt(2000 / sec, 0) + "/s, one connection per server, 16 clients in the same JVM);"
                    + " handlers " + fmt(fleet.handlerNanos.sum() / 1e9, 2) + " s wall; JVM CPU "
                    + fmt(CpuSample.of(ProcessHandle.current()).processCpuMillisSince(c0) / 1000, 2) + " s");
        }
        for (CryptoBaseline.Op op : CryptoBaseline.Op.values()) {
            CryptoBaseline.Result r = CryptoBaseline.measure(op, Runtime.getRuntime().availableProcessors(),
                    Duration.ofSeconds(1), Duration.ofSeconds(2));
            System.out.println(op + ": " + fmt(r.perSecond(), 0) + "/s on " + r.threads() + " threads, " + r.provider()
                    + ", busy " + fmt(r.busyPercent(), 0) + "% own " + fmt(r.ownCpuPercent(), 0) + "%");
        }
    }

    private static String ip(RemoteFleet fleet, int server) {
        return RemoteFleet.ip(server) + ":" + fleet.port();
    }

    // ================================================================== fan-out

    private void fanout() throws Exception {
        int followers = integer("followers", 10_000);
        int servers = integer("servers", 2_000);
        if (followers % servers != 0) {
            throw new IllegalArgumentException("followers must be a multiple of servers");
        }
        int perServer = followers / servers;
        Duration seedTimeout = seconds("seed-timeout", 300);
        Duration drainTimeout = seconds("drain-timeout", 180);
        header("Weft federation fan-out benchmark");
        line("  shape        : 1 post, " + followers + " followers on " + servers + " servers (" + perServer
                + " per server, one shared inbox each) -> " + servers + " deliveries expected");
        try (Harness h = new Harness("fanout"); RemoteFleet fleet = fleet(servers, perServer)) {
            h.start(this);
            WeftApi api = new WeftApi(h.engine.baseUrl());
            WeftApi.Account account = api.sharingAccount("fanout_" + run);
            line("  account      : " + account.handle() + " (" + account.id() + "), sharing on; actor "
                    + h.engine.baseUrl() + "/users/" + account.handle());

            // ---------------------------------------------------------------- seeding
            Seeding seeding = seed(fleet, account, api, integer("seed-concurrency", 8), seedTimeout);
            line("");
            line("Seeding (signed Follow to the actor's inbox, Weft fetches the actor, records, sends Accept):");
            line("  follows POSTed   : " + seeding.sent + " in " + fmt(seeding.postSeconds, 1) + " s ("
                    + fmt(seeding.sent / seeding.postSeconds, 0) + "/s, " + integer("seed-concurrency", 8)
                    + " concurrent), answers " + seeding.statuses + (seeding.errorSamples.isEmpty() ? ""
                    : ", samples " + seeding.errorSamples));
            line("  followers count  : " + seeding.followers + " of " + followers + " after "
                    + fmt(seeding.followersSeconds, 1) + " s; Accepts received " + fleet.accepts.sum() + " (on "
                    + fleet.serversWithAccept() + " servers) after " + fmt(seeding.acceptsSeconds, 1)
                    + " s; actor documents served " + fleet.actorGets.sum());
            if (seeding.aborted) {
                line("  !! seeding STOPPED: Weft refused 9 in 10 Follows (answers above); this build cannot take"
                        + " follows through its inbox");
            } else if (seeding.followers < followers) {
                line("  !! seeding did not reach " + followers + " followers within " + seedTimeout.toSeconds()
                        + " s (" + (seeding.stalled ? "no progress for 60 s" : "timeout")
                        + "): the fan-out below runs with the followers Weft has");
            }
            otherRequests(fleet);
            progress("waiting for the engine to go quiet ...");
            PublishLoadBench.awaitQuiet(h.jdbcUrl, Duration.ofSeconds(60));

            // ---------------------------------------------------------------- baseline
            CryptoBaseline.Result sign = baseline(CryptoBaseline.Op.SIGN);

            // ---------------------------------------------------------------- the drain
            int expected = Math.max(fleet.serversWithAccept(), (int) Math.min(servers,
                    (seeding.followers + perServer - 1) / perServer));
            warmUpFanOut(api, account, fleet, expected, integer("warmup-posts", 1), run, h.jdbcUrl);
            boolean jfr = bool("jfr", false);
            Path jfrFile = h.outDir.resolve("fanout.jfr");
            if (jfr) {
                h.jcmd("JFR.start", "name=bench", "settings=profile", "filename=" + jfrFile);
            }
            ProcessHandle engineHandle = ProcessHandle.of(h.engine.pid()).orElse(null);
            CpuSample cpu0 = CpuSample.of(engineHandle);
            ThreadCpu threads0 = ThreadCpu.of(h.engine.pid());
            boolean statements = bool("pg-statements", false);
            if (statements) {
                PgStatements.reset(h.jdbcUrl);
            }
            CpuSample sink0 = CpuSample.of(ProcessHandle.current());
            long sinkNanos0 = fleet.handlerNanos.sum();
            HeapSampler heap = new HeapSampler(h.engine.pid(), integer("heap-interval-ms", 100),
                    h.outDir.resolve("fanout-heap.csv"));
            Thread.sleep(500); // a few samples of the idle heap first
            double idleHeap = heap.lastUsedMiB();
            long eventsBefore = lastEventIndex(h.jdbcUrl);
            progress("publishing one post to " + expected + " servers; waiting for the deliveries (at most "
                    + drainTimeout.toSeconds() + " s) ...");
            long t0 = System.nanoTime();
            String postId = api.publish(account, "Fan-out bench " + run + ": one post, many servers.");
            long publishedNanos = System.nanoTime();
            long deadline = t0 + drainTimeout.toNanos();
            int delivered = 0;
            long lastChange = System.nanoTime();
            long lastProgress = System.nanoTime();
            boolean stalled = false;
            while (System.nanoTime() < deadline) {
                int now = fleet.serversWithCreate();
                if (now != delivered) {
                    delivered = now;
                    lastChange = System.nanoTime();
                }
                if (delivered >= expected) {
                    break;
                }
                if (System.nanoTime() - lastChange > Duration.ofSeconds(60).toNanos()) {
                    stalled = true;
                    break;
                }
                if (System.nanoTime() - lastProgress > Duration.ofSeconds(5).toNanos()) {
                    progress("  " + delivered + "/" + expected + " servers reached after "
                            + fmt((System.nanoTime() - t0) / 1e9, 1) + " s; heap peak "
                            + fmt(heap.peakUsedMiB(), 0) + " MiB");
                    lastProgress = System.nanoTime();
                }
                Thread.sleep(20);
            }
            long waitEnd = System.nanoTime();
            Thread.sleep(300);
            heap.close();
            CpuSample cpu1 = CpuSample.of(engineHandle);
            ThreadCpu threads1 = ThreadCpu.of(h.engine.pid());
            CpuSample sink1 = CpuSample.of(ProcessHandle.current());
            long sinkNanos = fleet.handlerNanos.sum() - sinkNanos0;
            if (jfr) {
                h.jcmd("JFR.stop", "name=bench");
            }
            delivered = fleet.serversWithCreate();
            long last = fleet.lastCreateNanos();
            long first = fleet.firstCreateNanos();
            double drainSeconds = delivered == 0 ? Double.NaN : (last - t0) / 1e9;
            double perSecond = delivered == 0 ? 0 : delivered / drainSeconds;
            long[] arrivals = fleet.createArrivals();
            String status = api.status(account, postId);
            Map<String, Integer> states = WeftApi.serverStates(status);

            line("");
            line("Fan-out of post " + postId + ":");
            line("  servers reached  : " + delivered + " of " + expected + " expected"
                    + (delivered < expected ? (stalled ? " (STALLED: nothing new for 60 s)"
                    : " (drain TIMEOUT after " + drainTimeout.toSeconds() + " s)") : "")
                    + "; duplicate Creates " + fleet.duplicateCreates() + "; other POSTs " + fleet.otherPosts.sum());
            line("  publish answered : " + fmt((publishedNanos - t0) / 1e6, 0) + " ms after it was sent");
            if (delivered > 0) {
                line("  first delivery   : " + fmt((first - t0) / 1e9, 2) + " s after publish");
                line("  deliveries at    : 10% " + pct(arrivals, 0.10, t0) + " s, 50% " + pct(arrivals, 0.50, t0)
                        + " s, 90% " + pct(arrivals, 0.90, t0) + " s, 100% " + pct(arrivals, 1.0, t0) + " s");
                line("  drain time       : " + fmt(drainSeconds, 2) + " s (publish sent -> last delivery received)");
                line("  deliveries/s     : " + fmt(perSecond, 1) + " (over the drain time); "
                        + fmt(arrivals.length > 1 ? (arrivals.length - 1) / ((last - first) / 1e9) : Double.NaN, 1)
                        + "/s between the first and the last delivery");
            }
            if (expected == 0) {
                line("  !! nothing to fan out to: Weft has no followers for the account (see Seeding)");
            } else if (delivered == 0) {
                line("  !! the engine delivered NOTHING to the sink within the wait: see Weft's copy states below"
                        + " and " + h.engineLog);
            }
            line("  Weft's copy states (GET /posts/{id}/status): " + (states.isEmpty() ? "(none listed)" : states));
            double waitSeconds = (waitEnd - t0) / 1e9;
            line("  engine CPU       : " + fmt(cpu1.processCpuMillisSince(cpu0) / 1000, 1) + " s in "
                    + fmt(waitSeconds, 1) + " s (" + (waitSeconds < 1 ? "too short to say"
                    : fmt(cpu1.processCpuMillisSince(cpu0) / 10 / waitSeconds, 0) + "% of one core") + "); machine busy " + fmt(cpu1.busyPercentSince(cpu0), 0) + "% of all cores");
            line("  engine and database CPU by thread family (from /proc; includes JIT, GC and native time):");
            threads1.since(threads0, 14).forEach(l -> line("    " + l));
            if (statements) {
                line("  PostgreSQL's statements by execution time during the drain (pg_stat_statements):");
                PgStatements.top(h.jdbcUrl, 15).forEach(l -> line("    " + l));
            }
            line("  sink CPU         : bench JVM " + fmt(sink1.processCpuMillisSince(sink0) / 1000, 2)
                    + " s CPU in that time (fleet handlers " + fmt(sinkNanos / 1e9, 2) + " s wall)");
            line("  engine heap      : peak used " + fmt(heap.peakUsedMiB(), 0) + " MiB, peak committed "
                    + fmt(heap.peakCommittedMiB(), 0) + " MiB (idle before: " + fmt(idleHeap, 0) + " MiB used); "
                    + heap.samples() + " jstat samples every " + integer("heap-interval-ms", 100) + " ms; "
                    + heap.youngGcsDuring() + " young / " + heap.fullGcsDuring() + " full GCs; CSV "
                    + h.outDir.resolve("fanout-heap.csv") + (heap.errors().isEmpty() ? "" : "; jstat said "
                    + heap.errors()));
            PublishLoadBench.awaitQuiet(h.jdbcUrl, Duration.ofSeconds(30));
            Map<String, Long> appended = eventsSince(h.jdbcUrl, eventsBefore);
            long appendedTotal = appended.values().stream().mapToLong(Long::longValue).sum();
            line("  events appended  : " + appendedTotal + " for the post and its " + delivered + " deliveries ("
                    + fmt(delivered == 0 ? Double.NaN : appendedTotal / (double) delivered, 2) + " per server): "
                    + appended);
            otherRequests(fleet);
            Provider engineRsa = Files.readString(h.engineLog).contains("RSA signatures use AmazonCorrettoCryptoProvider")
                    ? NativeRsa.provider() : null;
            BareRun bareJdkRun = bareSender(fleet, servers, sign, null);
            BareRun floor = engineRsa == null ? bareJdkRun : bareSender(fleet, servers, sign, engineRsa);
            double bareJdk = bareJdkRun.perSecond();
            double bare = floor.perSecond();
            Map<String, Double> fedify = fedify(fleet, servers, h.outDir);
            jfrSection(jfr, jfrFile, "during the drain");
            engineNotes(h);

            line("");
            double ratio = perSecond / bare;
            boolean floorComplete = floor.reachedAll();
            boolean rateMet = floorComplete && ratio >= 0.75 && delivered >= expected && delivered > 0;
            boolean heapMet = heap.samples() > 0 && heap.peakUsedMiB() < 512;
            line("Result: " + fmt(perSecond, 1) + " deliveries/s vs the bare sender's " + fmt(bare, 1) + "/s"
                    + (engineRsa == null ? "" : " (signing as the engine does; " + fmt(bareJdk, 1)
                    + "/s signing in the JDK)") + " = "
                    + pctOf(ratio) + " (target >= 75%); " + pctOf(perSecond / sign.perSecond()) + " of "
                    + fmt(sign.perSecond(), 0) + " RSA-2048 signs/s on " + sign.threads() + " threads; drain "
                    + fmt(drainSeconds, 1) + " s; peak heap " + fmt(heap.peakUsedMiB(), 0)
                    + " MiB (target < 512 MiB); " + appendedTotal + " events for " + delivered + " servers");
            fedify.forEach((fedifyMode, rate) -> line("        Weft / Fedify " + fedifyMode + " (" + fmt(rate, 1)
                    + "/s) = " + fmt(perSecond / rate, 2) + "x"));
            line((rateMet && heapMet ? "TARGET MET" : "TARGET NOT MET") + (expected == 0 ? " (NOTHING MEASURED:"
                    + " no followers)" : delivered == 0 ? " (NOTHING DELIVERED)" : "") + ": deliveries/s "
                    + pctOf(ratio) + " of the bare sender's " + (rateMet ? "(>= 75%, met)" : "(target 75%: NOT met"
                    + (delivered < expected ? ", and not every server was reached" : "")
                    + (floorComplete ? "" : "; NO FLOOR: the bare sender did not reach every server") + ")")
                    + "; peak heap " + fmt(heap.peakUsedMiB(), 0) + " MiB " + (heapMet ? "(< 512, met)"
                    : "(>= 512: NOT met)"));
        } finally {
            finish("fanout");
        }
    }

    /**
     * The same 2,000 signed POSTs sent by the bench itself, with as many threads as Weft's
     * delivery workers and nothing recorded: what signing and HTTP alone allow on this
     * machine, so the gap to Weft's rate is what Weft's bookkeeping costs.
     */
    /** A bare sender's rate, a floor only when every server answered 202. */
    private record BareRun(double perSecond, boolean reachedAll) {
    }

    private BareRun bareSender(RemoteFleet fleet, int servers, CryptoBaseline.Result sign, Provider provider)
            throws Exception {
        RemoteFleet.Actor signer = fleet.actor(0);
        String body = "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"type\":\"Create\",\"object\":"
                + "{\"type\":\"Note\",\"content\":\"" + "x".repeat(1200) + "\"}}";
        int threads = integer("bare-threads", 16);
        AtomicInteger next = new AtomicInteger();
        LongAdder accepted = new LongAdder();
        Map<String, LongAdder> failures = new ConcurrentHashMap<>();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        progress("bare sender: the bench signs and POSTs a Create to each of " + servers + " servers itself ...");
        long t0 = System.nanoTime();
        List<Thread> senders = new ArrayList<>();
        for (int c = 0; c < threads; c++) {
            Thread t = new Thread(() -> {
                int i;
                while ((i = next.getAndIncrement()) < servers) {
                    try {
                        CavageSigner.SignedPost post = CavageSigner.post(URI.create(fleet.origin(i) + "/inbox"), body,
                                signer.keyId(), signer.keys().getPrivate(), Instant.now(), provider);
                        int status = client.send(request(post), HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (status == 202) {
                            accepted.increment();
                        } else {
                            failures.computeIfAbsent("HTTP " + status, k -> new LongAdder()).increment();
                        }
                    } catch (Exception e) {
                        failures.computeIfAbsent(e.getClass().getSimpleName(), k -> new LongAdder()).increment();
                    }
                }
            }, "bare-sender-" + c);
            senders.add(t);
            t.start();
        }
        for (Thread t : senders) {
            t.join();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double perSecond = accepted.sum() / seconds;
        line("  bare sender      : " + accepted.sum() + " of " + servers + " POSTs answered 202 in " + fmt(seconds, 2)
                + " s = " + fmt(perSecond, 1) + "/s = " + pctOf(perSecond / sign.perSecond()) + " of the JDK's sign"
                + " rate (" + threads + " threads in the bench JVM sign with SHA256withRSA in "
                + (provider == null ? "the JDK (SunRsaSign)" : provider.getName() + ", as the engine does")
                + " and POST, nothing recorded; after Weft's fan-out drained"
                + (failures.isEmpty() ? ")" : "); failures " + failures));
        return new BareRun(perSecond, accepted.sum() == servers);
    }

    /**
     * Fedify 1.5.9 (bench/fedify/fanout.mjs, Node) sends the same Create to the same servers'
     * shared inboxes, once per mode; its rate is counted where the Creates arrive, as Weft's is.
     */
    private Map<String, Double> fedify(RemoteFleet fleet, int servers, Path outDir) throws Exception {
        Map<String, Double> rates = new LinkedHashMap<>();
        String modes = opts.getOrDefault("fedify-modes", "noqueue,parallel64");
        Path dir = Path.of(opts.getOrDefault("fedify-dir", "bench/fedify"));
        if (modes.equals("none")) {
            return rates;
        }
        if (!Files.isDirectory(dir.resolve("node_modules"))) {
            line("  Fedify           : not run (" + dir.resolve("node_modules") + " missing: npm ci there)");
            return rates;
        }
        Path inboxes = outDir.resolve("fedify-inboxes.txt");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < servers; i++) {
            lines.add(fleet.origin(i) + "/inbox");
        }
        Files.write(inboxes, lines);
        for (String fedifyMode : modes.split(",")) {
            double rate = fedifyRun(fleet, servers, dir, fedifyMode.strip(), inboxes, outDir);
            if (rate > 0) {
                rates.put(fedifyMode.strip(), rate);
            }
        }
        return rates;
    }

    private double fedifyRun(RemoteFleet fleet, int servers, Path dir, String fedifyMode, Path inboxes, Path outDir)
            throws Exception {
        fleet.forgetCreates();
        progress("Fedify " + fedifyMode + ": one Create to " + servers + " shared inboxes ...");
        Process node = new ProcessBuilder("node", "fanout.mjs", fedifyMode, inboxes.toAbsolutePath().toString())
                .directory(dir.toFile()).redirectError(outDir.resolve("fedify-" + fedifyMode + ".log").toFile())
                .start();
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(node.getInputStream(),
                StandardCharsets.UTF_8)); var in = node.getOutputStream()) {
            String ready = out.readLine();
            if (ready == null || !ready.startsWith("READY")) {
                line("  Fedify " + fedifyMode + " : did not start (" + ready + "); see "
                        + outDir.resolve("fedify-" + fedifyMode + ".log"));
                return 0;
            }
            in.write("GO 0\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
            int warmed = awaitCreates(fleet, servers, Duration.ofSeconds(120));
            fleet.forgetCreates();
            long t0 = System.nanoTime();
            in.write("GO 1\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
            int reached = awaitCreates(fleet, servers, Duration.ofSeconds(120));
            double seconds = (fleet.lastCreateNanos() - t0) / 1e9;
            double rate = reached == 0 ? 0 : reached / seconds;
            line("  Fedify " + String.format(Locale.ROOT, "%-10s", fedifyMode) + ": " + reached + " of " + servers
                    + " servers reached in " + fmt(seconds, 2) + " s = " + fmt(rate, 1) + "/s (Fedify 1.5.9 on Node "
                    + nodeVersion() + ", " + describe(fedifyMode) + "; after a warm-up post that reached " + warmed
                    + ")");
            return rate;
        } finally {
            node.destroyForcibly();
            node.waitFor();
        }
    }

    /** Waits until every server has a Create, or nothing new came for 15 s, or the timeout passed. */
    private static int awaitCreates(RemoteFleet fleet, int servers, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int reached = 0;
        long lastChange = System.nanoTime();
        while (System.nanoTime() < deadline && reached < servers
                && System.nanoTime() - lastChange < Duration.ofSeconds(15).toNanos()) {
            Thread.sleep(20);
            int now = fleet.serversWithCreate();
            if (now != reached) {
                reached = now;
                lastChange = System.nanoTime();
            }
        }
        return reached;
    }

    private static String describe(String fedifyMode) {
        return switch (fedifyMode) {
            case "noqueue" -> "immediate: every request at once, no queue, no retry, nothing kept";
            case "parallel64" -> "InProcessMessageQueue behind ParallelMessageQueue, 64 workers, in memory";
            case "queue" -> "InProcessMessageQueue, one worker, in memory";
            default -> fedifyMode;
        };
    }

    private static String nodeVersion() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor();
            return v;
        } catch (IOException | InterruptedException e) {
            return "?";
        }
    }

    private void jfrSection(boolean jfr, Path jfrFile, String when) throws IOException {
        if (jfr && Files.isRegularFile(jfrFile)) {
            line("");
            line("Where the engine's CPU went " + when + " (JFR " + jfrFile + "):");
            JfrSummary.summarize(jfrFile, 15).forEach(this::line);
        }
    }

    private static String pct(long[] arrivals, double q, long t0) {
        if (arrivals.length == 0) {
            return "-";
        }
        int i = Math.min(arrivals.length - 1, Math.max(0, (int) Math.ceil(q * arrivals.length) - 1));
        return fmt((arrivals[i] - t0) / 1e9, 2);
    }

    private static final class Seeding {
        long sent;
        double postSeconds;
        long followers;
        double followersSeconds;
        double acceptsSeconds;
        boolean stalled;
        boolean aborted;
        final Map<String, Long> statuses = new TreeMap<>();
        final Map<String, String> errorSamples = new TreeMap<>();
    }

    private Seeding seed(RemoteFleet fleet, WeftApi.Account account, WeftApi api, int concurrency, Duration timeout)
            throws Exception {
        int total = fleet.actors();
        URI inbox = URI.create(api.base() + "/users/" + account.handle() + "/inbox");
        String object = api.base() + "/users/" + account.handle();
        AtomicInteger next = new AtomicInteger();
        java.util.concurrent.atomic.AtomicLong failures = new java.util.concurrent.atomic.AtomicLong();
        AtomicBoolean abort = new AtomicBoolean();
        Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
        Map<String, String> samples = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        progress("seeding " + total + " followers: signed Follows to " + inbox + ", " + concurrency
                + " concurrent ...");
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            Thread t = new Thread(() -> {
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5)).build();
                int n;
                while ((n = next.getAndIncrement()) < total && System.nanoTime() < deadline) {
                    RemoteFleet.Actor actor = fleet.actor(n);
                    String json = "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"id\":\""
                            + fleet.origin(actor.server()) + "/follows/" + UUID.randomUUID() + "\",\"type\":\"Follow\","
                            + "\"actor\":\"" + actor.id() + "\",\"object\":\"" + object + "\"}";
                    String outcome = null;
                    for (int attempt = 0; attempt < 3 && System.nanoTime() < deadline; attempt++) {
                        CavageSigner.SignedPost post = CavageSigner.post(inbox, json, actor.keyId(),
                                actor.keys().getPrivate(), Instant.now());
                        try {
                            HttpResponse<String> r = client.send(request(post), HttpResponse.BodyHandlers.ofString());
                            outcome = "HTTP " + r.statusCode();
                            if (r.statusCode() / 100 == 2) {
                                break;
                            }
                            samples.putIfAbsent(outcome, truncate(r.body()));
                            if (r.statusCode() / 100 == 4 && r.statusCode() != 429 && r.statusCode() != 401) {
                                break; // the answer will not change: no retry
                            }
                            Thread.sleep(200L << attempt);
                        } catch (IOException e) {
                            outcome = e.getClass().getSimpleName();
                            samples.putIfAbsent(outcome, String.valueOf(e.getMessage()));
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    statuses.computeIfAbsent(String.valueOf(outcome), k -> new LongAdder()).increment();
                    if (!String.valueOf(outcome).startsWith("HTTP 2")) {
                        long failed = failures.incrementAndGet();
                        if (n >= 50 && failed * 10 > (long) n * 9) {
                            abort.set(true); // 9 in 10 refused: the inbox is not taking follows
                        }
                    }
                    if (abort.get()) {
                        return;
                    }
                }
            }, "seed-" + c);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        long lastProgress = System.nanoTime();
        while (threads.stream().anyMatch(Thread::isAlive)) {
            Thread.sleep(200);
            if (System.nanoTime() - lastProgress > Duration.ofSeconds(10).toNanos()) {
                progress("  " + Math.min(next.get(), total) + " follows POSTed, " + fleet.accepts.sum()
                        + " Accepts back, after " + fmt((System.nanoTime() - start) / 1e9, 0) + " s");
                lastProgress = System.nanoTime();
            }
        }
        Seeding s = new Seeding();
        s.aborted = abort.get();
        s.postSeconds = (System.nanoTime() - start) / 1e9;
        statuses.forEach((k, v) -> s.statuses.put(k, v.sum()));
        s.errorSamples.putAll(samples);
        s.sent = s.statuses.values().stream().mapToLong(Long::longValue).sum();
        long okFollows = statuses.entrySet().stream().filter(e -> e.getKey().startsWith("HTTP 2"))
                .mapToLong(e -> e.getValue().sum()).sum();
        progress("all follows POSTed after " + fmt(s.postSeconds, 1) + " s; waiting for the followers count to reach "
                + okFollows + " and the Accepts ...");
        long lastChange = System.nanoTime();
        long lastSeen = -1;
        s.followersSeconds = Double.NaN;
        s.acceptsSeconds = Double.NaN;
        while (System.nanoTime() < deadline) {
            long followers = api.followers(account);
            long accepts = fleet.accepts.sum();
            long now = System.nanoTime();
            if (followers + accepts != lastSeen) {
                lastSeen = followers + accepts;
                lastChange = now;
            }
            s.followers = followers;
            if (followers >= okFollows && Double.isNaN(s.followersSeconds)) {
                s.followersSeconds = (now - start) / 1e9;
            }
            if (accepts >= okFollows && accepts > 0 && Double.isNaN(s.acceptsSeconds)) {
                s.acceptsSeconds = (fleet.lastAcceptNanos() - start) / 1e9;
            }
            if (followers >= okFollows && accepts >= okFollows) {
                break;
            }
            if (now - lastChange > Duration.ofSeconds(60).toNanos()) {
                s.stalled = true;
                break;
            }
            if (now - lastProgress > Duration.ofSeconds(10).toNanos()) {
                progress("  followers " + followers + ", Accepts " + accepts + " after "
                        + fmt((now - start) / 1e9, 0) + " s");
                lastProgress = now;
            }
            Thread.sleep(500);
        }
        s.followers = api.followers(account);
        return s;
    }

    // ================================================================== inbox

    private void inbox() throws Exception {
        int actors = integer("actors", 1_000);
        int servers = integer("servers", 200);
        if (actors % servers != 0) {
            throw new IllegalArgumentException("actors must be a multiple of servers");
        }
        int clients = integer("clients", 16);
        Duration warmup = seconds("warmup", 3);
        Duration duration = seconds("duration", 20);
        int poolSize = integer("pool", 40_000);
        int posts = integer("posts", 1);
        Duration drainTimeout = seconds("drain-timeout", 120);
        header("Weft federation inbox benchmark");
        line("  shape        : signed Likes from " + actors + " remote actors on " + servers + " servers to the shared"
                + " inbox, " + clients + " concurrent clients, " + warmup.toSeconds() + " s warm-up + "
                + duration.toSeconds() + " s measured; " + posts + " liked post(s)");
        try (Harness h = new Harness("inbox"); RemoteFleet fleet = fleet(servers, actors / servers)) {
            h.start(this);
            WeftApi api = new WeftApi(h.engine.baseUrl());
            WeftApi.Account account = api.sharingAccount("inbox_" + run);
            String warmPost = api.publish(account, "Inbox bench " + run + ": the warm-up post.");
            List<String> postIds = new ArrayList<>();
            for (int p = 0; p < posts; p++) {
                postIds.add(api.publish(account, "Inbox bench " + run + ": liked post " + p + "."));
            }
            URI inbox = URI.create(api.base() + "/inbox");
            line("  account      : " + account.handle() + "; liked post(s) " + postIds + " at "
                    + api.base() + "/posts/<id>; shared inbox " + inbox);

            // ---------------------------------------------------------------- warm-up: every actor once
            progress("warm-up: each of the " + actors + " actors likes the warm-up post once (Weft fetches and"
                    + " caches their keys) ...");
            List<CavageSigner.SignedPost> warm = sign(fleet, inbox, List.of(warmPost), actors, api.base());
            long w0 = System.nanoTime();
            Window warmRun = send(warm, clients, Duration.ZERO, Duration.ofSeconds(120), true);
            long warmLikes = warmRun.accepted * 2 < actors ? -1
                    : waitForLikes(api, account, List.of(warmPost), actors, Duration.ofSeconds(120));
            line("  warm-up      : " + warmRun.accepted + " of " + actors + " Likes answered 202 "
                    + warmRun.statuses + " in " + fmt(warmRun.seconds, 1) + " s; the warm-up post shows "
                    + warmLikes + " likes after " + fmt((System.nanoTime() - w0) / 1e9, 1) + " s; actor documents"
                    + " served " + fleet.actorGets.sum() + (warmRun.samples.isEmpty() ? "" : "; samples "
                    + warmRun.samples));
            if (warmRun.accepted * 2 < actors) {
                line("  !! the shared inbox accepted fewer than half of the warm-up Likes (answers above): this build"
                        + " cannot take Likes; NOTHING MEASURED");
                otherRequests(fleet);
                CryptoBaseline.Result verify = baseline(CryptoBaseline.Op.VERIFY);
                engineNotes(h);
                line("");
                line("Result: no accepted/s to compare with " + fmt(verify.perSecond(), 0) + " RSA-2048 verifies/s on "
                        + verify.threads() + " threads (target: accepted/s >= 50% of it, "
                        + fmt(verify.perSecond() / 2, 0) + "/s)");
                line("TARGET NOT MET (NOTHING MEASURED): the shared inbox " + inbox + " answered " + warmRun.statuses);
                return;
            }
            PublishLoadBench.awaitQuiet(h.jdbcUrl, Duration.ofSeconds(60));

            // ---------------------------------------------------------------- the pool
            progress("pre-signing " + poolSize + " Likes (client cost, before the window) ...");
            long s0 = System.nanoTime();
            List<CavageSigner.SignedPost> pool = sign(fleet, inbox, postIds, poolSize, api.base());
            line("  pool         : " + pool.size() + " Likes pre-signed in " + fmt((System.nanoTime() - s0) / 1e9, 1)
                    + " s (unique ids; (actor, post) pairs repeat after " + (long) actors * posts + ")");

            // ---------------------------------------------------------------- baseline
            CryptoBaseline.Result verify = baseline(CryptoBaseline.Op.VERIFY);

            // ---------------------------------------------------------------- the window
            boolean jfr = bool("jfr", false);
            Path jfrFile = h.outDir.resolve("inbox.jfr");
            if (jfr) {
                h.jcmd("JFR.start", "name=bench", "settings=profile", "filename=" + jfrFile);
            }
            ProcessHandle engineHandle = ProcessHandle.of(h.engine.pid()).orElse(null);
            List<Long> before = new ArrayList<>();
            for (String id : postIds) {
                before.add(WeftApi.likes(api.status(account, id)));
            }
            progress("the window: " + clients + " clients POST Likes for " + warmup.toSeconds() + " + "
                    + duration.toSeconds() + " s ...");
            CpuSample cpu0 = CpuSample.of(engineHandle);
            ThreadCpu threads0 = ThreadCpu.of(h.engine.pid());
            boolean statements = bool("pg-statements", false);
            if (statements) {
                PgStatements.reset(h.jdbcUrl);
            }
            Window window = send(pool, clients, warmup, duration, false);
            CpuSample cpu1 = CpuSample.of(engineHandle);
            ThreadCpu threads1 = ThreadCpu.of(h.engine.pid());
            long windowEnd = System.nanoTime();
            long distinctPairs = Math.min(window.sentTotal, (long) actors * posts);
            progress("window over: " + window.accepted + " accepted in " + fmt(window.seconds, 1) + " s; waiting"
                    + " for Weft to process them (at most " + drainTimeout.toSeconds() + " s) ...");
            Drain drain = drain(api, account, postIds, h.jdbcUrl, distinctPairs, windowEnd, drainTimeout);
            if (jfr) {
                h.jcmd("JFR.stop", "name=bench");
            }
            CpuSample cpu2 = CpuSample.of(engineHandle);
            long likedBefore = before.stream().mapToLong(Long::longValue).sum();

            line("");
            line("Inbox window:");
            line("  POSTs            : " + window.sentTotal + " in all (warm-up included), answers " + window.statuses
                    + (window.poolExhausted ? "; the pool RAN OUT: the window ended early" : ""));
            line("  accepted/s       : " + fmt(window.accepted / window.seconds, 1) + " (" + window.accepted
                    + " answers 202 in the " + fmt(window.seconds, 2) + " s measured window)");
            line("  latency (202s)   : p50 " + ms(window.latencies, 50) + " ms, p90 " + ms(window.latencies, 90)
                    + " ms, p99 " + ms(window.latencies, 99) + " ms, max " + ms(window.latencies, 100) + " ms");
            if (!window.samples.isEmpty()) {
                line("  error samples    : " + window.samples);
            }
            line("  engine CPU       : " + fmt(cpu1.processCpuMillisSince(cpu0) / 1000, 1) + " s in the window ("
                    + fmt(cpu1.processCpuMillisSince(cpu0) / 10 / ((windowEnd - window.startNanos) / 1e9), 0)
                    + "% of one core); machine busy " + fmt(cpu1.busyPercentSince(cpu0), 0) + "%");
            line("  engine and database CPU in the window by thread family (from /proc; JIT, GC and native included):");
            threads1.since(threads0, 12).forEach(l -> line("    " + l));
            if (statements) {
                line("  PostgreSQL's statements by execution time in the window (pg_stat_statements):");
                PgStatements.top(h.jdbcUrl, 12).forEach(l -> line("    " + l));
            }
            line("");
            line("Processing (accepted is not processed):");
            line("  likes counted    : " + (drain.likes - likedBefore) + " new on the liked post(s) (likes.count"
                    + " sum, was " + likedBefore + "), of " + distinctPairs + " distinct (actor, post) pairs sent"
                    + " (Weft counts one like per actor and post)");
            line("  processed after  : " + (drain.lastChangeSeconds < 0 ? "no change seen" : fmt(drain.lastChangeSeconds, 1)
                    + " s after the window ended (last likes.count change)") + "; engine quiet after "
                    + fmt(drain.quietSeconds, 1) + " s" + (drain.timedOut ? " (drain TIMEOUT)" : ""));
            line("  inbox queue      : " + drain.queue() + " (federation.inbox_activity by state, all runs' rows);"
                    + " no RECEIVED row left " + (Double.isNaN(drain.queueEmptySeconds()) ? "NEVER within the wait"
                    : fmt(drain.queueEmptySeconds(), 1) + " s after the window ended (±1 s polling)"));
            line("  engine CPU       : " + fmt(cpu2.processCpuMillisSince(cpu1) / 1000, 1) + " s after the window");
            otherRequests(fleet);
            double unsignedFloor = refusedLikes(window.succeeded, clients, warmup, duration, verify);
            jfrSection(jfr, jfrFile, "(window + processing)");
            engineNotes(h);

            line("");
            double perSecond = window.accepted / window.seconds;
            double ratio = perSecond / unsignedFloor;
            line("Result: " + fmt(perSecond, 1) + " accepted/s vs " + fmt(unsignedFloor, 1) + "/s for the same"
                    + " Likes refused unsigned (401) = " + pctOf(ratio) + " (target >= 50%); "
                    + pctOf(perSecond / verify.perSecond()) + " of " + fmt(verify.perSecond(), 0)
                    + " RSA-2048 verifies/s on " + verify.threads() + " threads; processed "
                    + (drain.likes - likedBefore) + " of " + distinctPairs + " distinct likes");
            boolean met = ratio >= 0.50;
            line((met ? "TARGET MET" : "TARGET NOT MET") + ": accepted/s " + pctOf(ratio)
                    + " of the unsigned-401 rate (target >= 50%" + (met ? ", met)" : ": NOT met, "
                    + fmt(0.50 / ratio, 1) + "x short)"));
        } finally {
            finish("inbox");
        }
    }

    private List<CavageSigner.SignedPost> sign(RemoteFleet fleet, URI inbox, List<String> postIds, int count,
                                               String base) throws InterruptedException {
        int actors = fleet.actors();
        CavageSigner.SignedPost[] out = new CavageSigner.SignedPost[count];
        AtomicInteger next = new AtomicInteger();
        Instant date = Instant.now();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < Runtime.getRuntime().availableProcessors(); t++) {
            Thread thread = new Thread(() -> {
                int i;
                while ((i = next.getAndIncrement()) < count) {
                    RemoteFleet.Actor actor = fleet.actor(i % actors);
                    String post = base + "/posts/" + postIds.get((i / actors) % postIds.size());
                    String json = "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"id\":\""
                            + fleet.origin(actor.server()) + "/likes/" + UUID.randomUUID() + "\",\"type\":\"Like\","
                            + "\"actor\":\"" + actor.id() + "\",\"object\":\"" + post + "\"}";
                    out[i] = CavageSigner.post(inbox, json, actor.keyId(), actor.keys().getPrivate(), date);
                }
            }, "signer-" + t);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return Arrays.asList(out);
    }

    private static final class Window {
        long accepted;
        long sentTotal;
        double seconds;
        long startNanos;
        boolean poolExhausted;
        Histogram latencies = new Histogram(Duration.ofMinutes(2).toNanos(), 3);
        final Map<String, Long> statuses = new TreeMap<>();
        final Map<String, String> samples = new TreeMap<>();
        final List<CavageSigner.SignedPost> succeeded = new ArrayList<>();
    }

    /**
     * N clients POST the pool's requests one after another (closed loop) for a warm-up and a
     * measured window; an answer counts when it completes inside the window. Stops at the
     * end of the window or when the pool runs out (then the window is as long as it lasted).
     */
    private Window send(List<CavageSigner.SignedPost> pool, int clients, Duration warmup, Duration measured,
                        boolean untilDone) throws InterruptedException {
        return send(pool, clients, warmup, measured, untilDone, Sending.NEW_LIKES);
    }

    /**
     * How pooled Likes are sent: the one status that counts as a success, whether the pool is
     * taken round and round (only for requests refused before anything is stored), and how a
     * pooled Like becomes a request.
     */
    private record Sending(int expected, boolean cycle, Function<CavageSigner.SignedPost, HttpRequest> toRequest) {
        static final Sending NEW_LIKES = new Sending(202, false, FederationBench::request);
    }

    private Window send(List<CavageSigner.SignedPost> pool, int clients, Duration warmup, Duration measured,
                        boolean untilDone, Sending sending) throws InterruptedException {
        int expected = sending.expected();
        boolean cycle = sending.cycle();
        Function<CavageSigner.SignedPost, HttpRequest> toRequest = sending.toRequest();
        String success = "HTTP " + expected;
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean exhausted = new AtomicBoolean();
        LongAdder accepted = new LongAdder();
        AtomicIntegerArray succeeded = new AtomicIntegerArray(pool.size());
        Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
        Map<String, String> samples = new ConcurrentHashMap<>();
        List<Histogram> histograms = new ArrayList<>();
        long start = System.nanoTime();
        long from = start + warmup.toNanos();
        long to = from + measured.toNanos();
        long[] exhaustedAt = {Long.MAX_VALUE};
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Histogram histogram = new Histogram(Duration.ofMinutes(2).toNanos(), 3);
            histograms.add(histogram);
            Thread t = new Thread(() -> {
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5)).build();
                long now;
                while ((now = System.nanoTime()) < to) {
                    int i = cycle ? next.getAndIncrement() % pool.size() : next.getAndIncrement();
                    if (i >= pool.size()) {
                        if (exhausted.compareAndSet(false, true)) {
                            synchronized (exhaustedAt) {
                                exhaustedAt[0] = now;
                            }
                        }
                        return;
                    }
                    String outcome;
                    try {
                        HttpResponse<String> r = client.send(toRequest.apply(pool.get(i)),
                                HttpResponse.BodyHandlers.ofString());
                        outcome = "HTTP " + r.statusCode();
                        if (r.statusCode() != expected) {
                            samples.putIfAbsent(outcome, truncate(r.body()));
                        }
                    } catch (IOException e) {
                        outcome = e.getClass().getSimpleName();
                        samples.putIfAbsent(outcome, String.valueOf(e.getMessage()));
                    } catch (InterruptedException e) {
                        return;
                    }
                    long done = System.nanoTime();
                    statuses.computeIfAbsent(outcome, k -> new LongAdder()).increment();
                    if (outcome.equals(success)) {
                        succeeded.set(i, 1);
                    }
                    if (outcome.equals(success) && done >= from && done < to) {
                        accepted.increment();
                        histogram.recordValue(Math.min(done - now, Duration.ofMinutes(2).toNanos()));
                    }
                }
            }, "inbox-client-" + c);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        Window w = new Window();
        for (int i = 0; i < pool.size(); i++) {
            if (succeeded.get(i) == 1) {
                w.succeeded.add(pool.get(i));
            }
        }
        w.startNanos = start;
        w.accepted = accepted.sum();
        w.poolExhausted = exhausted.get() && !untilDone;
        long end = Math.min(to, exhaustedAt[0]);
        w.seconds = untilDone ? (System.nanoTime() - start) / 1e9 : Math.max(0.001, (end - from) / 1e9);
        statuses.forEach((k, v) -> w.statuses.put(k, v.sum()));
        w.sentTotal = w.statuses.values().stream().mapToLong(Long::longValue).sum();
        w.samples.putAll(samples);
        histograms.forEach(w.latencies::add);
        return w;
    }

    private long waitForLikes(WeftApi api, WeftApi.Account account, List<String> postIds, long expected,
                              Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long likes = 0;
        while (System.nanoTime() < deadline) {
            likes = 0;
            for (String id : postIds) {
                likes += Math.max(0, WeftApi.likes(api.status(account, id)));
            }
            if (likes >= expected) {
                break;
            }
            Thread.sleep(500);
        }
        return likes;
    }

    private record Drain(long likes, double lastChangeSeconds, double quietSeconds, boolean timedOut,
                         double queueEmptySeconds, Map<String, Long> queue) {
    }

    /**
     * Weft's inbox queue ({@code federation.inbox_activity}, migration V6) by state, read-only:
     * RECEIVED rows are accepted but not yet processed. Empty when the table is not there.
     */
    /** The highest global index in the engine's event store, or -1 when it holds none. */
    static long lastEventIndex(String jdbcUrl) throws java.sql.SQLException {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(jdbcUrl, "postgres", "");
             java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT COALESCE(max(global_index), -1) FROM domain_event_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Events appended after the given index, by type (simple name). */
    static Map<String, Long> eventsSince(String jdbcUrl, long index) throws java.sql.SQLException {
        Map<String, Long> types = new TreeMap<>();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(jdbcUrl, "postgres", "");
             java.sql.PreparedStatement st = c.prepareStatement("SELECT payload_type, count(*) FROM domain_event_entry "
                     + "WHERE global_index > ? GROUP BY payload_type")) {
            st.setLong(1, index);
            try (java.sql.ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String type = rs.getString(1);
                    types.put(type.substring(type.lastIndexOf('.') + 1), rs.getLong(2));
                }
            }
        }
        return types;
    }

    static Map<String, Long> inboxQueue(String jdbcUrl) {
        Map<String, Long> states = new TreeMap<>();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(jdbcUrl, "postgres", "");
             java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT state, count(*) FROM federation.inbox_activity GROUP BY state")) {
            while (rs.next()) {
                states.put(rs.getString(1), rs.getLong(2));
            }
        } catch (java.sql.SQLException e) {
            // not this build's schema
        }
        return states;
    }

    /**
     * After the window: polls the liked posts' likes.count and PostgreSQL's row writes until
     * the count has reached every distinct pair sent, or has not moved for 5 s while
     * PostgreSQL took no more than 20 row writes a second for 2 s; bounded by the timeout.
     */
    private Drain drain(WeftApi api, WeftApi.Account account, List<String> postIds, String jdbcUrl, long expected,
                        long windowEnd, Duration timeout) throws Exception {
        long deadline = windowEnd + timeout.toNanos();
        long likes = -1;
        long lastChange = -1;
        long lastWrites = PublishLoadBench.counters(jdbcUrl).tupleWrites();
        int quiet = 0;
        long quietAt = -1;
        long queueEmptyAt = -1;
        Map<String, Long> lastQueue = Map.of();
        long lastProgress = System.nanoTime();
        while (System.nanoTime() < deadline) {
            Thread.sleep(1000);
            long now = 0;
            for (String id : postIds) {
                now += Math.max(0, WeftApi.likes(api.status(account, id)));
            }
            long t = System.nanoTime();
            if (now != likes) {
                if (likes >= 0) {
                    lastChange = t;
                }
                likes = now;
            }
            Map<String, Long> queue = inboxQueue(jdbcUrl);
            if (queue.getOrDefault("RECEIVED", 0L) == 0 && queueEmptyAt < 0) {
                queueEmptyAt = t;
            }
            lastQueue = queue;
            long writes = PublishLoadBench.counters(jdbcUrl).tupleWrites();
            quiet = writes - lastWrites <= 20 ? quiet + 1 : 0;
            lastWrites = writes;
            if (quiet >= 2 && quietAt < 0) {
                quietAt = t;
            }
            if (quiet < 2) {
                quietAt = -1;
            }
            if (t - lastProgress > Duration.ofSeconds(5).toNanos()) {
                progress("  likes.count " + likes + ", inbox queue " + lastQueue + " after "
                        + fmt((t - windowEnd) / 1e9, 0) + " s");
                lastProgress = t;
            }
            boolean stable = lastChange < 0 ? t - windowEnd > Duration.ofSeconds(5).toNanos()
                    : t - lastChange > Duration.ofSeconds(5).toNanos();
            if (quietAt > 0 && (stable || likes >= expected) && queueEmptyAt > 0) {
                return new Drain(likes, lastChange < 0 ? -1 : (lastChange - windowEnd) / 1e9,
                        (quietAt - windowEnd) / 1e9, false, (queueEmptyAt - windowEnd) / 1e9, lastQueue);
            }
        }
        return new Drain(likes, lastChange < 0 ? -1 : (lastChange - windowEnd) / 1e9, Double.NaN, true,
                queueEmptyAt < 0 ? Double.NaN : (queueEmptyAt - windowEnd) / 1e9, lastQueue);
    }

    // ================================================================== shared pieces

    /**
     * Likes the inbox refuses, at the same concurrency: without a signature (the HTTP layer
     * alone), and replayed (verified, parsed and checked like a new one, then refused as a
     * duplicate). Nothing is stored for either, so their rates bound what any storage design
     * behind this inbox could accept.
     */
    /** @return the unsigned-401 rate, the inbox target's floor (NaN when nothing was sent) */
    private double refusedLikes(List<CavageSigner.SignedPost> sent, int clients, Duration warmup, Duration duration,
                                CryptoBaseline.Result verify) throws InterruptedException {
        if (sent.isEmpty()) {
            return Double.NaN;
        }
        line("");
        line("Refused Likes (same run, " + clients + " clients, nothing stored; these bound any storage design):");
        double unsigned = measureRefusal("unsigned Like -> 401", new Sending(401, true, FederationBench::unsigned),
                sent, clients, warmup, duration, verify, "Tomcat, body read, the missing-signature answer as problem+json");
        measureRefusal("replayed Like -> 409", new Sending(409, true, FederationBench::request), sent, clients,
                warmup, duration, verify, "signature verified (cached key), JSON-LD read, actor and recipient"
                        + " checked, the activity id found already stored");
        return unsigned;
    }

    private double measureRefusal(String what, Sending sending, List<CavageSigner.SignedPost> accepted, int clients,
                                Duration warmup, Duration duration, CryptoBaseline.Result verify, String explanation)
            throws InterruptedException {
        progress(what + ": " + clients + " clients for " + warmup.toSeconds() + " + " + duration.toSeconds() + " s ...");
        Window w = send(accepted, clients, warmup, duration, false, sending);
        double perSecond = w.accepted / w.seconds;
        line("  " + String.format(Locale.ROOT, "%-22s", what) + ": " + fmt(perSecond, 1) + "/s = "
                + pctOf(perSecond / verify.perSecond()) + " of the verify rate; p50 " + ms(w.latencies, 50)
                + " ms, p99 " + ms(w.latencies, 99) + " ms; answers " + w.statuses);
        line("    " + explanation + (w.samples.isEmpty() ? "" : "; samples " + w.samples));
        return perSecond;
    }

    private static HttpRequest unsigned(CavageSigner.SignedPost post) {
        HttpRequest.Builder b = HttpRequest.newBuilder(post.target()).timeout(HTTP_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(post.body()));
        post.headers().forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Signature")) {
                b.header(name, value);
            }
        });
        return b.build();
    }

    private static HttpRequest request(CavageSigner.SignedPost post) {
        HttpRequest.Builder b = HttpRequest.newBuilder(post.target()).timeout(HTTP_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(post.body()));
        post.headers().forEach(b::header);
        return b.build();
    }

    private RemoteFleet fleet(int servers, int perServer) throws IOException {
        long t0 = System.nanoTime();
        RemoteFleet fleet = new RemoteFleet(servers, perServer, integer("key-pool", 16), integer("sink-threads", 8));
        line("  remote fleet : " + servers + " servers " + RemoteFleet.ip(0) + " .. " + RemoteFleet.ip(servers - 1)
                + " port " + fleet.port() + " (one HTTP server on 0.0.0.0, " + integer("sink-threads", 8)
                + " threads), " + fleet.actors() + " actors, RSA-2048 keys from a pool of " + integer("key-pool", 16)
                + " (made in " + (System.nanoTime() - t0) / 1_000_000 + " ms)");
        return fleet;
    }

    private CryptoBaseline.Result baseline(CryptoBaseline.Op op) throws Exception {
        int threads = Runtime.getRuntime().availableProcessors();
        Duration measured = seconds("baseline-seconds", 5);
        progress("baseline: RSA-2048 SHA256withRSA " + op.name().toLowerCase(Locale.ROOT) + " on " + threads
                + " threads, 2 s warm-up + " + measured.toSeconds() + " s ...");
        CryptoBaseline.Result r = CryptoBaseline.measure(op, threads, Duration.ofSeconds(2), measured);
        line("");
        line("Baseline (same run, engine idle): RSA-2048 SHA256withRSA " + op.name().toLowerCase(Locale.ROOT) + " "
                + fmt(r.perSecond(), 0) + "/s on " + r.threads() + " threads (" + fmt(r.perSecond() / r.threads(), 0)
                + "/s per thread), provider " + r.provider() + ", " + measured.toSeconds() + " s after 2 s warm-up;"
                + " machine busy " + fmt(r.busyPercent(), 0) + "%, of which this JVM " + fmt(r.ownCpuPercent(), 0) + "%");
        return r;
    }

    private void otherRequests(RemoteFleet fleet) {
        if (fleet.otherRequests.sum() > 0) {
            line("  fleet also saw : " + fleet.otherKinds() + " (answered 404, or 202 for unknown activity types)");
            fleet.otherSamples().forEach((k, v) -> {
                if (!v.isEmpty()) {
                    line("    e.g. " + k + ": " + v);
                }
            });
        }
    }

    private void engineNotes(Harness h) {
        try {
            List<String> lines = Files.readAllLines(h.engineLog);
            Map<String, Integer> kinds = new TreeMap<>();
            for (String l : lines) {
                if (l.contains(" ERROR ") || l.contains(" WARN ")) {
                    String k = l.replaceAll("^.*?(ERROR|WARN)", "$1").replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "<uuid>")
                            .replaceAll("\\d+", "N");
                    kinds.merge(k.length() > 200 ? k.substring(0, 200) : k, 1, Integer::sum);
                }
            }
            line("");
            line("Engine log " + h.engineLog + ": " + kinds.values().stream().mapToInt(Integer::intValue).sum()
                    + " ERROR/WARN lines" + (kinds.isEmpty() ? "" : "; most frequent:"));
            kinds.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(5)
                    .forEach(e -> line("  " + e.getValue() + "x " + e.getKey()));
        } catch (IOException e) {
            line("(could not read the engine log: " + e.getMessage() + ")");
        }
    }

    private void header(String title) {
        line(title + ", " + LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 19));
        line("  machine      : " + PublishLoadBench.machine());
        line("  bench JVM    : " + PublishLoadBench.jvmDescription());
    }

    /**
     * The measured post is not the engine's first: a first fan-out runs its delivery path
     * (signing, the copies' commands) while the JIT is still compiling it, which measures the
     * compiler as much as Weft. One warm-up post by default; --warmup-posts=0 measures cold.
     */
    private void warmUpFanOut(WeftApi api, WeftApi.Account account, RemoteFleet fleet, int expected,
                              int posts, String run, String jdbcUrl) throws Exception {
        for (int i = 0; i < posts; i++) {
            progress("warm-up post " + (i + 1) + " of " + posts + " (not measured) ...");
            long t0 = System.nanoTime();
            api.publish(account, "Fan-out bench " + run + ": warm-up post " + (i + 1) + ".");
            long deadline = t0 + Duration.ofSeconds(180).toNanos();
            while (fleet.serversWithCreate() < expected && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            line("  warm-up post " + (i + 1) + " : " + fleet.serversWithCreate() + " of " + expected
                    + " servers reached in " + fmt((System.nanoTime() - t0) / 1e9, 2) + " s (not measured)");
            // Its outcomes and their projections settle before the measured post starts.
            PublishLoadBench.awaitQuiet(jdbcUrl, Duration.ofSeconds(60));
            fleet.forgetCreates();
        }
    }

    /** Embedded PostgreSQL and the engine child, as the publish benchmark runs them. */
    private final class Harness implements AutoCloseable {
        final Path runDir;
        final Path outDir;
        final Path engineLog;
        EmbeddedPostgres postgres;
        EngineProcess engine;
        String jdbcUrl;
        Thread hook;

        Harness(String name) throws IOException {
            outDir = Path.of(opts.getOrDefault("out-dir", "bench/out")).toAbsolutePath();
            Files.createDirectories(outDir);
            runDir = Files.createTempDirectory("weft-fedbench-");
            engineLog = outDir.resolve(name + "-engine.log");
        }

        void start(FederationBench bench) throws Exception {
            Path jar = Path.of(opts.getOrDefault("engine-jar", "api/target/weft.jar")).toAbsolutePath();
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("no engine jar at " + jar);
            }
            long t0 = System.nanoTime();
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(runDir.resolve("postgres"))
                    .setCleanDataDirectory(true).setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on").setServerConfig("max_connections", "200");
            if ("true".equals(opts.get("pg-statements"))) {
                builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
            }
            postgres = builder.start();
            jdbcUrl = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
            line("  PostgreSQL   : " + PublishLoadBench.postgresDescription(jdbcUrl) + " (started in "
                    + (System.nanoTime() - t0) / 1_000_000 + " ms)");
            int port = PublishLoadBench.freePort();
            Path engineData = Files.createDirectories(runDir.resolve("engine"));
            Path jarCopy = Files.copy(jar, runDir.resolve("weft.jar"));
            String jvmOpts = opts.getOrDefault("engine-jvm-opts", "-XX:MaxRAMPercentage=75");
            Map<String, String> env = new LinkedHashMap<>();
            env.put("WEFT_FEDERATION_ALLOWED_PRIVATE_NETWORKS", "127.0.0.0/8");
            env.put("WEFT_FEDERATION_DELAY", "0s");
            engine = EngineProcess.start(jarCopy, jvmOpts.isBlank() ? List.of() : Arrays.asList(jvmOpts.split("\\s+")),
                    jdbcUrl, port, engineData, engineLog, env);
            hook = new Thread(() -> {
                try {
                    close();
                } catch (Exception ignored) {
                    // best effort on Ctrl-C
                }
            }, "fedbench-cleanup");
            Runtime.getRuntime().addShutdownHook(hook);
            Duration startup = engine.awaitReady(seconds("start-timeout", 180));
            line("  engine       : " + jar + " (run from a copy) pid " + engine.pid() + " at " + engine.baseUrl()
                    + ", ready after " + fmt(startup.toMillis() / 1000.0, 1) + " s; log " + engineLog);
            line("  engine JVM   : options " + jvmOpts + "; effective " + engine.effectiveFlags());
            line("  engine env   : WEFT_BASE_URL=" + engine.baseUrl() + " " + env.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).reduce((a, b) -> a + " " + b).orElse("")
                    + " (other WEFT_* of your environment pass through)");
        }

        void jcmd(String... args) {
            String javaBin = ProcessHandle.current().info().command().orElse("java");
            Path jcmd = Path.of(javaBin).resolveSibling("jcmd");
            List<String> cmd = new ArrayList<>(List.of(Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd",
                    Long.toString(engine.pid())));
            cmd.addAll(List.of(args));
            try {
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
                    progress("jcmd " + String.join(" ", args) + " failed: " + out.strip());
                }
            } catch (IOException | InterruptedException e) {
                progress("jcmd " + String.join(" ", args) + " failed: " + e);
            }
        }

        @Override
        public synchronized void close() throws Exception {
            if (engine != null) {
                int code = engine.stop();
                progress("engine stopped (exit code " + code + ")");
                engine = null;
            }
            if (postgres != null) {
                postgres.close();
                postgres = null;
            }
            if (Files.exists(runDir)) {
                PublishLoadBench.deleteRecursively(runDir);
            }
            if (hook != null && Thread.currentThread() != hook) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // already running
                }
            }
        }
    }

    private void finish(String name) throws IOException {
        if (!report.isEmpty()) {
            Path out = Path.of(opts.getOrDefault("out-dir", "bench/out")).toAbsolutePath().resolve(name + "-results.txt");
            Files.createDirectories(out.getParent());
            Files.write(out, report, StandardCharsets.UTF_8);
            System.out.println("(this report is also in " + out + ")");
        }
    }

    // ================================================================== small helpers

    private int integer(String key, int def) {
        return Integer.parseInt(opts.getOrDefault(key, Integer.toString(def)));
    }

    private boolean bool(String key, boolean def) {
        return Boolean.parseBoolean(opts.getOrDefault(key, Boolean.toString(def)));
    }

    private Duration seconds(String key, double def) {
        return Duration.ofMillis(Math.round(Double.parseDouble(opts.getOrDefault(key, Double.toString(def))) * 1000));
    }

    private void line(String text) {
        System.out.println(text);
        report.add(text);
    }

    private static void progress(String text) {
        System.out.println("  .. " + LocalDateTime.now().toLocalTime().withNano(0) + " " + text);
    }

    private static String truncate(String s) {
        String one = s == null ? "" : s.replaceAll("\\s+", " ");
        return one.length() <= 300 ? one : one.substring(0, 300) + "…";
    }

    private static String ms(Histogram h, double percentile) {
        if (h.getTotalCount() == 0) {
            return "-";
        }
        return fmt((percentile >= 100 ? h.getMaxValue() : h.getValueAtPercentile(percentile)) / 1e6, 1);
    }

    private static String pctOf(double ratio) {
        return Double.isNaN(ratio) || Double.isInfinite(ratio) ? "n/a" : fmt(ratio * 100, 1) + "%";
    }

    static String fmt(double value, int decimals) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "-"
                : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
