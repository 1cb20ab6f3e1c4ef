package casebook.e2e;

import casebook.client.api.CasebookApi;
import casebook.client.model.CaseEvent;
import casebook.client.model.CaseSearchResult;
import casebook.client.model.CaseStatus;
import casebook.client.model.CaseSummary;
import casebook.client.model.Flag;
import casebook.client.model.FlagReceipt;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static casebook.e2e.Search.bySubject;
import static casebook.e2e.Search.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/** Invariant 2: one open case per subject and category, even when two instances take its flags at once. */
@EndToEnd
class ConcurrentFlagsIT {
    static final int FLAGS = 200;
    static final int THREADS = 8;

    private final Casebook casebook;

    ConcurrentFlagsIT(Casebook casebook) {
        this.casebook = casebook;
    }

    @Test
    void twoHundredConcurrentFlagsOnTwoInstancesForOneNewSubjectOpenExactlyOneCase() throws Exception {
        String shop = Flags.unique("shop");
        List<CasebookApi> instances = new ArrayList<>();
        for (int i = 0; i < casebook.instances(); i++) instances.add(casebook.detector("detector-sea", i));
        List<Callable<Answer>> work = new ArrayList<>();
        for (int i = 0; i < FLAGS; i++) {
            Flag flag = Flags.brushing(shop, "SEA", Flags.unique("dev"));
            CasebookApi instance = instances.get(i % instances.size());
            work.add(() -> {
                var answer = instance.raiseFlagWithHttpInfo(flag, null);
                return new Answer(answer.getStatusCode(), answer.getData());
            });
        }

        List<Answer> answers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (Future<Answer> answer : pool.invokeAll(work)) answers.add(answer.get());
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }

        assertThat(answers).extracting(Answer::status).containsOnly(202);
        assertThat(answers).extracting(a -> a.receipt().getCaseId()).containsOnly(answers.get(0).receipt().getCaseId());

        CasebookApi analyst = casebook.as("ana.sea");
        // wait until search reflects every flag, wherever they went, then look at how many cases hold them
        CaseSearchResult result = eventually(Duration.ofSeconds(180)).until(() -> bySubject(analyst, shop),
                r -> r.getItems().stream().mapToInt(CaseSummary::getFlagCount).sum() >= FLAGS);
        assertThat(result.getTotal()).isEqualTo(1);
        CaseSummary found = result.getItems().get(0);
        assertThat(found.getFlagCount()).isEqualTo(FLAGS);
        assertThat(found.getCaseId()).isEqualTo(answers.get(0).receipt().getCaseId());
        assertThat(found.getStatus()).isEqualTo(CaseStatus.OPEN);
        List<CaseEvent> history = analyst.getCaseHistory(found.getCaseId(), null, null).getEvents();
        assertThat(history).filteredOn(e -> "FlagAttached".equals(e.getType())).hasSize(FLAGS);
        assertThat(history).filteredOn(e -> "CaseOpened".equals(e.getType())).hasSize(1);
    }

    record Answer(int status, FlagReceipt receipt) {
    }
}
