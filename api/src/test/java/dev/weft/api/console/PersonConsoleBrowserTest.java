package dev.weft.api.console;

import static dev.weft.api.support.WeftClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.api.crossposting.LinkedAccounts;
import dev.weft.api.crossposting.platforms.FakeThreads;
import dev.weft.api.crossposting.platforms.GraphError;
import dev.weft.api.crossposting.platforms.ThreadsPost;
import dev.weft.api.support.PlatformFakes;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** A person signs in and sees where a post went, who liked and answered it, and retries a failed copy. */
class PersonConsoleBrowserTest extends ConsoleBrowserTest {
    @Test
    void aPersonSeesWhereTheirPostWentAndRetriesAFailedCopy() {
        LinkedAccounts kim = new LinkedAccounts(api, "kim");
        assertThat(api.put(kim.person.path() + "/fediverse-sharing", kim.person.token(),
                body("consentVersion", "2026-11")).status()).isEqualTo(200);
        String linkId = kim.linked(kim.linkThreads());
        String kimActor = BASE_URL + "/users/" + kim.person.handle();
        send("Follow", "fred", quoted(kimActor));
        await("fred follows kim", () -> api.get(kim.person.path() + "/followers", kim.person.token()).json()
                .path("count").asLong() == 1);
        PlatformFakes.THREADS.failNextWithGraphError(1, FakeThreads.publishing(), GraphError.blockedForPolicy());
        String postId = kim.publish("text", "Hello from the console");
        kim.awaitState(postId, linkId, "failed");
        String postUrl = api.get("/api/v1/posts/" + postId, kim.person.token()).text("url");
        engage(postUrl);
        await("delivered to fred's server and engaged with", () -> {
            var status = api.get("/api/v1/posts/" + postId + "/status", kim.person.token()).json();
            return status.path("fediverse").path("servers").path(0).path("state").asText().equals("delivered")
                    && status.path("replies").path("count").asLong() == 1
                    && status.path("reposts").path("count").asLong() == 1;
        });

        browser.signIn(BASE_URL, kim.person.token());
        browser.awaitText(By.id("who"), "@" + kim.person.handle());
        browser.awaitText(By.id("post-" + postId), "Nice post, kim");
        String post = browser.text(By.id("post-" + postId));
        assertThat(browser.driver.getCurrentUrl()).endsWith("/console/person.html").doesNotContain(kim.person.token());
        assertThat(post).contains("Hello from the console", "Liked by 1 fediverse user", "1 reply", "Reposted by 1",
                remote.actor("lia"), remote.host(), "delivered", "failed", "368");
        assertThat(browser.text(By.id("sharing"))).contains("On, under consent text 2026-11");
        browser.screenshot("person");

        browser.driver.findElement(By.cssSelector("[aria-label='Retry the threads copy']")).click();
        browser.awaitText(By.id("status"), "will be sent again");
        kim.awaitState(postId, linkId, "published");
        assertThat(kim.threadsPosts()).extracting(ThreadsPost::text).containsExactly("Hello from the console");
        browser.driver.navigate().refresh();
        browser.awaitText(By.id("post-" + postId), "published");
        assertThat(browser.driver.findElements(By.cssSelector("[aria-label='Retry the threads copy']"))).isEmpty();
        browser.screenshot("person-after-retry");
    }

    @Test
    void aWrongTokenIsRefusedOnTheSignInPage() {
        browser.signIn(BASE_URL, "not-a-token");
        browser.awaitText(By.id("status"), "That token is not valid.");
        assertThat(browser.driver.getCurrentUrl()).doesNotContain("not-a-token");
        browser.screenshot("sign-in-refused");
    }

    private void engage(String postUrl) {
        send("Like", "lia", quoted(postUrl));
        String note = remote.origin() + "/notes/" + UUID.randomUUID();
        send("Create", "rex", "{\"id\": \"" + note + "\", \"type\": \"Note\", \"attributedTo\": \""
                + remote.actor("rex") + "\", \"inReplyTo\": \"" + postUrl + "\", \"content\": \"<p>Nice post, kim</p>\"}");
        send("Announce", "sam", quoted(postUrl));
    }

}
