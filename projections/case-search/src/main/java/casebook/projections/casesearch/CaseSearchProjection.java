package casebook.projections.casesearch;

import casebook.cases.api.AppealDecided;
import casebook.cases.api.AppealFiled;
import casebook.cases.api.CaseAssigned;
import casebook.cases.api.ReversalOrdered;
import casebook.cases.api.StatementOfReasonsIssued;
import casebook.cases.api.CaseDecided;
import casebook.cases.api.CaseDeescalated;
import casebook.cases.api.CaseEscalated;
import casebook.cases.api.CaseOpened;
import casebook.cases.api.CaseUnassigned;
import casebook.cases.api.DecisionProposed;
import casebook.cases.api.DecisionSentBack;
import casebook.cases.api.DisclosureRecorded;
import casebook.cases.api.EnforcementApplied;
import casebook.cases.api.EnforcementFailed;
import casebook.cases.api.EnforcementRetried;
import casebook.cases.api.FlagAttached;
import casebook.cases.api.NoteAdded;
import casebook.cases.api.CaseClosed;
import casebook.cases.api.CaseReopened;
import casebook.cases.api.CaseMerged;
import casebook.cases.api.DuplicateAbsorbed;
import casebook.cases.api.EntityLinked;
import casebook.cases.api.EntityUnlinked;
import casebook.cases.api.EvidenceAdded;
import casebook.cases.api.PriorityRaised;
import casebook.cases.api.SlaBreached;
import casebook.cases.api.LegalHoldPlaced;
import casebook.cases.api.LegalHoldReleased;
import casebook.cases.api.PersonalDataErased;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.ConcludesBatch;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Keeps one search document per case, written through the alias. The events of one processing batch (one unit of
 * work) are collected and written together: one mget, one bulk request, sent when the batch's last event has been
 * handled, so a failure rolls the batch back before its token is stored. The bulk also goes out before the unit of
 * work commits if anything is left.
 */
@ProcessingGroup(CaseSearchProjection.PROCESSING_GROUP)
class CaseSearchProjection {

    static final String PROCESSING_GROUP = "case-search";
    private static final String BATCH = CaseBatch.class.getName();

    private final CaseIndex index;
    private final RecentCaseDocuments recent = new RecentCaseDocuments(RecentCaseDocuments.CAPACITY);

    CaseSearchProjection(CaseIndex index) {
        this.index = index;
    }

    @EventHandler
    void on(CaseOpened event, DomainEventMessage<?> message, UnitOfWork<?> unitOfWork, @ConcludesBatch boolean last) {
        collect(message, unitOfWork, last);
    }

    @EventHandler
    void on(FlagAttached event, DomainEventMessage<?> message, UnitOfWork<?> unitOfWork, @ConcludesBatch boolean last) {
        collect(message, unitOfWork, last);
    }

    @EventHandler
    void on(PriorityRaised event, DomainEventMessage<?> message, UnitOfWork<?> unitOfWork, @ConcludesBatch boolean last) {
        collect(message, unitOfWork, last);
    }

    @EventHandler
    void on(CaseAssigned event, DomainEventMessage<?> message, UnitOfWork<?> unitOfWork, @ConcludesBatch boolean last) {
        collect(message, unitOfWork, last);
    }

    @EventHandler
    void on(CaseUnassigned event, DomainEventMessage<?> message, UnitOfWork<?> unitOfWork, @ConcludesBatch boolean last) {
        collect(message, unitOfWork, last);
    }

    @EventHandler
    void on(NoteAdded event, DomainEventMessage<?> message, UnitOfWork<?> unitOfWork, @ConcludesBatch boolean last) {
        collect(message, unitOfWork, last);
    }

    @EventHandler
    void on(CaseEscalated event, DomainEventMessage<?> message, UnitOfWork<?> unitOfWork, @ConcludesBatch boolean last) {
        collect(message, unitOfWork, last);
    }

    @EventHandler
    void on(CaseDeescalated event, DomainEventMessage<?> message, UnitOfWork<?> unitOfWork, @ConcludesBatch boolean last) {
        collect(message, unitOfWork, last);
    }

    @EventHandler
    void on(DecisionProposed event, DomainEventMessage<?> message, UnitOfWork<?> unitOfWork, @ConcludesBatch boolean last) {
        collect(message, unitOfWork, last);
    }

    @EventHandler
    void on(DecisionSentBack event, DomainEventMessage<?> message, UnitOfWork<?> unitOfWork, @ConcludesBatch boolean last) {
        collect(message, unitOfWork, last);
    }

    @EventHandler
    void on(CaseDecided event, DomainEventMessage<?> message, UnitOfWork<?> unitOfWork, @ConcludesBatch boolean last) {
        collect(message, unitOfWork, last);
    }

    @EventHandler
    void on(EnforcementApplied event, DomainEventMessage<?> message, UnitOfWork<?> unitOfWork, @ConcludesBatch boolean last) {
        collect(message, unitOfWork, last);
    }

    @EventHandler
    void on(EnforcementFailed event, DomainEventMessage<?> message, UnitOfWork<?> unitOfWork, @ConcludesBatch boolean last) {
        collect(message, unitOfWork, last);
    }

    @EventHandler
    void on(SlaBreached event, DomainEventMessage<?> message, UnitOfWork<?> unitOfWork, @ConcludesBatch boolean last) {
        collect(message, unitOfWork, last);
    }

    @EventHandler
    void on(CaseClosed event, DomainEventMessage<?> message, UnitOfWork<?> unitOfWork, @ConcludesBatch boolean last) {
        collect(message, unitOfWork, last);
    }

    @EventHandler
    void on(CaseReopened event, DomainEventMessage<?> message, UnitOfWork<?> unitOfWork, @ConcludesBatch boolean last) {
        collect(message, unitOfWork, last);
    }

    @EventHandler
    void on(EvidenceAdded event, DomainEventMessage<?> message, UnitOfWork<?> unitOfWork, @ConcludesBatch boolean last) {
        collect(message, unitOfWork, last);
    }

    @EventHandler
    void on(EntityLinked event, DomainEventMessage<?> message, UnitOfWork<?> unitOfWork, @ConcludesBatch boolean last) {
        collect(message, unitOfWork, last);
    }

    @EventHandler
    void on(EntityUnlinked event, DomainEventMessage<?> message, UnitOfWork<?> unitOfWork, @ConcludesBatch boolean last) {
        collect(message, unitOfWork, last);
    }

    @EventHandler
    void on(CaseMerged event, DomainEventMessage<?> message, UnitOfWork<?> unitOfWork, @ConcludesBatch boolean last) {
        collect(message, unitOfWork, last);
    }

    @EventHandler
    void on(DuplicateAbsorbed event, DomainEventMessage<?> message, UnitOfWork<?> unitOfWork, @ConcludesBatch boolean last) {
        collect(message, unitOfWork, last);
    }

    @EventHandler
    void on(EnforcementRetried event, DomainEventMessage<?> message, UnitOfWork<?> unitOfWork, @ConcludesBatch boolean last) {
        collect(message, unitOfWork, last);
    }

    @EventHandler
    void on(StatementOfReasonsIssued event, DomainEventMessage<?> message, UnitOfWork<?> unitOfWork, @ConcludesBatch boolean last) {
        collect(message, unitOfWork, last);
    }

    @EventHandler
    void on(LegalHoldPlaced event, DomainEventMessage<?> message, UnitOfWork<?> unitOfWork, @ConcludesBatch boolean last) {
        collect(message, unitOfWork, last);
    }

    @EventHandler
    void on(AppealFiled event, DomainEventMessage<?> message, UnitOfWork<?> unitOfWork, @ConcludesBatch boolean last) {
        collect(message, unitOfWork, last);
    }

    @EventHandler
    void on(AppealDecided event, DomainEventMessage<?> message, UnitOfWork<?> unitOfWork, @ConcludesBatch boolean last) {
        collect(message, unitOfWork, last);
    }

    @EventHandler
    void on(ReversalOrdered event, DomainEventMessage<?> message, UnitOfWork<?> unitOfWork, @ConcludesBatch boolean last) {
        collect(message, unitOfWork, last);
    }

    @EventHandler
    void on(DisclosureRecorded event, DomainEventMessage<?> message, UnitOfWork<?> unitOfWork, @ConcludesBatch boolean last) {
        collect(message, unitOfWork, last);
    }

    @EventHandler
    void on(LegalHoldReleased event, DomainEventMessage<?> message, UnitOfWork<?> unitOfWork, @ConcludesBatch boolean last) {
        collect(message, unitOfWork, last);
    }

    /** The case's personal data was erased: its document's personal fields are blanked (docs/adr/0019). */
    @EventHandler
    void on(PersonalDataErased event, DomainEventMessage<?> message, UnitOfWork<?> unitOfWork, @ConcludesBatch boolean last) {
        collect(message, unitOfWork, last);
    }

    private void collect(DomainEventMessage<?> event, UnitOfWork<?> unitOfWork, boolean concludesBatch) {
        UnitOfWork<?> root = unitOfWork.root();
        CaseBatch batch = root.getOrComputeResource(BATCH, key -> {
            CaseBatch created = new CaseBatch(index.client(), index.alias(), true, recent);
            root.onPrepareCommit(u -> created.flush());
            return created;
        });
        batch.add(event);
        if (concludesBatch) {
            batch.flush();
        }
    }
}
