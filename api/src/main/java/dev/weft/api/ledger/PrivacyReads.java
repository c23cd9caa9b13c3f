package dev.weft.api.ledger;

import dev.weft.api.security.Access;
import dev.weft.api.security.Caller;
import dev.weft.application.accounts.AccountDirectory;
import dev.weft.application.ledger.AuditorReadLog;
import dev.weft.application.shared.Clock;
import dev.weft.application.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * The gate of every read of an account's privacy record: the account itself, an auditor or
 * an operator may read it, and every read by someone other than the account is logged,
 * with the question as asked, before it is answered.
 */
@Component
public class PrivacyReads {
    private final Access access;
    private final AccountDirectory directory;
    private final AuditorReadLog log;
    private final Clock clock;

    public PrivacyReads(Access access, AccountDirectory directory, AuditorReadLog log, Clock clock) {
        this.access = access;
        this.directory = directory;
        this.log = log;
        this.clock = clock;
    }

    public void allow(String accountId, HttpServletRequest request) {
        access.requireReader(accountId);
        if (directory.find(accountId).isEmpty()) {
            throw new NotFoundException("accountId", "no account " + accountId);
        }
        Caller caller = access.caller();
        if (!(caller instanceof Caller.AccountHolder)) {
            String question = request.getMethod() + " " + request.getRequestURI()
                    + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            log.record(new AuditorReadLog.AuditorRead(clock.now(), readerName(caller), accountId, question));
        }
    }

    private static String readerName(Caller caller) {
        return caller instanceof Caller.Auditor ? "auditor" : "operator";
    }
}
