package dev.weft.application.posts;

import java.util.List;

/** crossPostTo and shareToFediverse left null take the account's defaults. */
public record NewPost(String text, String contentWarning, String language, String visibility,
                      List<String> crossPostTo, Boolean shareToFediverse) {
}
