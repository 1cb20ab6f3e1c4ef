package casebook.cases.api;

/** A detection system raises a flag; it opens a case for its subject and category or joins the open one. */
public record RaiseFlag(Flag flag, Actor raisedBy) {
}
