package dev.weft.domain.accounts;

import java.util.HashMap;
import java.util.Map;

/** The handle registry the Account constructor gets injected, kept in a map for the fixture. */
final class InMemoryHandleRegistry implements HandleRegistry {
    private final Map<String, String> claims = new HashMap<>();

    @Override
    public boolean claim(String normalizedHandle, String accountId) {
        String holder = claims.putIfAbsent(normalizedHandle, accountId);
        return holder == null || holder.equals(accountId);
    }

    /** Marks a handle as held by another account before the command under test runs. */
    void takenBy(String normalizedHandle, String accountId) {
        claims.put(normalizedHandle, accountId);
    }

    Map<String, String> claims() {
        return Map.copyOf(claims);
    }
}
