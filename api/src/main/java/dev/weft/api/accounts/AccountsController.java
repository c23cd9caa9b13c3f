package dev.weft.api.accounts;

import dev.weft.api.limits.ClientAddresses;
import dev.weft.api.limits.RateLimits;
import jakarta.servlet.http.HttpServletRequest;
import dev.weft.api.security.Access;
import dev.weft.application.accounts.AccountCommands;
import dev.weft.application.accounts.AccountDirectory;
import dev.weft.application.accounts.AccountView;
import dev.weft.application.accounts.NewAccount;
import dev.weft.application.accounts.ProfileChanges;
import dev.weft.application.accounts.RegisteredAccount;
import dev.weft.application.sharing.ConsentStatus;
import dev.weft.application.shared.NotFoundException;
import dev.weft.domain.sharing.FediverseEligibility;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.LocalDate;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/accounts")
public class AccountsController {
    private final AccountCommands commands;
    private final AccountDirectory directory;
    private final Access access;
    private final FediverseEligibility eligibility;
    private final RateLimits limits;
    private final ClientAddresses clients;

    public AccountsController(AccountCommands commands, AccountDirectory directory, Access access,
                              FediverseEligibility eligibility, RateLimits limits, ClientAddresses clients) {
        this.commands = commands;
        this.directory = directory;
        this.access = access;
        this.eligibility = eligibility;
        this.limits = limits;
        this.clients = clients;
    }

    public record RegisterRequest(@NotBlank String handle, @NotBlank String displayName,
                                  @NotNull Boolean publicProfile, @NotBlank String country,
                                  @NotNull LocalDate birthDate) {
    }

    public record UpdateRequest(String displayName, Boolean publicProfile, String country, LocalDate birthDate) {
    }

    @PostMapping
    public ResponseEntity<RegisteredAccount> register(@Valid @RequestBody RegisterRequest request,
                                                      HttpServletRequest http) {
        limits.acquire(RateLimits.Kind.REGISTRATION, clients.of(http));
        RegisteredAccount account = commands.register(new NewAccount(request.handle(), request.displayName(),
                request.publicProfile(), request.country(), request.birthDate()));
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + account.id())).body(account);
    }

    @GetMapping("/{id}")
    public AccountResponse get(@PathVariable String id) {
        access.requireReader(id);
        return response(existing(id));
    }

    @PatchMapping("/{id}")
    public AccountResponse update(@PathVariable String id, @RequestBody UpdateRequest request) {
        access.requireOwner(id);
        commands.updateProfile(id, new ProfileChanges(request.displayName(), request.publicProfile(),
                request.country(), request.birthDate()));
        return response(existing(id));
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable String id) {
        access.requireOwner(id);
        commands.delete(id);
        return ResponseEntity.noContent().build();
    }

    private AccountResponse response(AccountView account) {
        return AccountResponse.of(account, ConsentStatus.of(account, eligibility));
    }

    private AccountView existing(String id) {
        return directory.find(id).orElseThrow(() -> new NotFoundException("id", "no account " + id));
    }
}
