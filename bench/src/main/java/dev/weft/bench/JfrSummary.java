package dev.weft.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the engine's CPU went, from a JFR recording's execution samples: the hottest
 * methods by self time (top frame), and by inclusive time for a few families that matter
 * to federation (RSA, HTTP client, JDBC, Axon, JSON).
 */
final class JfrSummary {
    private static final Map<String, String> FAMILIES = new LinkedHashMap<>();

    static {
        FAMILIES.put("RSA / BigInteger (signing, verifying)", "java.math.BigInteger|sun.security.rsa");
        FAMILIES.put("HTTP client (outgoing)", "org.apache.hc|java.net.http|jdk.internal.net.http");
        FAMILIES.put("JDBC / PostgreSQL driver", "org.postgresql|com.zaxxer.hikari");
        FAMILIES.put("Axon (commands, events, processors)", "org.axonframework");
        FAMILIES.put("JSON (Jackson)", "tools.jackson|com.fasterxml.jackson");
        FAMILIES.put("Tomcat / Spring MVC (inbound HTTP)", "org.apache.catalina|org.apache.coyote|org.apache.tomcat|org.springframework.web");
        FAMILIES.put("Weft code (any frame)", "dev.weft");
    }

    private JfrSummary() {
    }

    static List<String> summarize(Path recording, int top) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> families = new LinkedHashMap<>();
        FAMILIES.keySet().forEach(k -> families.put(k, 0));
        int total = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            total++;
            RecordedFrame topFrame = frames.get(0);
            self.merge(topFrame.getMethod().getType().getName() + "." + topFrame.getMethod().getName(), 1, Integer::sum);
            for (Map.Entry<String, String> family : FAMILIES.entrySet()) {
                String[] prefixes = family.getValue().split("\\|");
                for (RecordedFrame f : frames) {
                    String type = f.getMethod().getType().getName();
                    if (java.util.Arrays.stream(prefixes).anyMatch(type::startsWith)) {
                        families.merge(family.getKey(), 1, Integer::sum);
                        break;
                    }
                }
            }
        }
        List<String> out = new ArrayList<>();
        if (total == 0) {
            out.add("  (no execution samples in " + recording + ")");
            return out;
        }
        int samples = total;
        out.add("  " + total + " execution samples (Java threads on CPU, ~every 20 ms per thread)");
        out.add("  inclusive share by family (a sample counts once per family whose code is on its stack):");
        families.forEach((k, v) -> out.add(String.format(java.util.Locale.ROOT, "    %5.1f%%  %s", 100.0 * v / samples, k)));
        out.add("  hottest methods by self time:");
        self.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> out.add(String.format(java.util.Locale.ROOT, "    %5.1f%%  %s",
                        100.0 * e.getValue() / samples, e.getKey())));
        return out;
    }
}
