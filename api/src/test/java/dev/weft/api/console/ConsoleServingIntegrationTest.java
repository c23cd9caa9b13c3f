package dev.weft.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.api.support.TestAccounts;
import dev.weft.api.support.TestAccounts.Registered;
import dev.weft.api.support.WeftClient.Response;
import dev.weft.api.support.WeftIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The console's pages come with headers that keep other scripts and sites away from the token. */
class ConsoleServingIntegrationTest extends WeftIntegrationTest {

    @Test
    void theSignInPageIsServedWithAStrictContentSecurityPolicy() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(BASE_URL + "/console")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form id=\"sign-in\"");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(ConsoleHeaders.POLICY);
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }

    @Test
    void meTellsWhoseTokenItIs() {
        Registered una = TestAccounts.register(api, "una");
        Response account = api.get("/api/v1/me", una.token());
        assertThat(account.text("kind")).isEqualTo("account");
        assertThat(account.text("accountId")).isEqualTo(una.id());
        assertThat(account.text("handle")).isEqualTo(una.handle());
        assertThat(api.get("/api/v1/me", AUDITOR_TOKEN).text("kind")).isEqualTo("auditor");
        assertThat(api.get("/api/v1/me", OPERATOR_TOKEN).text("kind")).isEqualTo("operator");
        Response anonymous = api.get("/api/v1/me", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
    }
}
