package dev.weft.domain.shared;

/** A command was refused; {@link #field()} names what the caller got wrong, when one thing did. */
public abstract class DomainRuleException extends RuntimeException {
    private final String field;

    protected DomainRuleException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
