package casebook.projections.casesearch;

import casebook.cases.api.CaseStatus;
import casebook.cases.api.Priority;
import casebook.cases.api.Region;
import casebook.cases.api.RiskCategory;
import casebook.cases.api.Signals;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static casebook.projections.casesearch.CaseEvents.T0;
import static org.assertj.core.api.Assertions.assertThat;

/** The case as of an instant is the read model's document after exactly the events stored up to that instant. */
class CaseReplayTest {
    static final Instant DUE = Instant.parse("2026-11-21T09:00:00Z");

    @Test
    void asOfAnInstantTheCaseIsTheDocumentOfTheEventsUpToIt() {
        // one event a minute: opened at T0, flagged (+60 s), noted (+120 s), assigned (+180 s)
        CaseEvents c = CaseEvents.opened("shop-1", Region.of("SEA"), RiskCategory.BRUSHING, Priority.P3, DUE)
                .flag("f-1", "0.9", null, Signals.NONE).note("ana", "hello");
        CaseEvents noted = c;
        var seenAfterTheNote = noted.document().toView();
        noted.assigned("ana", null);

        assertThat(CaseReplay.asOf(c.events(), T0.minusMillis(1))).isEmpty();
        assertThat(CaseReplay.asOf(c.events(), T0).orElseThrow().version()).isZero();
        assertThat(CaseReplay.asOf(c.events(), T0.plusSeconds(150))).contains(seenAfterTheNote);
        assertThat(CaseReplay.asOf(c.events(), T0.plusSeconds(180)).orElseThrow().status())
                .isEqualTo(CaseStatus.IN_REVIEW);
        assertThat(CaseReplay.asOf(c.events(), Instant.MAX)).contains(c.document().toView());
    }

    @Test
    void aDocumentContinuedWithTheEventsAfterItIsTheDocumentOfAllEvents() {
        CaseEvents c = CaseEvents.opened("shop-2", Region.of("SEA"), RiskCategory.BRUSHING, Priority.P3, DUE)
                .flag("f-2", "0.7", null, Signals.NONE).note("ana", "hello").assigned("ana", null);
        CaseDocument afterTwo = CaseReplay.continued(null, c.events().subList(0, 2).iterator());

        assertThat(afterTwo.version()).isEqualTo(1);
        assertThat(CaseReplay.continued(afterTwo, c.events().subList(2, 4).iterator())).isEqualTo(c.document());
        assertThat(CaseReplay.continued(null, c.events().iterator())).isEqualTo(c.document());
        // events already in the document change nothing, as in the projection
        assertThat(CaseReplay.continued(c.document(), c.events().iterator())).isEqualTo(c.document());
        assertThat(CaseReplay.continued(null, java.util.Collections.emptyIterator())).isNull();
    }
}
