package dev.weft.api.accounts;

import dev.weft.api.security.Access;
import dev.weft.application.accounts.AccountDirectory;
import dev.weft.application.shared.NotFoundException;
import dev.weft.application.sharing.ConsentStatus;
import dev.weft.application.sharing.SharingCommands;
import dev.weft.domain.sharing.FediverseEligibility;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/accounts/{accountId}/fediverse-sharing")
public class SharingController {
    private final SharingCommands commands;
    private final Access access;
    private final AccountDirectory directory;
    private final FediverseEligibility eligibility;

    public SharingController(SharingCommands commands, Access access, AccountDirectory directory,
                             FediverseEligibility eligibility) {
        this.commands = commands;
        this.access = access;
        this.directory = directory;
        this.eligibility = eligibility;
    }

    /** Whether the account shares, and whether it must accept a newer explanation before new posts federate. */
    @GetMapping
    public ConsentStatus status(@PathVariable String accountId) {
        access.requireReader(accountId);
        return ConsentStatus.of(directory.find(accountId).orElseThrow(() -> new NotFoundException("accountId",
                "no account " + accountId)), eligibility);
    }

    public record ConsentRequest(@NotBlank String consentVersion) {
    }

    @PutMapping
    public Map<String, Object> turnOn(@PathVariable String accountId, @Valid @RequestBody ConsentRequest request) {
        access.requireOwner(accountId);
        commands.turnOn(accountId, request.consentVersion());
        return Map.of("shared", true, "consentVersion", request.consentVersion());
    }

    /** Turning sharing off asks every server that received a shared post to delete it. */
    @DeleteMapping
    public ResponseEntity<Void> turnOff(@PathVariable String accountId) {
        access.requireOwner(accountId);
        commands.turnOff(accountId);
        return ResponseEntity.noContent().build();
    }
}
