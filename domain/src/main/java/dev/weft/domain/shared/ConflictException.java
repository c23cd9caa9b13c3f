package dev.weft.domain.shared;

/** Refusal: the command clashes with existing state, such as a taken handle. */
public class ConflictException extends DomainRuleException {
    public ConflictException(String field, String message) {
        super(field, message);
    }
}
