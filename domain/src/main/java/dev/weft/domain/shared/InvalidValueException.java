package dev.weft.domain.shared;

/** Refusal: a value is malformed or out of range. */
public class InvalidValueException extends DomainRuleException {
    public InvalidValueException(String field, String message) {
        super(field, message);
    }
}
