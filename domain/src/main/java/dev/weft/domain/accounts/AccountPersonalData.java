package dev.weft.domain.accounts;

import java.time.LocalDate;

/**
 * The personal fields of an account event, kept in one place so that a per-account key
 * can later encrypt them all (crypto-shredding) without touching the rest of the event.
 */
public record AccountPersonalData(String handle, String displayName, LocalDate birthDate) {
}
