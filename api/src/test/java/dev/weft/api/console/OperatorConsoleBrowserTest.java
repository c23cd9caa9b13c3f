package dev.weft.api.console;

import static dev.weft.api.support.WeftClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.api.federation.inbox.RemoteActorServer;
import dev.weft.api.support.TestAccounts;
import dev.weft.api.support.TestAccounts.Registered;
import dev.weft.api.support.WeftIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** An operator watches a rebuild run on a page that refreshes itself, and sees a server that stopped answering. */
class OperatorConsoleBrowserTest extends WeftIntegrationTest {
    private Browser browser;

    @BeforeEach
    void start() {
        browser = new Browser();
    }

    @AfterEach
    void stop() {
        browser.close();
    }

    @Test
    void anOperatorRebuildsAProjectionAndSeesAFailingServer() {
        String deadHost = aServerThatStoppedAnswering();

        browser.signIn(BASE_URL, OPERATOR_TOKEN);
        browser.awaitText(By.id("projections"), "timelines");
        browser.awaitText(By.id("servers"), deadHost);
        assertThat(browser.text(By.id("servers"))).contains("Redeliver");
        browser.driver.findElement(By.cssSelector("[aria-label='Rebuild timelines']")).click();
        browser.awaitText(By.id("status"), "Rebuilding timelines.");
        browser.await(By.cssSelector("progress[aria-label='Rebuild of timelines']"));
        browser.screenshot("operator-rebuilding");
        // An earlier test's rebuild may already read "succeeded": the bar going away is this one ending.
        await("the page shows the rebuild ended", () -> browser.driver.findElements(
                By.cssSelector("progress[aria-label='Rebuild of timelines']")).isEmpty());
        assertThat(browser.text(By.id("projections"))).contains("succeeded");
        browser.awaitText(By.id("status"), "The rebuild ended");
        assertThat(api.get("/api/v1/admin/projections", OPERATOR_TOKEN).json().findValuesAsString("state"))
                .doesNotContain("rebuilding");
        browser.screenshot("operator");
    }

    @Test
    void anAccountsTokenOnTheOperatorsPageLandsOnThePersonsPage() {
        Registered ola = TestAccounts.register(api, "ola");
        browser.signIn(BASE_URL, ola.token());
        browser.awaitText(By.id("who"), "@" + ola.handle());
        browser.open(BASE_URL + "/console/operator.html");
        browser.awaitText(By.id("who"), "@" + ola.handle());
        assertThat(browser.driver.getCurrentUrl()).endsWith("/console/person.html");
    }

    /** fred follows bea, then his server goes away before bea publishes. */
    private String aServerThatStoppedAnswering() {
        Registered bea = TestAccounts.registerSharing(api, "bea");
        RemoteActorServer remote = new RemoteActorServer();
        String follow = remote.activity("Follow", "fred", "\"" + BASE_URL + "/users/" + bea.handle() + "\"");
        assertThat(remote.post(BASE_URL + "/inbox", follow, "fred").statusCode()).isEqualTo(202);
        await("fred follows bea", () -> api.get(bea.path() + "/followers", bea.token()).json().path("count")
                .asLong() == 1);
        remote.close();
        api.post(bea.path() + "/posts", bea.token(), body("text", "nobody home"));
        await("the server is failing", () -> api.get("/api/v1/admin/servers?state=failing", OPERATOR_TOKEN).body()
                .contains(remote.host()));
        return remote.host();
    }
}
