package casebook.cases.investigation;

import casebook.cases.Actors;
import casebook.cases.Histories;
import casebook.cases.CasesAppTest;
import casebook.cases.api.*;
import casebook.cases.domain.CaseRuleBroken;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Merging a duplicate: one transaction moves flags, evidence and entities, and the duplicate's slot. */
@CasesAppTest
class CaseMergeIT {
    static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore events;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aDuplicateMovesIntoTheSurvivorAndItsLaterFlagsFollow() {
        Flag brushing = Actors.newSellerFlag("0.6");
        CaseId survivor = raise(brushing);
        CaseId duplicate = raise(Actors.nextFlagOn(brushing, RiskCategory.SCALPING));
        commands.sendAndWait(new AddEvidence(duplicate, EvidenceId.random(), EvidenceKind.SCREENSHOT,
                "s3://evidence/x.png", SHA, null, Actors.ANALYST_SEA, null));
        commands.sendAndWait(new LinkEntity(duplicate, EntityKind.DEVICE, "dev-merge", null, Actors.ANALYST_SEA, null));

        long version = commands.<Long>sendAndWait(new MergeCases(survivor, duplicate, "same shop, two detectors",
                Actors.ANALYST_SEA, null, null));

        DuplicateAbsorbed absorbed = (DuplicateAbsorbed) last(survivor).getPayload();
        assertThat(absorbed.flags()).hasSize(1);
        assertThat(absorbed.evidence()).extracting(Evidence::sha256).containsExactly(SHA);
        assertThat(absorbed.entities()).extracting(LinkedEntity::value).containsExactly("dev-merge");
        assertThat(version).isEqualTo(last(survivor).getSequenceNumber());
        assertThat(last(duplicate).getPayload()).isEqualTo(new CaseMerged(duplicate, survivor,
                "same shop, two detectors", "ana.sea"));

        CaseId later = raise(Actors.nextFlagOn(brushing, RiskCategory.SCALPING));
        assertThat(later).as("the duplicate's category now belongs to the survivor").isEqualTo(survivor);
        assertThat(last(survivor).getPayload()).isInstanceOf(FlagAttached.class);

        assertThatThrownBy(() -> commands.sendAndWait(new MergeCases(survivor, duplicate, "again",
                Actors.ANALYST_SEA, null, null))).isInstanceOf(CaseRuleBroken.class);

        // closing and reopening the survivor covers both subjects' slots
        commands.sendAndWait(new CloseCase(survivor, ResolutionCode.SUBJECT_GONE, null, Actors.LEAD_SEA, null));
        assertThat(openSlots(survivor)).isZero();
        commands.sendAndWait(new ReopenCase(survivor, "the shop is back", Actors.ANALYST_SEA, null));
        assertThat(openSlots(survivor)).isEqualTo(2);
    }

    @Test
    void onlyCasesAboutTheSameSubjectMergeAndNothingChangesOtherwise() {
        CaseId one = raise(Actors.newSellerFlag("0.6"));
        CaseId other = raise(Actors.newSellerFlag("0.6"));

        assertThatThrownBy(() -> commands.sendAndWait(new MergeCases(one, other, "looks alike", Actors.ANALYST_SEA,
                null, null))).isInstanceOf(CaseRuleBroken.class).hasMessageContaining("same subject");

        assertThat(last(other).getPayload()).isInstanceOf(FlagAttached.class);
        // the refused merge left no trace in the cached case either: it still takes work
        commands.sendAndWait(new LinkEntity(other, EntityKind.IP, "198.51.100.9", null, Actors.ANALYST_SEA, null));
        assertThat(jdbc.sql("SELECT count(*) FROM case_slots WHERE case_id = ?").param(one.value())
                .query(Long.class).single()).isEqualTo(1);
    }

    private long openSlots(CaseId caseId) {
        return jdbc.sql("SELECT count(*) FROM case_slots WHERE case_id = ? AND closed_at IS NULL").param(caseId.value())
                .query(Long.class).single();
    }

    private CaseId raise(Flag flag) {
        return Actors.raise(commands, flag).caseId();
    }


    private DomainEventMessage<?> last(CaseId caseId) {
        List<DomainEventMessage<?>> all = Histories.of(events, caseId);
        return all.get(all.size() - 1);
    }
}
