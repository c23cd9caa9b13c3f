package dev.weft.application.shared;

import dev.weft.domain.shared.UnknownEntityException;

/** A read asked for something that no projection knows. */
public class NotFoundException extends UnknownEntityException {
    public NotFoundException(String field, String message) {
        super(field, message);
    }
}
