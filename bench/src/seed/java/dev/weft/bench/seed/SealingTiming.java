package dev.weft.bench.seed;

import dev.weft.api.WeftApplication;
import dev.weft.infrastructure.privacy.SealingSerializer;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How long the engine's event serializer alone takes over the stored events, in memory, with
 * no SQL and no projection: JSON parsing only, then full deserialization through the
 * SealingSerializer (parse, open every sealed field with AES-GCM under its subject key,
 * build the event record). Runs inside the engine jar as the seeder does; the live
 * processors start too but have nothing to do (their tokens are at the head).
 */
public final class SealingTiming {
    private record Stored(String type, String revision, byte[] payload) {
    }

    public static void main(String[] args) {
        ConfigurableApplicationContext context = SpringApplication.run(WeftApplication.class);
        int exit = 0;
        try {
            Serializer serializer = context.getBean("eventSerializer", Serializer.class);
            if (!(serializer instanceof SealingSerializer sealing)) {
                throw new IllegalStateException("eventSerializer is a " + serializer.getClass().getName());
            }
            List<Stored> events = load(context.getBean(JdbcTemplate.class));
            for (int pass = 1; pass <= 2; pass++) {
                time("TIMING pass " + pass + " JSON parse only (Jackson readTree)", events, e ->
                        sealing.delegate().getObjectMapper().readTree(e.payload()));
                time("TIMING pass " + pass + " SealingSerializer.deserialize (parse + unseal + record)", events, e ->
                        sealing.deserialize(new SimpleSerializedObject<>(e.payload(), byte[].class, e.type(),
                                e.revision())));
            }
        } catch (Exception e) {
            e.printStackTrace();
            exit = 1;
        } finally {
            context.close();
        }
        System.exit(exit);
    }

    private static List<Stored> load(JdbcTemplate jdbc) {
        List<Stored> events = new ArrayList<>();
        jdbc.setFetchSize(500);
        jdbc.query("SELECT payload_type, payload_revision, payload FROM domain_event_entry ORDER BY global_index",
                (ResultSet rs) -> {
                    events.add(new Stored(rs.getString(1), rs.getString(2), rs.getBytes(3)));
                });
        return events;
    }

    private interface Step {
        Object run(Stored event) throws Exception;
    }

    private static void time(String label, List<Stored> events, Step step) throws Exception {
        long start = System.nanoTime();
        int nonNull = 0;
        for (Stored event : events) {
            if (step.run(event) != null) {
                nonNull++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s: %,d events in %.1f s = %,.0f events/s%n", label, nonNull, seconds,
                events.size() / seconds);
    }
}
