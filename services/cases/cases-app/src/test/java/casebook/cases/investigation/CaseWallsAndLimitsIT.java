package casebook.cases.investigation;

import casebook.cases.Actors;
import casebook.cases.CasesAppTest;
import casebook.cases.api.*;
import casebook.cases.domain.CaseNotFound;
import casebook.cases.domain.CaseRuleBroken;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Through the real repository (which the aggregate fixture does not use): the region comes before the version, for
 * one case and for both cases of a merge; and a merge keeps the surviving case within its limits.
 */
@CasesAppTest
class CaseWallsAndLimitsIT {
    static final Actor ANA_US = new Actor("ana.us", Set.of(Role.ANALYST), RegionScope.of(Set.of(new Region("US"))));

    @Autowired
    CommandGateway commands;

    @Test
    void aForeignCaseIsNotFoundWhateverVersionComesWithTheCommand() {
        CaseId sea = Actors.raise(commands, Actors.newSellerFlag("0.6")).caseId();
        for (Long version : new Long[]{null, 0L, 1L, 999_999_999L}) {
            assertThat(catchThrowable(() -> commands.sendAndWait(new AddNote(sea, NoteId.random(), "hello", ANA_US,
                    version)))).as("version %s", version).isInstanceOf(CaseNotFound.class);
            assertThat(catchThrowable(() -> commands.sendAndWait(new MergeCases(sea, CaseId.random(), "x", ANA_US,
                    version, null)))).as("merge, version %s", version).isInstanceOf(CaseNotFound.class);
        }
        assertThat(catchThrowable(() -> commands.sendAndWait(new AddNote(CaseId.random(), NoteId.random(), "hello",
                ANA_US, 999_999_999L)))).isInstanceOf(AggregateNotFoundException.class);
        // in its own region the version is checked, stale and far ahead alike
        assertThat(catchThrowable(() -> commands.sendAndWait(new AddNote(sea, NoteId.random(), "hello",
                Actors.ANALYST_SEA, 0L)))).isInstanceOf(ConflictingAggregateVersionException.class);
        assertThat(catchThrowable(() -> commands.sendAndWait(new AddNote(sea, NoteId.random(), "hello",
                Actors.ANALYST_SEA, 999_999_999L)))).isInstanceOf(ConflictingAggregateVersionException.class);
    }

    @Test
    void aForeignDuplicateIsNotFoundLikeAnUnknownOneWhateverItsVersion() {
        CaseId survivor = Actors.raise(commands, Actors.newSellerFlag("0.6")).caseId();
        Flag sea = Actors.newSellerFlag("0.6");
        Actor detectorUs = new Actor("detector-us", Set.of(Role.DETECTION), RegionScope.of(Set.of(new Region("US"))));
        Flag us = new Flag(sea.flagId(), sea.source(), sea.subject(), new Region("US"), sea.category(), sea.score(),
                null, null, Signals.NONE, sea.observedAt());
        CaseId foreign = commands.<java.util.List<FlagReceipt>>sendAndWait(RaiseFlags.one(us, detectorUs)).get(0)
                .caseId();
        for (Long version : new Long[]{null, 0L, 1L, 999_999_999L}) {
            assertThat(catchThrowable(() -> commands.sendAndWait(new MergeCases(survivor, foreign, "x",
                    Actors.ANALYST_SEA, null, version)))).as("version %s", version).isInstanceOf(CaseNotFound.class);
            assertThat(catchThrowable(() -> commands.sendAndWait(new MergeCases(survivor, CaseId.random(), "x",
                    Actors.ANALYST_SEA, null, version)))).isInstanceOf(AggregateNotFoundException.class);
        }
    }

    @Test
    void aMergeThatWouldTakeTheSurvivorOverItsEvidenceLimitIsRefusedAndChangesNothing() {
        Flag flag = Actors.newSellerFlag("0.6");
        CaseId survivor = Actors.raise(commands, flag).caseId();
        CaseId duplicate = Actors.raise(commands, Actors.nextFlagOn(flag, RiskCategory.SCALPING)).caseId();
        for (int i = 0; i < Evidence.MAX_PER_CASE; i++) {
            commands.sendAndWait(new AddEvidence(survivor, EvidenceId.random(), EvidenceKind.SCREENSHOT,
                    "s3://evidence/" + i, sha256(i), null, Actors.ANALYST_SEA, null));
        }
        long duplicateVersion = commands.<Long>sendAndWait(new AddEvidence(duplicate, EvidenceId.random(),
                EvidenceKind.SCREENSHOT, "s3://evidence/other", sha256(-1), null, Actors.ANALYST_SEA, null));

        Throwable refused = catchThrowable(() -> commands.sendAndWait(new MergeCases(survivor, duplicate, "same shop",
                Actors.ANALYST_SEA, null, null)));

        assertThat(refused).isInstanceOf(CaseRuleBroken.class);
        assertThat(((CaseRuleBroken) refused).code()).isEqualTo("merge-too-large");
        // nothing changed: the duplicate is still open at the same version and takes work
        assertThat(commands.<Long>sendAndWait(new AddNote(duplicate, NoteId.random(), "still open", Actors.ANALYST_SEA,
                duplicateVersion))).isEqualTo(duplicateVersion + 1);
    }

    private static String sha256(int i) {
        return String.format("%064x", (long) i & 0xffffffffL);
    }
}
