package dev.weft.api.accounts;

import static dev.weft.api.support.WeftClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.api.support.PlatformFakes;
import dev.weft.api.support.TestAccounts;
import dev.weft.api.support.TestAccounts.Registered;
import dev.weft.api.support.WeftClient.Response;
import dev.weft.api.support.WeftIntegrationTest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AccountsApiIntegrationTest extends WeftIntegrationTest {

    @Test
    void registersAndReadsBackAnAccountWithItsToken() {
        Registered alice = TestAccounts.register(api, "alice");
        Response read = api.get(alice.path(), alice.token());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.text("handle")).isEqualTo(alice.handle());
        assertThat(read.text("country")).isEqualTo("US");
        assertThat(read.json().path("fediverseSharing").asBoolean()).isFalse();
        assertThat(alice.token()).startsWith("weft_");
    }

    @Test
    void aDuplicateHandleComparedCaseInsensitivelyIsAConflictAndWritesNothing() {
        Registered first = TestAccounts.register(api, "dup");
        Response duplicate = rejectedWithoutWrites(() -> api.post("/api/v1/accounts", null, body(
                "handle", first.handle().toUpperCase(), "displayName", "Copycat", "publicProfile", true,
                "country", "US", "birthDate", "1990-01-01")));
        assertProblem(duplicate, 409, "handle");
    }

    @Test
    void malformedJsonIsABadRequest() {
        Response response = rejectedWithoutWrites(() -> api.postRaw("/api/v1/accounts", null, "{\"handle\": \"x\","));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aMalformedDateNamesTheField() {
        Response response = rejectedWithoutWrites(() -> api.post("/api/v1/accounts", null, body("handle",
                TestAccounts.uniqueHandle("d"), "displayName", "D", "publicProfile", true, "country", "US",
                "birthDate", "1990-13-45")));
        assertProblem(response, 400, "birthDate");
    }

    @Test
    void invalidHandleAndCountryAreRejectedNamingTheField() {
        assertProblem(rejectedWithoutWrites(() -> api.post("/api/v1/accounts", null, body("handle", "no spaces!",
                "displayName", "X", "publicProfile", true, "country", "US", "birthDate", "1990-01-01"))),
                400, "handle");
        assertProblem(rejectedWithoutWrites(() -> api.post("/api/v1/accounts", null, body("handle",
                TestAccounts.uniqueHandle("c"), "displayName", "X", "publicProfile", true, "country", "XX",
                "birthDate", "1990-01-01"))), 400, "country");
        assertProblem(rejectedWithoutWrites(() -> api.post("/api/v1/accounts", null, body("handle",
                TestAccounts.uniqueHandle("m"), "publicProfile", true, "country", "US",
                "birthDate", "1990-01-01"))), 400, "displayName");
    }

    @Test
    void unknownIdsAreNotFound() {
        Response response = api.get("/api/v1/accounts/00000000-0000-0000-0000-000000000000", AUDITOR_TOKEN);
        assertProblem(response, 404, "id");
    }

    @Test
    void anotherAccountsTokenIsForbiddenAndNoTokenIsUnauthenticated() {
        Registered alice = TestAccounts.register(api, "alice");
        Registered mallory = TestAccounts.register(api, "mallory");
        assertProblem(api.get(alice.path(), mallory.token()), 403, "Authorization");
        assertProblem(rejectedWithoutWrites(() -> api.patch(alice.path(), mallory.token(),
                body("displayName", "pwned"))), 403, "Authorization");
        assertProblem(api.get(alice.path(), null), 401, "Authorization");
        assertProblem(api.get(alice.path(), "weft_not-a-real-token"), 401, "Authorization");
    }

    @Test
    void auditorsReadEveryAccountButChangeNothing() {
        Registered alice = TestAccounts.register(api, "alice");
        assertThat(api.get(alice.path(), AUDITOR_TOKEN).status()).isEqualTo(200);
        assertProblem(rejectedWithoutWrites(() -> api.delete(alice.path(), AUDITOR_TOKEN)), 403, "Authorization");
    }

    @Test
    void updatesTheProfile() {
        Registered alice = TestAccounts.register(api, "alice");
        Response updated = api.patch(alice.path(), alice.token(), body("displayName", "Alice Liddell",
                "country", "gb"));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.text("displayName")).isEqualTo("Alice Liddell");
        assertThat(updated.text("country")).isEqualTo("GB");
    }

    @Test
    void sharingNeedsAPublicProfileAnAdultAndAnEligibleCountry() {
        Registered hidden = TestAccounts.register(api, "hidden", false, "US", "1990-01-01");
        assertProblem(rejectedWithoutWrites(() -> turnOnSharing(hidden)), 422, "publicProfile");

        String seventeen = LocalDate.now().minusYears(17).toString();
        Registered minor = TestAccounts.register(api, "minor", true, "US", seventeen);
        assertProblem(rejectedWithoutWrites(() -> turnOnSharing(minor)), 422, "birthDate");

        Registered elsewhere = TestAccounts.register(api, "elsewhere", true, "KP", "1990-01-01");
        assertProblem(rejectedWithoutWrites(() -> turnOnSharing(elsewhere)), 422, "country");

        Registered adult = TestAccounts.register(api, "adult");
        assertProblem(rejectedWithoutWrites(() -> api.put(adult.path() + "/fediverse-sharing", adult.token(),
                body("consentVersion", "2019-01"))), 422, "consentVersion");
        assertThat(turnOnSharing(adult).status()).isEqualTo(200);
        assertThat(api.get(adult.path(), adult.token()).json().path("consentVersion").asString())
                .isEqualTo("2026-11");
    }

    @Test
    void aProfileChangeThatEndsEligibilityTurnsSharingOff() {
        Registered alice = TestAccounts.registerSharing(api, "alice");
        String minor = LocalDate.now().minusYears(16).toString();
        Response updated = api.patch(alice.path(), alice.token(), body("birthDate", minor));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().path("fediverseSharing").asBoolean()).isFalse();
        await("withdrawal audited", () -> api.get(alice.path() + "/audit", alice.token()).body()
                .contains("no_longer_eligible"));
    }

    @Test
    void deletingAnAccountErasesItsLinkedAccountTokensAndPersonalFields() {
        Registered gone = TestAccounts.register(api, "erased");
        String pageId = "page-" + gone.id();
        PlatformFakes.FACEBOOK.seedPage(pageId, "Erased page", "fb-secret-" + gone.id());
        Response link = api.post(gone.path() + "/links", gone.token(), body("platform", "facebook",
                "externalAccountId", pageId, "accessToken", "fb-secret-" + gone.id(), "crossPostByDefault", false));
        assertThat(link.status()).as(link.toString()).isEqualTo(201);
        assertThat(api.delete(gone.path(), gone.token()).status()).isEqualTo(204);
        await("the page token erased: no copy there needs deleting", () -> jdbc.queryForObject(
                "SELECT count(*) FROM vault.link_credential WHERE account_id = ?", Long.class, gone.id()) == 0);
        Response asAuditor = api.get(gone.path(), AUDITOR_TOKEN);
        assertThat(asAuditor.text("displayName")).isEmpty();
        assertThat(asAuditor.json().path("birthDate").isMissingNode()).isTrue();
        assertThat(api.get(gone.path() + "/links", AUDITOR_TOKEN).json().size()).isZero();
    }

    @Test
    void onlyHealthIsOpenAndOnlyPrometheusIsExposedBesideIt() {
        assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
        assertThat(api.get("/actuator/env", null).status()).isEqualTo(401);
        assertThat(api.get("/actuator/metrics", OPERATOR_TOKEN).status()).isEqualTo(404);
        assertThat(api.get("/actuator/env", OPERATOR_TOKEN).status()).isEqualTo(404);
        assertThat(api.get("/actuator/prometheus", OPERATOR_TOKEN).status()).isEqualTo(200);
    }

    @Test
    void deletingAnAccountRevokesItsToken() {
        Registered gone = TestAccounts.register(api, "gone");
        assertThat(api.delete(gone.path(), gone.token()).status()).isEqualTo(204);
        assertProblem(api.get(gone.path(), gone.token()), 401, "Authorization");
        Response asAuditor = api.get(gone.path(), AUDITOR_TOKEN);
        assertThat(asAuditor.json().path("deletedAt").isMissingNode()).isFalse();
    }

    private Response turnOnSharing(Registered account) {
        return api.put(account.path() + "/fediverse-sharing", account.token(), body("consentVersion", "2026-11"));
    }

    static void assertProblem(Response response, int status, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("field")).as(response.toString()).isEqualTo(field);
        assertThat(response.text("detail")).isNotBlank();
    }
}
