package dev.weft.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.api.federation.inbox.RemoteActorServer;
import dev.weft.api.support.WeftIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A browser, and a loopback server whose actors follow and answer the people the test signs in as. */
abstract class ConsoleBrowserTest extends WeftIntegrationTest {
    protected RemoteActorServer remote;
    protected Browser browser;

    @BeforeEach
    void startBrowserAndRemote() {
        remote = new RemoteActorServer();
        browser = new Browser();
    }

    @AfterEach
    void stopBrowserAndRemote() {
        browser.close();
        remote.close();
    }

    /** object is JSON: a quoted IRI or an object. */
    protected void send(String type, String actorName, String object) {
        var answer = remote.post(BASE_URL + "/inbox", remote.activity(type, actorName, object), actorName);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
    }

    protected static String quoted(String value) {
        return "\"" + value + "\"";
    }
}
