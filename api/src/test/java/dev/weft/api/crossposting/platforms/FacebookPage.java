package dev.weft.api.crossposting.platforms;

/** A Facebook Page seeded on a {@link FakeFacebookPages}, with the name GET /{page-id}?fields=name answers. */
public record FacebookPage(String id, String name) {
}
