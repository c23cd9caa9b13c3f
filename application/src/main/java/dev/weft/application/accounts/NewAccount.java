package dev.weft.application.accounts;

import java.time.LocalDate;

public record NewAccount(String handle, String displayName, boolean publicProfile, String country,
                         LocalDate birthDate) {
}
