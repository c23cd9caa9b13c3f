package dev.weft.api.console;

import static dev.weft.api.support.WeftClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.api.support.TestAccounts;
import dev.weft.api.support.TestAccounts.Registered;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/** An auditor asks who held an account's post before and after its deletion was confirmed, and downloads it. */
class AuditorConsoleBrowserTest extends ConsoleBrowserTest {
    /** The value of a datetime-local field; the browser runs in UTC. */
    private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    @Test
    void anAuditorSeesTheHoldingsAsOfAMomentAndDownloadsThem() throws Exception {
        Registered ada = TestAccounts.registerSharing(api, "audited");
        send("Follow", "fred", quoted(BASE_URL + "/users/" + ada.handle()));
        await("fred follows ada", () -> api.get(ada.path() + "/followers", ada.token()).json().path("count")
                .asLong() == 1);
        String postId = api.post(ada.path() + "/posts", ada.token(), body("text", "audit me")).text("id");
        await("delivered", () -> "yes".equals(held(ada, postId)));
        Instant whileHeld = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        Thread.sleep(1500);
        assertThat(api.delete("/api/v1/posts/" + postId, ada.token()).status()).isBetween(200, 204);
        await("the Delete reached fred's server", () -> "no".equals(held(ada, postId)));

        browser.signIn(BASE_URL, AUDITOR_TOKEN);
        browser.await(By.id("account-id")).sendKeys(ada.id());
        browser.driver.findElement(By.cssSelector("#ask button[type=submit]")).click();
        browser.awaitText(By.id("answer"), "post " + postId);
        assertThat(heldCell(postId)).isEqualTo("no");
        assertThat(browser.text(By.id("answer"))).contains(remote.host(), "delivered");

        WebElement asOf = browser.driver.findElement(By.id("as-of"));
        // A date picker's keystrokes differ by locale; the value it would produce does not.
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].value = arguments[1]", asOf,
                LOCAL_INPUT.format(whileHeld));
        browser.driver.findElement(By.cssSelector("#ask button[type=submit]")).click();
        await("the answer as of then", () -> "yes".equals(heldCell(postId)));
        assertThat(browser.text(By.id("answer"))).contains("Timeline of disclosures", "2026-11");
        browser.screenshot("auditor");

        browser.driver.findElement(By.xpath("//button[text()='Download as CSV']")).click();
        Path csv = Browser.DOWNLOADS.resolve("holdings.csv");
        await("the CSV was downloaded", () -> Files.exists(csv));
        assertThat(Files.readString(csv)).contains(postId, remote.host());
        assertThat(api.get(ada.path() + "/auditor-reads", ada.token()).body()).contains("auditor", "holdings");
    }

    /** "yes" or "no" as the API says whether the post is held now; null before it was disclosed. */
    private String held(Registered account, String postId) {
        for (var recipient : api.get(account.path() + "/holdings", account.token()).json().path("recipients")) {
            for (var item : recipient.path("items")) {
                if (item.path("itemId").asText().equals(postId)) {
                    return item.path("held").asBoolean() ? "yes" : "no";
                }
            }
        }
        return null;
    }

    /** The page's "Held then" cell of the post's row. */
    private String heldCell(String postId) {
        try {
            var rows = browser.driver.findElements(By.xpath("//tr[td[1][normalize-space(.)='post " + postId + "']]"));
            return rows.isEmpty() ? null : rows.get(0).findElements(By.tagName("td")).get(5).getText();
        } catch (StaleElementReferenceException answerRedrawn) {
            return null;
        }
    }

}
