package dev.weft.domain.shared;

/** Refusal: a business rule refuses the command, such as sharing for a minor. */
public class NotEligibleException extends DomainRuleException {
    public NotEligibleException(String field, String message) {
        super(field, message);
    }
}
