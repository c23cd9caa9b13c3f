package dev.weft.application.accounts;

/** The token is here once and nowhere else. */
public record RegisteredAccount(String id, String handle, String token) {
}
