package dev.weft.application.remotepeople;

import java.util.Optional;

/** The keys that seal each data subject's personal data in events. */
public interface PersonalDataKeys {

    /**
     * What the subject's sealed data will read as once their key is erased; empty when
     * nothing of them was ever sealed (there is no key), or the key is gone already.
     */
    Optional<String> placeholderOf(String subjectId);

    /** Whether the subject's key was erased: nothing about them is readable or kept any more. */
    boolean erased(String subjectId);
}
