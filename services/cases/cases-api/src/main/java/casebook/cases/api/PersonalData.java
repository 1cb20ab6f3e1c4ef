package casebook.cases.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Personal data of the case's subject (GDPR Art. 4(1)): its id, the signals a detection saw, free text people wrote,
 * evidence references, linked entity values. Inside a stored event such a component is encrypted under its case's
 * data key; once the subject is erased (the key destroyed) it reads as {@link #ERASED}, while the event and every
 * other field stay as they were (docs/adr/0018, docs/events.md). On a {@code List<String>} it marks each element.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface PersonalData {
    /** What an erased value reads as: non-blank and short, so that every record's validation accepts it. */
    String ERASED = "[erased]";
}
