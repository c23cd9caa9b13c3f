package dev.weft.api.security;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The access rules: an account's token reaches only that account; auditors read every
 * account and change nothing; operators run the engine.
 */
@Component
public class Access {
    static final String CALLER_ATTRIBUTE = Access.class.getName() + ".caller";

    public Caller caller() {
        Object caller = RequestContextHolder.currentRequestAttributes()
                .getAttribute(CALLER_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (caller == null) {
            throw new UnauthenticatedException("a bearer token is required");
        }
        return (Caller) caller;
    }

    /** For changes: only the account itself. */
    public void requireOwner(String accountId) {
        if (!(caller() instanceof Caller.AccountHolder holder) || !holder.accountId().equals(accountId)) {
            throw new ForbiddenException("this token may not change account " + accountId);
        }
    }

    /** For reads: the account itself, an auditor or an operator. */
    public void requireReader(String accountId) {
        Caller caller = caller();
        if (caller instanceof Caller.AccountHolder holder && !holder.accountId().equals(accountId)) {
            throw new ForbiddenException("this token may not read account " + accountId);
        }
    }

    public String ownAccountId() {
        if (caller() instanceof Caller.AccountHolder holder) {
            return holder.accountId();
        }
        throw new ForbiddenException("only an account's own token may do this");
    }

    public void requireOperator() {
        if (!(caller() instanceof Caller.Operator)) {
            throw new ForbiddenException("only operators may do this");
        }
    }

    public void requireOperatorOrAuditor() {
        if (caller() instanceof Caller.AccountHolder) {
            throw new ForbiddenException("only operators and auditors may read this");
        }
    }
}
