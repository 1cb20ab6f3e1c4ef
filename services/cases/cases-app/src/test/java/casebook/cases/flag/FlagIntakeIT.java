package casebook.cases.flag;

import casebook.cases.Histories;
import casebook.cases.CasesAppTest;
import casebook.cases.api.*;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Invariants 1, 2, 9 and 11 of flag intake on the real PostgreSQL event store. */
@CasesAppTest
class FlagIntakeIT {
    static final Actor DETECTOR_SEA = new Actor("detector-sea", Set.of(Role.DETECTION),
            RegionScope.of(Set.of(new Region("SEA"))));


    @Autowired
    FlagSubmissions submissions;
    @Autowired
    EventStore events;
    @Autowired
    JdbcClient jdbc;

    static Flag flag(String flagId, String subjectId, String region) {
        return new Flag(new FlagId(flagId), new FlagSource(FlagSource.Kind.MODEL, "brushing-detector", "3.2.0"),
                new SubjectRef(SubjectKind.SELLER, subjectId), new Region(region), RiskCategory.BRUSHING,
                new BigDecimal("0.8"), null, new Money(new BigDecimal("120.00"), "USD"),
                new Signals(List.of("dev-" + subjectId), List.of("203.0.113.7"), List.of(), List.of()), Instant.now());
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    List<DomainEventMessage<?>> history(CaseId caseId) {
        return Histories.of(events, caseId);
    }

    @Test
    void theSameFlagSentConcurrentlyTakesEffectOnce() throws Exception {
        Flag flag = flag(unique("dup"), unique("shop"), "SEA");
        List<FlagReceipt> receipts = concurrently(20, () -> one(flag));

        assertThat(receipts).extracting(FlagReceipt::caseId).containsOnly(receipts.get(0).caseId());
        assertThat(receipts).filteredOn(r -> !r.duplicate()).hasSize(1);
        assertThat(history(receipts.get(0).caseId())).extracting(e -> e.getPayloadType().getSimpleName())
                .containsExactly("CaseOpened", "FlagAttached");
    }

    @Test
    void concurrentFlagsForOneSubjectShareOneOpenCase() throws Exception {
        String shop = unique("shop");
        List<FlagReceipt> receipts = new ArrayList<>();
        List<Callable<FlagReceipt>> work = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Flag flag = flag(unique("f"), shop, "SEA");
            work.add(() -> one(flag));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (Future<FlagReceipt> f : pool.invokeAll(work)) receipts.add(f.get());
        } finally {
            pool.shutdown();
        }

        assertThat(receipts).extracting(FlagReceipt::caseId).containsOnly(receipts.get(0).caseId());
        assertThat(history(receipts.get(0).caseId()))
                .filteredOn(e -> e.getPayload() instanceof FlagAttached).hasSize(40);
    }

    @Test
    void aBatchCommitsAllItsFlagsInOneGo() {
        String shop = unique("shop");
        Flag first = flag(unique("b"), shop, "SEA");
        List<FlagReceipt> receipts = submissions.raise(new RaiseFlags(List.of(
                new RaiseFlags.Incoming(first, "corr-a"),
                new RaiseFlags.Incoming(flag(unique("b"), shop, "SEA"), "corr-b"),
                new RaiseFlags.Incoming(first, "corr-a"),
                new RaiseFlags.Incoming(flag(unique("b"), unique("shop"), "SEA"), null)), DETECTOR_SEA));

        assertThat(receipts.get(0).caseId()).isEqualTo(receipts.get(1).caseId());
        assertThat(receipts.get(2)).isEqualTo(new FlagReceipt(first.flagId(), receipts.get(0).caseId(), true));
        assertThat(receipts.get(3).caseId()).isNotEqualTo(receipts.get(0).caseId());
        assertThat(history(receipts.get(0).caseId())).filteredOn(e -> e.getPayload() instanceof FlagAttached)
                .extracting(e -> e.getMetaData().get("traceId"))
                .containsExactly("corr-a", "corr-b");
    }

    @Test
    void aFailedBatchLeavesNothingBehind() {
        Flag sea = flag(unique("b"), unique("shop"), "SEA");
        Flag us = flag(unique("b"), unique("shop"), "US");   // not in the detector's regions

        assertThatThrownBy(() -> submissions.raise(new RaiseFlags(List.of(new RaiseFlags.Incoming(sea, null),
                new RaiseFlags.Incoming(us, null)), DETECTOR_SEA)))
                .isInstanceOf(casebook.cases.domain.ActionNotPermitted.class);
        assertThat(jdbc.sql("SELECT count(*) FROM flag_claims WHERE flag_id IN (?, ?)")
                .params(sea.flagId().value(), us.flagId().value()).query(Long.class).single()).isZero();
        assertThat(one(sea).duplicate()).isFalse();
    }

    @Test
    void everyEventCarriesActorRegionCorrelationAndCausation() {
        FlagReceipt receipt = casebook.cases.infrastructure.web.CorrelationIds.with("corr-42",
                () -> casebook.cases.infrastructure.security.Callers.runAs(DETECTOR_SEA,
                        () -> one(flag(unique("m"), unique("shop"), "SEA"))));

        assertThat(history(receipt.caseId())).allSatisfy(event -> {
            assertThat(event.getMetaData()).containsEntry("actor", "detector-sea")
                    .containsEntry("region", "SEA")
                    .containsEntry("traceId", "corr-42")
                    .containsKey("correlationId");
            assertThat(event.getMetaData().get("correlationId")).isNotEqualTo(event.getIdentifier());
        });
    }

    FlagReceipt one(Flag flag) {
        return submissions.raise(RaiseFlags.one(flag, DETECTOR_SEA)).get(0);
    }

    static <T> List<T> concurrently(int times, Callable<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<T>> all = new ArrayList<>();
            for (int i = 0; i < times; i++) all.add(work);
            List<T> results = new ArrayList<>();
            for (Future<T> f : pool.invokeAll(all)) results.add(f.get());
            return results;
        } finally {
            pool.shutdown();
        }
    }
}
