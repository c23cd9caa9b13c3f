package dev.weft.infrastructure.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.infrastructure.config.WeftProperties;
import dev.weft.infrastructure.links.EncryptionKey;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The digest is HMAC-SHA256 of "purpose:value" under the engine's key, whichever thread asks. */
class KeyedDigestTest {
    private static final byte[] RAW = new byte[32];

    static {
        for (int i = 0; i < RAW.length; i++) {
            RAW[i] = (byte) (i * 7 + 1);
        }
    }

    private final KeyedDigest digests = new KeyedDigest(new EncryptionKey(new WeftProperties(null, null, null, null,
            new WeftProperties.Security(null, null, Base64.getEncoder().encodeToString(RAW)), null, null)));

    @Test
    void itIsHmacSha256OfThePurposeAndTheValue() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(RAW, "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal(
                "subject:https://remote.example/users/alice".getBytes(StandardCharsets.UTF_8)));

        assertThat(digests.of("subject", "https://remote.example/users/alice")).isEqualTo(expected);
    }

    @Test
    void repeatedCallsAgreeAndThePurposeSeparatesEqualValues() {
        String first = digests.of("subject", "alice");

        assertThat(digests.of("subject", "alice")).isEqualTo(first);
        assertThat(digests.of("handle", "alice")).isNotEqualTo(first);
    }

    @Test
    void threadsAskingAtOnceGetTheSameDigests() throws Exception {
        List<String> values = IntStream.range(0, 200).mapToObj(i -> "actor-" + i).toList();
        List<String> expected = values.stream().map(v -> digests.of("subject", v)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> runs = IntStream.range(0, 4)
                    .mapToObj(r -> pool.submit(() -> values.stream().map(v -> digests.of("subject", v)).toList()))
                    .toList();
            for (Future<List<String>> run : runs) {
                assertThat(run.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdown();
        }
    }
}
