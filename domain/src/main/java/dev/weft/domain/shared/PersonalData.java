package dev.weft.domain.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record component that holds personal data: it is stored encrypted under the key
 * of the person it belongs to (its data subject), and erasing that key erases it from every
 * stored event at once (crypto-shredding). subject names the component of the same record
 * that identifies the person (a dotted path reaches into a nested record, e.g.
 * "actor.actorId"); left empty, the value itself identifies them, as an actor's IRI does.
 * In a record nested in the event, or in a list of records, a subject the record does not
 * have is read from the event itself, so a batch's elements need not repeat it.
 * After erasure a reader gets a stable placeholder in its place: a string becomes
 * {@code urn:weft:erased:<token>}, any other value null, a record a record of such.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface PersonalData {
    String subject() default "";
}
