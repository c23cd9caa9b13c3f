package dev.weft.domain.shared;

/** Refusal: the command names something that does not exist. */
public class UnknownEntityException extends DomainRuleException {
    public UnknownEntityException(String field, String message) {
        super(field, message);
    }
}
