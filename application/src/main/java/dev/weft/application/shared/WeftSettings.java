package dev.weft.application.shared;

/** Settings the use cases need: the public base URL for links Weft hands out. */
public record WeftSettings(String baseUrl) {
    public String postUrl(String postId) {
        return baseUrl + "/posts/" + postId;
    }
}
