package casebook.cases.search;

import casebook.cases.api.CasePage;
import casebook.cases.api.CaseView;
import casebook.cases.api.RelatedCases;
import casebook.cases.web.model.ActionRuling;
import casebook.cases.web.model.Appeal;
import casebook.cases.web.model.AppealChannel;
import casebook.cases.web.model.AppealOutcome;
import casebook.cases.web.model.CaseFacets;
import casebook.cases.web.model.DecisionGround;
import casebook.cases.web.model.Restriction;
import casebook.cases.web.model.Ruling;
import casebook.cases.web.model.StatementOfReasons;
import casebook.cases.web.model.CaseEvidence;
import casebook.cases.web.model.CaseFlag;
import casebook.cases.web.model.EntityKind;
import casebook.cases.web.model.EvidenceKind;
import casebook.cases.web.model.LinkedEntity;
import casebook.cases.web.model.CaseNote;
import casebook.cases.web.model.CaseSearchResult;
import casebook.cases.web.model.CaseStatus;
import casebook.cases.web.model.CaseSummary;
import casebook.cases.web.model.Decision;
import casebook.cases.web.model.DismissalLabel;
import casebook.cases.web.model.EnforcementAction;
import casebook.cases.web.model.EnforcementState;
import casebook.cases.web.model.FlagSource;

import casebook.cases.web.model.Money;
import casebook.cases.web.model.OrderedAction;
import casebook.cases.web.model.Priority;
import casebook.cases.web.model.RelatedCase;
import casebook.cases.web.model.ResolutionCode;
import casebook.cases.web.model.RiskCategory;
import casebook.cases.web.model.Signals;
import casebook.cases.web.model.SlaStage;
import casebook.cases.web.model.Subject;
import casebook.cases.web.model.SubjectKind;
import casebook.cases.web.model.Verdict;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/** The one mapping from the read model's case views to the REST answers. */
final class CaseViews {
    private CaseViews() {
    }

    static CaseSearchResult toResult(CasePage page) {
        return new CaseSearchResult()
                .items(page.items().stream().map(CaseViews::toSummary).toList())
                .total(page.total())
                .facets(new CaseFacets().status(counted(page.statusCounts())).category(counted(page.categoryCounts())));
    }

    /** Facet values without matches are left out (api-specs). */
    private static Map<String, Long> counted(Map<? extends Enum<?>, Long> counts) {
        Map<String, Long> facet = new LinkedHashMap<>();
        counts.forEach((value, count) -> {
            if (count > 0) facet.put(value.name(), count);
        });
        return facet;
    }

    static casebook.cases.web.model.RelatedCases toRelated(RelatedCases related) {
        return new casebook.cases.web.model.RelatedCases()
                .caseId(related.caseId().value())
                .items(related.related().stream().map(r -> new RelatedCase()
                        ._case(toSummary(r.relatedCase()))
                        .shared(signals(r.shared()))).toList());
    }

    private static Signals signals(casebook.cases.api.Signals signals) {
        return new Signals().deviceIds(signals.deviceIds()).ips(signals.ips())
                .paymentFingerprints(signals.paymentFingerprints()).linkedAccounts(signals.linkedAccounts());
    }

    static CaseSummary toSummary(CaseView view) {
        return new CaseSummary()
                .caseId(view.caseId().value())
                .subject(subject(view))
                .region(view.region().code())
                .category(RiskCategory.fromValue(view.category().name()))
                .status(CaseStatus.fromValue(view.status().name()))
                .priority(Priority.fromValue(view.priority().name()))
                .assignee(view.assignee())
                .escalated(view.escalated())
                .flagCount(view.flagCount())
                .maxScore(view.maxScore() == null ? 0.0 : view.maxScore().doubleValue())
                .moneyAtRisk(money(view.moneyAtRisk()))
                .openedAt(time(view.openedAt()))
                .slaDueAt(time(view.slaDueAt()))
                .decisionDueAt(time(view.decisionDueAt()))
                .nextDueAt(time(view.nextDueAt()))
                .resolution(view.resolution() == null ? null : ResolutionCode.fromValue(view.resolution().name()))
                .closedAt(time(view.closedAt()))
                .mergedInto(view.mergedInto() == null ? null : view.mergedInto().value())
                .slaBreaches(view.slaBreaches().stream().map(b -> SlaStage.fromValue(b.name())).toList())
                .updatedAt(time(view.updatedAt()))
                .version(view.version());
    }

    static casebook.cases.web.model.Case toCase(CaseView view) {
        return new casebook.cases.web.model.Case()
                .caseId(view.caseId().value())
                .subject(subject(view))
                .region(view.region().code())
                .category(RiskCategory.fromValue(view.category().name()))
                .status(CaseStatus.fromValue(view.status().name()))
                .priority(Priority.fromValue(view.priority().name()))
                .assignee(view.assignee())
                .escalated(view.escalated())
                .flagCount(view.flagCount())
                .maxScore(view.maxScore() == null ? 0.0 : view.maxScore().doubleValue())
                .moneyAtRisk(money(view.moneyAtRisk()))
                .openedAt(time(view.openedAt()))
                .slaDueAt(time(view.slaDueAt()))
                .decisionDueAt(time(view.decisionDueAt()))
                .nextDueAt(time(view.nextDueAt()))
                .resolution(view.resolution() == null ? null : ResolutionCode.fromValue(view.resolution().name()))
                .closedAt(time(view.closedAt()))
                .mergedInto(view.mergedInto() == null ? null : view.mergedInto().value())
                .slaBreaches(view.slaBreaches().stream().map(b -> SlaStage.fromValue(b.name())).toList())
                .updatedAt(time(view.updatedAt()))
                .version(view.version())
                .signals(signals(view.signals()))
                .flags(view.flags().stream().map(f -> new CaseFlag()
                        .flagId(f.flagId().value())
                        .source(new FlagSource().kind(FlagSource.KindEnum.fromValue(f.source().kind().name()))
                                .id(f.source().id()).version(f.source().version()))
                        .score(f.score().doubleValue())
                        .observedAt(time(f.observedAt()))).toList())
                .notes(view.notes().stream().map(n -> new CaseNote()
                        .noteId(n.noteId().value()).author(n.author()).text(n.text()).addedAt(time(n.addedAt()))).toList())
                .decision(decision(view.decision()))
                .evidence(view.evidence().stream().map(e -> new CaseEvidence()
                        .evidenceId(e.evidenceId().value()).kind(EvidenceKind.fromValue(e.kind().name()))
                        .reference(e.reference()).sha256(e.sha256()).addedBy(e.addedBy()).note(e.note())
                        .addedAt(time(e.addedAt()))).toList())
                .links(view.links().stream().map(l -> new LinkedEntity()
                        .kind(EntityKind.fromValue(l.kind().name())).value(l.value()).linkedBy(l.linkedBy())
                        .note(l.note())).toList())
                .appeals(view.appeals().stream().map(CaseViews::appeal).toList())
                .disclosures(view.disclosures().stream().map(CaseViews::disclosure).toList())
                .holds(view.holds().stream().map(h -> new casebook.cases.web.model.LegalHold()
                        .requestId(h.requestId().value()).placedBy(h.placedBy()).placedAt(time(h.placedAt()))).toList())
                .erasedAt(time(view.erasedAt()));
    }

    private static Appeal appeal(CaseView.Appeal a) {
        return new Appeal()
                .appealId(a.appealId().value())
                .decisionId(a.decisionId().value())
                .status(Appeal.StatusEnum.fromValue(a.status().name()))
                .filedAt(time(a.filedAt()))
                .filedBy(a.filedBy())
                .channel(AppealChannel.fromValue(a.channel().name()))
                .statement(a.statement())
                .evidenceRefs(a.evidenceRefs())
                .reviewDueAt(time(a.reviewDueAt()))
                .outcome(a.outcome() == null ? null : AppealOutcome.fromValue(a.outcome().name()))
                .rulings(a.rulings().stream().map(r -> new ActionRuling().actionId(r.actionId().value())
                        .ruling(Ruling.fromValue(r.ruling().name()))).toList())
                .rationale(a.rationale())
                .reviewedBy(a.reviewedBy())
                .decidedAt(time(a.decidedAt()));
    }

    private static StatementOfReasons statement(CaseView.Statement s) {
        if (s == null) {
            return null;
        }
        return new StatementOfReasons()
                .ground(DecisionGround.fromValue(s.ground().name()))
                .legalGround(s.legalGround())
                .restrictions(s.restrictions().stream().map(r -> new Restriction().actionId(r.actionId().value())
                        .action(EnforcementAction.fromValue(r.action().name())).territorialScope(r.territorialScope())
                        .endsAt(time(r.endsAt()))).toList())
                .decidedAt(time(s.decidedAt()))
                .appealBy(time(s.appealBy()));
    }

    private static casebook.cases.web.model.CaseDisclosure disclosure(CaseView.Disclosure d) {
        return new casebook.cases.web.model.CaseDisclosure()
                .requestId(d.requestId().value())
                .disclosureId(d.disclosureId().value())
                .fields(d.fields().stream().map(f -> casebook.cases.web.model.DisclosableField.fromValue(f.name()))
                        .toList())
                .redacted(d.redacted().stream()
                        .map(f -> casebook.cases.web.model.DisclosableField.fromValue(f.name())).toList())
                .recipient(new casebook.cases.web.model.Authority().name(d.recipient().name())
                        .jurisdiction(d.recipient().jurisdiction()))
                .legalBasis(d.legalBasis())
                .preparedBy(d.preparedBy())
                .approvedBy(d.approvedBy())
                .approvedAt(time(d.approvedAt()));
    }

    private static Decision decision(CaseView.Decision d) {
        if (d == null) {
            return null;
        }
        return new Decision()
                .decisionId(d.decisionId().value())
                .verdict(Verdict.fromValue(d.verdict().name()))
                .state(Decision.StateEnum.fromValue(d.state().name()))
                .policyRefs(d.policyRefs())
                .rationale(d.rationale())
                .actions(d.actions().stream().map(a -> new OrderedAction()
                        .actionId(a.actionId() == null ? null : a.actionId().value())
                        .action(EnforcementAction.fromValue(a.action().name()))
                        .parameters(a.parameters())
                        .state(a.state() == null ? null : EnforcementState.fromValue(a.state().name()))
                        .attempt(a.attempt())
                        .failure(a.failure())
                        .reverses(a.reverses() == null ? null : a.reverses().value())).toList())
                .label(d.label() == null ? null : DismissalLabel.fromValue(d.label().name()))
                .proposedBy(d.proposedBy())
                .approvalRequired(d.approvalRequired())
                .approvedBy(d.approvedBy())
                .statementOfReasons(statement(d.statementOfReasons()));
    }

    private static Subject subject(CaseView view) {
        return new Subject().kind(SubjectKind.fromValue(view.subject().kind().name())).id(view.subject().id());
    }

    private static Money money(casebook.cases.api.Money money) {
        return money == null ? null : new Money().amount(money.amount().toPlainString()).currency(money.currency());
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
