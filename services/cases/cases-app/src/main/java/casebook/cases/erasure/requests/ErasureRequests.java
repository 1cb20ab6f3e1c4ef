package casebook.cases.erasure.requests;

import casebook.cases.api.Actor;
import casebook.cases.api.CaseId;
import casebook.cases.api.EraseCase;
import casebook.cases.api.ErasePersonalData;
import casebook.cases.api.EraseSubject;
import casebook.cases.api.Role;
import casebook.cases.domain.ActionNotPermitted;
import casebook.cases.domain.CaseRuleBroken;
import casebook.cases.domain.RiskCase;
import casebook.cases.domain.hold.SubjectUnderLegalHold;
import casebook.cases.erasure.PersonalDataKeys;
import casebook.cases.hold.LegalHoldTable;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Erasure requests (GDPR Art. 17, invariant 8, docs/adr/0019), all in one unit of work and database transaction:
 * the subject's key rows are locked, the request is refused naming every legal hold on a case of the subject, else
 * each case records {@code PersonalDataErased} (the case checks its holds again), the data keys are destroyed
 * ({@link PersonalDataKeys#destroy}: snapshots and slots go with them) and unpublished Kafka records of those cases
 * parked in {@code parked_publications} are deleted. Either all of it commits or none of it.
 */
@Component
class ErasureRequests {
    private static final Pattern ERASURE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

    private final LegalHoldTable holds;
    private final PersonalDataKeys keys;
    private final Repository<RiskCase> cases;
    private final JdbcClient jdbc;
    private final List<CorrelationDataProvider> correlation;

    ErasureRequests(LegalHoldTable holds, PersonalDataKeys keys, Repository<RiskCase> cases, JdbcClient jdbc,
                    List<CorrelationDataProvider> correlation) {
        this.holds = holds;
        this.keys = keys;
        this.cases = cases;
        this.jdbc = jdbc;
        this.correlation = List.copyOf(correlation);
    }

    @CommandHandler
    List<CaseId> handle(EraseSubject command, MetaData metaData) {
        requirePrivacyOrLegalEverywhere(command.actor());
        requireReason(command.reason());
        if (command.erasureId() == null || !ERASURE_ID.matcher(command.erasureId()).matches()) {
            throw new CaseRuleBroken("erasure-id-invalid", "an erasure names its request: 1-128 letters, digits,"
                    + " '.', '_', ':' or '-'");
        }
        List<SubjectUnderLegalHold.Held> held = holds.lockSubjectAndFindHolds(command.subject());
        if (!held.isEmpty()) {
            throw new SubjectUnderLegalHold(held);
        }
        for (CaseId caseId : keys.casesOf(command.subject())) {
            erase(caseId, GenericCommandMessage.asCommandMessage(new ErasePersonalData(caseId, command.erasureId(),
                    command.actor())).andMetaData(metaData));
        }
        List<CaseId> erased = keys.destroy(command.subject());
        if (!erased.isEmpty()) {
            jdbc.sql("DELETE FROM parked_publications WHERE aggregate_id IN (:cases)")
                    .param("cases", erased.stream().map(CaseId::toString).toList()).update();
        }
        return erased;
    }

    /**
     * Retention's erasure of one case: nothing when the case is held (it stays until its holds are released and a
     * later run comes) or already erased; otherwise the case records {@code PersonalDataErased} and its key is
     * destroyed, in this command's transaction.
     */
    @CommandHandler
    boolean handle(EraseCase command, MetaData metaData) {
        requirePrivacyOrLegalEverywhere(command.actor());
        if (!holds.lockCaseAndFindHolds(command.caseId()).isEmpty()) {
            return false;
        }
        erase(command.caseId(), GenericCommandMessage.asCommandMessage(new ErasePersonalData(command.caseId(),
                command.erasureId(), command.actor())).andMetaData(metaData));
        boolean destroyed = keys.destroy(command.caseId());
        jdbc.sql("DELETE FROM parked_publications WHERE aggregate_id = ?").param(command.caseId().toString()).update();
        return destroyed;
    }

    /** The case records its erasure, in a nested unit of work of this command's transaction (as the flag intake). */
    private void erase(CaseId caseId, CommandMessage<?> change) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(change);
        correlation.forEach(unitOfWork::registerCorrelationDataProvider);
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> cases.load(caseId.toString())
                .handle(change));
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
        }
    }

    /** Privacy or legal staff who see every region: an erasure covers every case of the subject, wherever it is. */
    private static void requirePrivacyOrLegalEverywhere(Actor actor) {
        if (!actor.has(Role.PRIVACY) && !actor.has(Role.LEGAL)) {
            throw new ActionNotPermitted("erasure requests are filed by privacy or legal staff");
        }
        if (!actor.scope().all()) {
            throw new ActionNotPermitted("an erasure covers the subject's cases in every region: it needs a caller"
                    + " who sees every region");
        }
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank() || reason.length() > EraseSubject.MAX_REASON_LENGTH
                || CONTROL.matcher(reason).find()) {
            throw new CaseRuleBroken("erasure-reason-required", "an erasure gives its reason in 1-"
                    + EraseSubject.MAX_REASON_LENGTH + " characters without control characters");
        }
    }
}
