package dev.weft.api.crossposting.platforms;

/** A Threads profile seeded on a {@link FakeThreads}: its Threads user id and username. */
public record ThreadsUser(String id, String username) {
}
