package dev.weft.domain.shared;

/** Refusal: the target was deleted. */
public class GoneException extends DomainRuleException {
    public GoneException(String field, String message) {
        super(field, message);
    }
}
