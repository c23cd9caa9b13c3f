package dev.weft.api.federation.inbox;

import static dev.weft.api.support.WeftClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A followers-only note is served to fetches signed from a server where the author has an
 * accepted follower, and to no one else.
 */
class FollowersOnlyFetchIntegrationTest extends RemoteActorsTest {

    private String followersOnlyPost() {
        String id = api.post(alice.path() + "/posts", alice.token(), body("text", "for followers",
                "visibility", "followers-only")).text("id");
        await("readable", () -> api.get("/api/v1/posts/" + id, alice.token()).status() == 200);
        return BASE_URL + "/posts/" + id;
    }

    private static HttpResponse<String> unsignedFetch(String url) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(url)).header("Accept", "application/activity+json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void onlyAFollowersServerMayFetchIt() throws Exception {
        String note = followersOnlyPost();
        assertThat(unsignedFetch(note).statusCode()).as("an unsigned fetch").isEqualTo(404);
        assertThat(remote.getSigned(note, "ivy", "ivy").statusCode()).as("no follower there yet").isEqualTo(404);

        String follow = "{\"id\": \"" + remote.origin() + "/follows/" + UUID.randomUUID() + "\", \"type\": \"Follow\", "
                + "\"actor\": \"" + remote.actor("ivy") + "\", \"object\": \"" + BASE_URL + "/users/" + alice.handle()
                + "\"}";
        assertThat(remote.post(BASE_URL + "/inbox", follow, "ivy").statusCode()).isEqualTo(202);
        await("ivy follows", () -> api.get(alice.path() + "/followers", alice.token()).json().path("count")
                .asLong() == 1);

        HttpResponse<String> byFollower = remote.getSigned(note, "ivy", "ivy");
        assertThat(byFollower.statusCode()).as(byFollower.body()).isEqualTo(200);
        assertThat(byFollower.body()).contains("for followers").contains("/followers");
        assertThat(remote.getSigned(note, "jon", "jon").statusCode()).as("another actor of the same server")
                .isEqualTo(200);
        assertThat(remote.getSigned(note, "ivy", "mallory").statusCode()).as("a forged signature")
                .isEqualTo(401);
    }
}
