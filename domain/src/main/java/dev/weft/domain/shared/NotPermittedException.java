package dev.weft.domain.shared;

/** Refusal: the caller may not act on this target. */
public class NotPermittedException extends DomainRuleException {
    public NotPermittedException(String field, String message) {
        super(field, message);
    }
}
