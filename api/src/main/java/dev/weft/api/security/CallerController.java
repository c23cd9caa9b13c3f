package dev.weft.api.security;

import dev.weft.application.accounts.AccountDirectory;
import dev.weft.application.accounts.AccountView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tells a client whose token it holds, so the console can open the right page after signing in. */
@RestController
public class CallerController {
    private final Access access;
    private final AccountDirectory accounts;

    public CallerController(Access access, AccountDirectory accounts) {
        this.access = access;
        this.accounts = accounts;
    }

    /** kind: account (with its id and handle), auditor or operator. */
    public record CallerView(String kind, String accountId, String handle) {
    }

    @GetMapping("/api/v1/me")
    public CallerView me() {
        Caller caller = access.caller();
        if (caller instanceof Caller.AccountHolder holder) {
            return new CallerView("account", holder.accountId(),
                    accounts.find(holder.accountId()).map(AccountView::handle).orElse(null));
        }
        return new CallerView(caller instanceof Caller.Auditor ? "auditor" : "operator", null, null);
    }
}
