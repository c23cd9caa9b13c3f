package dev.weft.api.support;

import static dev.weft.api.support.WeftClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Registers accounts with unique handles, so test classes sharing one store never collide. */
public final class TestAccounts {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestAccounts() {
    }

    public static String uniqueHandle(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 8) + COUNTER.incrementAndGet();
    }

    public static Registered register(WeftClient api, String prefix) {
        return register(api, prefix, true, "US", "1990-05-17");
    }

    public static Registered register(WeftClient api, String prefix, boolean publicProfile, String country,
                                      String birthDate) {
        String handle = uniqueHandle(prefix);
        WeftClient.Response response = api.post("/api/v1/accounts", null, body("handle", handle,
                "displayName", "Test " + prefix, "publicProfile", publicProfile, "country", country,
                "birthDate", birthDate));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return new Registered(response.text("id"), handle, response.text("token"));
    }

    public static Registered registerSharing(WeftClient api, String prefix) {
        Registered account = register(api, prefix);
        WeftClient.Response sharing = api.put("/api/v1/accounts/" + account.id() + "/fediverse-sharing",
                account.token(), body("consentVersion", "2026-11"));
        assertThat(sharing.status()).as(sharing.toString()).isEqualTo(200);
        return account;
    }

    public record Registered(String id, String handle, String token) {
        public String path() {
            return "/api/v1/accounts/" + id;
        }
    }
}
