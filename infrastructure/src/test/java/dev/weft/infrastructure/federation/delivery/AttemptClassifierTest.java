package dev.weft.infrastructure.federation.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.infrastructure.http.BlockedDestinationException;
import dev.weft.infrastructure.http.HttpReply;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AttemptClassifierTest {
    private static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");

    private static Verdict answer(int status, Map<String, List<String>> headers) {
        return AttemptClassifier.of(new HttpReply(status, headers, new byte[0], URI.create("https://r.example/inbox")),
                NOW);
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 202, 204})
    void twoHundredsAreDelivered(int status) {
        assertThat(answer(status, Map.of()).kind()).isEqualTo(Verdict.Kind.DELIVERED);
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504, 408, 429})
    void serverTroubleIsRetriedAndCountsAgainstTheCircuit(int status) {
        Verdict verdict = answer(status, Map.of());
        assertThat(verdict.kind()).isEqualTo(Verdict.Kind.RETRY);
        assertThat(verdict.breakerFailure()).isTrue();
    }

    @Test
    void unauthorizedIsRetriedWithoutBlamingTheServer() {
        Verdict verdict = answer(401, Map.of());
        assertThat(verdict.kind()).isEqualTo(Verdict.Kind.RETRY);
        assertThat(verdict.breakerFailure()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 403, 404, 410, 413, 422})
    void otherClientErrorsArePermanent(int status) {
        Verdict verdict = answer(status, Map.of());
        assertThat(verdict.kind()).isEqualTo(Verdict.Kind.PERMANENT);
        assertThat(verdict.httpStatus()).isEqualTo(status);
    }

    @Test
    void retryAfterIsCarried() {
        assertThat(answer(429, Map.of("retry-after", List.of("30"))).retryAfter()).isEqualTo(NOW.plusSeconds(30));
    }

    @Test
    void aRefusedDestinationIsPermanent() {
        Verdict verdict = AttemptClassifier.of(new BlockedDestinationException("r.example resolves to 10.0.0.1"));
        assertThat(verdict.kind()).isEqualTo(Verdict.Kind.PERMANENT);
        assertThat(verdict.error()).contains("10.0.0.1");
    }

    @Test
    void aTimeoutIsRetriedAndSaysSo() {
        Verdict verdict = AttemptClassifier.of(new UncheckedIOException(new SocketTimeoutException("Read timed out")));
        assertThat(verdict.kind()).isEqualTo(Verdict.Kind.RETRY);
        assertThat(verdict.breakerFailure()).isTrue();
        assertThat(verdict.error()).startsWith("timed out");
    }
}
