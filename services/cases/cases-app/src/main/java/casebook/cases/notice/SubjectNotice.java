package casebook.cases.notice;

import casebook.cases.api.ActionRuling;
import casebook.cases.api.AppealDecided;
import casebook.cases.api.Restriction;
import casebook.cases.api.StatementOfReasons;
import casebook.cases.api.StatementOfReasonsIssued;
import casebook.cases.api.SubjectRef;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One message on {@code casebook.subject-notices.v1}: what Casebook tells the subject of a case, for the channel that
 * delivers it to them (seller or creator centre, e-mail). {@code kind} says which body is present:
 * {@link Kind#STATEMENT_OF_REASONS} ({@code statement}: DSA Art. 17, sent with the enforcement orders of the decision)
 * or {@link Kind#APPEAL_OUTCOME} ({@code appealOutcome}: DSA Art. 20(5)). {@code noticeId} identifies the notice for
 * good (derived from the decision or the appeal): delivered at least once, tell the subject once. The contract is in
 * api-specs/asyncapi.
 */
record SubjectNotice(String noticeId, Kind kind, String caseId, String decisionId, Subject subject, String region,
                     Instant issuedAt, Statement statement, AppealOutcome appealOutcome) {

    enum Kind {
        STATEMENT_OF_REASONS, APPEAL_OUTCOME
    }

    record Subject(String kind, String id) {
    }

    /** A restriction of the statement: the order's {@code actionId}, where and until when ({@code endsAt}, or open). */
    record Restricted(String actionId, String action, String territorialScope, Instant endsAt) {
    }

    record Statement(List<Restricted> restrictions, String ground, String legalGround, List<String> policyRefs,
                     String facts, String source, boolean automatedDetection, String automatedDecision,
                     Instant decidedAt, Instant appealBy, List<String> redress) {
    }

    record Ruled(String actionId, String ruling) {
    }

    record AppealOutcome(String appealId, String outcome, List<Ruled> rulings, String rationale, Instant decidedAt) {
    }

    /** The statement of reasons of a decided violation, as recorded with the decision. */
    static SubjectNotice of(StatementOfReasonsIssued issued, String region, Instant at) {
        StatementOfReasons s = issued.statement();
        Statement statement = new Statement(s.restrictions().stream().map(SubjectNotice::restricted).toList(),
                s.ground() == null ? null : s.ground().name(), s.legalGround(), s.policyRefs(), s.facts(), s.source(),
                s.automatedDetection(), s.automatedDecision(), s.decidedAt(), s.appealBy(), s.redress());
        return new SubjectNotice(id("statement/" + issued.decisionId()), Kind.STATEMENT_OF_REASONS,
                issued.caseId().toString(), issued.decisionId().toString(), subject(issued.subject()), region, at,
                statement, null);
    }

    /** How the subject's appeal was decided, action by action, and why. */
    static SubjectNotice of(AppealDecided decided, SubjectRef subject, String region, Instant at) {
        AppealOutcome outcome = new AppealOutcome(decided.appealId().toString(), decided.outcome().name(),
                decided.rulings().stream().map(SubjectNotice::ruled).toList(), decided.rationale(), at);
        return new SubjectNotice(id("appeal-outcome/" + decided.appealId()), Kind.APPEAL_OUTCOME,
                decided.caseId().toString(), decided.decisionId().toString(), subject(subject), region, at, null,
                outcome);
    }

    private static Restricted restricted(Restriction r) {
        return new Restricted(r.actionId().toString(), r.action().name(), r.territorialScope(), r.endsAt());
    }

    private static Ruled ruled(ActionRuling r) {
        return new Ruled(r.actionId().toString(), r.ruling().name());
    }

    private static String id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static Subject subject(SubjectRef subject) {
        return new Subject(subject.kind().name(), subject.id());
    }
}
