package casebook.cases.api;

/**
 * A command sent by a person or system on a case: the case is first checked against the actor's regions, before
 * anything else about the command (its expected version included), so that a case outside them answers exactly like
 * one that does not exist (invariant 10).
 */
public interface ByActor {
    Actor actor();
}
