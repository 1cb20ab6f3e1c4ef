package casebook.cases.metrics;

import casebook.cases.api.FindRegionMetrics;
import casebook.cases.api.Region;
import casebook.cases.api.RegionMetrics;
import casebook.cases.domain.RegionNotFound;
import casebook.cases.infrastructure.security.Callers;
import casebook.cases.web.api.MetricsApi;
import casebook.cases.web.model.AppealRates;
import casebook.cases.web.model.DurationStats;
import casebook.cases.web.model.PolicyAppealRates;
import casebook.cases.web.model.FlagSource;
import casebook.cases.web.model.SourceOutcomes;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/** A region's figures for its lead (and auditors), from the case read model; other regions do not exist. */
@RestController
class RegionMetricsController implements MetricsApi {
    private final QueryGateway queries;

    RegionMetricsController(QueryGateway queries) {
        this.queries = queries;
    }

    @Override
    public ResponseEntity<casebook.cases.web.model.RegionMetrics> getRegionMetrics(String region,
            OffsetDateTime openedFrom, OffsetDateTime openedTo) {
        RegionMetrics metrics = queries.query(new FindRegionMetrics(new Region(region), Callers.current().scope(),
                        openedFrom == null ? null : openedFrom.toInstant(), openedTo == null ? null : openedTo.toInstant()),
                ResponseTypes.optionalInstanceOf(RegionMetrics.class)).join()
                .orElseThrow(() -> new RegionNotFound(region));
        return ResponseEntity.ok(new casebook.cases.web.model.RegionMetrics()
                .region(metrics.region().code())
                .cases(metrics.cases())
                .backlog(byName(metrics.backlog()))
                .slaBreaches(byName(metrics.slaBreaches()))
                .openBreached(metrics.openBreached())
                .timeToFirstAssignment(stats(metrics.timeToFirstAssignment()))
                .timeToDecision(stats(metrics.timeToDecision()))
                .sources(metrics.sources().stream().map(s -> new SourceOutcomes()
                        .source(new FlagSource().kind(FlagSource.KindEnum.fromValue(s.source().kind().name()))
                                .id(s.source().id()).version(s.source().version()))
                        .cases(s.cases()).decided(s.decided()).confirmed(s.confirmed())
                        .falsePositives(s.falsePositives())
                        .falsePositiveRate(s.decided() == 0 ? null : (double) s.falsePositives() / s.decided())
                        .appeals(rates(s.appeals())))
                        .toList())
                .appeals(rates(metrics.appeals()))
                .policies(metrics.policies().stream().map(p -> new PolicyAppealRates().policyRef(p.policyRef())
                        .appeals(rates(p.appeals()))).toList()));
    }

    private static Map<String, Long> byName(Map<? extends Enum<?>, Long> counts) {
        Map<String, Long> named = new LinkedHashMap<>();
        counts.forEach((key, count) -> named.put(key.name(), count));
        return named;
    }

    private static AppealRates rates(RegionMetrics.Appeals appeals) {
        return new AppealRates().decidedViolations(appeals.decidedViolations()).appealed(appeals.appealed())
                .appealsDecided(appeals.appealsDecided()).overturned(appeals.overturned())
                .appealRate(appeals.appealRate()).overturnRate(appeals.overturnRate());
    }

    private static DurationStats stats(RegionMetrics.Durations durations) {
        return new DurationStats().cases(durations.cases())
                .medianSeconds(durations.median() == null ? null : durations.median().toSeconds())
                .p90Seconds(durations.p90() == null ? null : durations.p90().toSeconds());
    }
}
