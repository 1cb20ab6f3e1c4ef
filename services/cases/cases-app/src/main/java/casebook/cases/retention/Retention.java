package casebook.cases.retention;

import casebook.cases.api.Actor;
import casebook.cases.api.CaseId;
import casebook.cases.api.EraseCase;
import casebook.cases.api.Region;
import casebook.cases.api.RegionScope;
import casebook.cases.api.Role;
import casebook.cases.domain.RiskCase;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Retention (issue 12, docs/adr/0019): a closed case past its region's retention period has its personal data erased
 * the way an erasure request erases it ({@code EraseCase}, one transaction per case), unless it is under a legal hold:
 * a held case is skipped and comes up again after its release. Run by a persistent db-scheduler task.
 */
@Component
public class Retention {
    /** Who erases on retention's behalf. */
    static final Actor ACTOR = new Actor("casebook-retention", Set.of(Role.PRIVACY), RegionScope.ALL);
    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final JdbcClient jdbc;
    private final CommandGateway commands;
    private final RetentionProperties properties;
    private final Clock clock;

    Retention(JdbcClient jdbc, CommandGateway commands, RetentionProperties properties) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    /** One look: in every region with a period, the cases closed longer ago than it. Returns how many were erased. */
    public int eraseExpired() {
        int erased = 0;
        for (var entry : properties.regionPeriods().entrySet()) {
            Instant cutoff = clock.instant().atZone(ZoneOffset.UTC).minus(entry.getValue()).toInstant();
            erased += eraseClosedBefore(new Region(entry.getKey()), cutoff);
        }
        return erased;
    }

    /**
     * Erases, unless held, the not yet erased cases of {@code region} closed before {@code cutoff}, at most a batch.
     * Returns how many were erased.
     */
    public int eraseClosedBefore(Region region, Instant cutoff) {
        List<CaseId> expired = jdbc.sql("""
                        SELECT c.case_id FROM case_closings c JOIN personal_data_keys k ON k.case_id = c.case_id
                        WHERE c.region = ? AND c.closed_at < ? AND k.erased_at IS NULL
                          AND NOT EXISTS (SELECT 1 FROM legal_holds h WHERE h.case_id = c.case_id)
                        ORDER BY c.closed_at, c.case_id LIMIT ?""")
                .params(region.code(), Timestamp.from(cutoff), properties.batchSize())
                .query((rs, i) -> new CaseId(rs.getObject(1, UUID.class))).list();
        String erasureId = "retention-" + LocalDate.now(clock);
        int erased = 0;
        for (CaseId caseId : expired) {
            Boolean done = commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                    new EraseCase(caseId, erasureId, ACTOR)).andMetaData(MetaData.with(RiskCase.ACTOR, ACTOR.userId())
                    .and(RiskCase.REASON, "retention period of region " + region.code() + " passed")));
            if (Boolean.TRUE.equals(done)) erased++;
        }
        if (erased > 0) {
            log.info("retention: erased the personal data of {} closed case(s) of region {}", erased, region.code());
        }
        return erased;
    }
}
