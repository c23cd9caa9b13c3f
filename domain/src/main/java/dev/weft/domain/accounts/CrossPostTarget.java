package dev.weft.domain.accounts;

import dev.weft.domain.links.Platform;

/** A linked account that gets a copy of one post. */
public record CrossPostTarget(String linkId, Platform platform) {
}
