package casebook.cases.retention;

import casebook.cases.api.AppealFiled;
import casebook.cases.api.CaseClosed;
import casebook.cases.api.CaseId;
import casebook.cases.api.CaseMerged;
import casebook.cases.api.CaseReopened;
import casebook.cases.domain.RiskCase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * When each closed case closed ({@code case_closings}, V8), for retention: set by {@code CaseClosed} and
 * {@code CaseMerged}, removed by {@code CaseReopened} and {@code AppealFiled} (the case is no longer closed; an appeal
 * upheld on a closed case brings it back only at its next closing, which keeps its data longer, never shorter). A
 * subscribing processor in the transaction of those events ({@code WriteModelTables}).
 */
@Component
@ProcessingGroup(CaseClosings.PROCESSING_GROUP)
class CaseClosings {
    static final String PROCESSING_GROUP = "case-closings";
    private final JdbcClient jdbc;

    CaseClosings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CaseClosed event, @MetaDataValue(RiskCase.REGION) String region, @Timestamp Instant at) {
        closed(event.caseId(), region, at);
    }

    @EventHandler
    void on(CaseMerged event, @MetaDataValue(RiskCase.REGION) String region, @Timestamp Instant at) {
        closed(event.caseId(), region, at);
    }

    @EventHandler
    void on(CaseReopened event) {
        open(event.caseId());
    }

    @EventHandler
    void on(AppealFiled event) {
        open(event.caseId());
    }

    private void closed(CaseId caseId, String region, Instant at) {
        jdbc.sql("INSERT INTO case_closings (case_id, region, closed_at) VALUES (?, ?, ?) "
                        + "ON CONFLICT (case_id) DO UPDATE SET closed_at = excluded.closed_at")
                .params(caseId.value(), region, java.sql.Timestamp.from(at)).update();
    }

    private void open(CaseId caseId) {
        jdbc.sql("DELETE FROM case_closings WHERE case_id = ?").param(caseId.value()).update();
    }
}
