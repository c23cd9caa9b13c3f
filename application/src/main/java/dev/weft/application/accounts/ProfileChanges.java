package dev.weft.application.accounts;

import java.time.LocalDate;

public record ProfileChanges(String displayName, Boolean publicProfile, String country, LocalDate birthDate) {
}
