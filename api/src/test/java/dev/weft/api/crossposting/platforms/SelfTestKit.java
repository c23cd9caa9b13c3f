package dev.weft.api.crossposting.platforms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.api.crossposting.platforms.Http.Reply;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;

/** What the fakes' self-tests do alike, whichever platform they speak to. */
final class SelfTestKit {
    private static final int WORKERS = 8;
    private static final long PATIENCE_SECONDS = 5;

    private SelfTestKit() {
    }

    /** A client that timed out may have given up before the server even read its request. */
    static void awaitCount(IntSupplier count, int expected) {
        Instant giveUp = Instant.now().plusSeconds(PATIENCE_SECONDS);
        while (count.getAsInt() < expected && Instant.now().isBefore(giveUp)) {
            Thread.onSpinWait();
        }
        assertThat(count.getAsInt()).isEqualTo(expected);
    }

    /**
     * Sends the numbered requests from several threads at once, so they race on the fake's
     * state, and answers what each returned in the order they were numbered.
     */
    static <T> List<T> concurrently(int requests, IntFunction<T> request) throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        try {
            List<Callable<T>> calls = IntStream.range(0, requests)
                    .<Callable<T>>mapToObj(number -> () -> request.apply(number)).toList();
            List<T> answers = new ArrayList<>();
            for (Future<T> answer : workers.invokeAll(calls)) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            workers.shutdownNow();
        }
    }

    /** Checks the Graph error's status, code and subcode, and answers its message. */
    static String assertGraphError(Reply reply, int status, int code, Integer subcode) {
        assertThat(reply.status()).isEqualTo(status);
        JsonNode error = reply.json().get("error");
        assertThat(error.get("code").intValue()).isEqualTo(code);
        if (subcode == null) {
            assertThat(error.has("error_subcode")).isFalse();
        } else {
            assertThat(error.get("error_subcode").intValue()).isEqualTo(subcode);
        }
        assertThat(error.get("type").stringValue()).isNotBlank();
        return error.get("message").stringValue();
    }
}
