package dev.weft.application.federation.keys;

/** The account's keys were erased with it: nothing may be signed in its name any more. */
public class ErasedKeysException extends IllegalStateException {
    public ErasedKeysException(String ownerId) {
        super("the keys of " + ownerId + " were erased");
    }
}
