package casebook.cases.api;

import org.axonframework.serialization.Revision;

/** An investigation note was written on a case. */
@Revision("1")
public record NoteAdded(CaseId caseId, NoteId noteId, String author, @PersonalData String text) {
}
