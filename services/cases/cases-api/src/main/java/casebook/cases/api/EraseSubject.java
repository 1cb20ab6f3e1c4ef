package casebook.cases.api;

import java.util.Objects;

/**
 * An erasure request (GDPR Art. 17) for a subject: the personal data of every case of the subject, in every region,
 * becomes unreadable, unless any of those cases is under a legal hold (then nothing changes). {@code erasureId} names
 * the request on every case it erases; {@code reason} goes to the audit metadata only. Answers the cases erased.
 */
public record EraseSubject(SubjectRef subject, String reason, String erasureId, Actor actor) {
    public static final int MAX_REASON_LENGTH = 500;

    public EraseSubject {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(actor, "actor");
    }
}
