package casebook.e2e;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariant 13 for the auditors' reads: an as-of instant, a read reason, consistency sizes or case-read filters broken
 * in one way (not a date, a number, too long, a control character, negative, out of range, not a UUID) are refused
 * with 400 and a problem, and a refused read is not recorded as a read.
 */
class AuditPropertiesIT {
    private static Casebook casebook;
    private static RawRequests audrey;
    private static UUID caseId;

    enum Breakage {
        AS_OF_NOT_A_DATE, AS_OF_A_NUMBER, AS_OF_WITHOUT_OFFSET, READ_REASON_TOO_LONG, READ_REASON_CONTROL,
        SIZE_NEGATIVE, SIZE_NOT_A_NUMBER, READS_PAGE_TOO_LARGE, READS_SIZE_ZERO, READS_CASE_NOT_A_UUID,
        READS_READER_TOO_LONG
    }

    @BeforeContainer
    static void platform() throws Exception {
        casebook = Casebook.shared();
        audrey = casebook.rawAs("audrey");
        caseId = casebook.detector("detector-sea").raiseFlag(Flags.brushing("SEA"), "props").getCaseId();
    }

    @Property(tries = 15)
    void aBrokenAuditReadIsRefusedAndNotRecorded(@ForAll("breakages") Breakage breakage,
                                                 @ForAll("lengths") int extra) {
        check(breakage, extra);
    }

    @Provide
    Arbitrary<Breakage> breakages() {
        return Arbitraries.of(Breakage.class);
    }

    @Provide
    Arbitrary<Integer> lengths() {
        return Arbitraries.integers().between(1, 2_000);
    }

    @Example
    void everyBreakageOnce() {
        for (Breakage breakage : Breakage.values()) check(breakage, 1);
    }

    private static void check(Breakage breakage, int extra) {
        int readsBefore = reads();
        String history = "/api/v1/cases/" + caseId + "/history";
        RawRequests.Answer answer = switch (breakage) {
            case AS_OF_NOT_A_DATE -> audrey.send("GET", history + "?asOf=yesterday-" + extra, null);
            case AS_OF_A_NUMBER -> audrey.send("GET", history + "?asOf=" + extra, null);
            case AS_OF_WITHOUT_OFFSET -> audrey.send("GET", history + "?asOf=2026-12-06T10:00:00", null);
            case READ_REASON_TOO_LONG -> audrey.send("GET", history, null,
                    Map.of("X-Read-Reason", "r".repeat(500 + extra)));
            case READ_REASON_CONTROL -> audrey.send("GET", history, null, Map.of("X-Read-Reason", "SAR\t" + extra));
            case SIZE_NEGATIVE -> audrey.send("GET", "/api/v1/audit/consistency?first=-" + extra + "&second=1", null);
            case SIZE_NOT_A_NUMBER -> audrey.send("GET", "/api/v1/audit/consistency?first=one&second=" + extra, null);
            case READS_PAGE_TOO_LARGE -> audrey.send("GET", "/api/v1/audit/case-reads?page=" + (10_000 + extra), null);
            case READS_SIZE_ZERO -> audrey.send("GET", "/api/v1/audit/case-reads?size=0", null);
            case READS_CASE_NOT_A_UUID -> audrey.send("GET", "/api/v1/audit/case-reads?caseId=case-" + extra, null);
            case READS_READER_TOO_LONG -> audrey.send("GET", "/api/v1/audit/case-reads?reader="
                    + "r".repeat(255 + extra), null);
        };
        String what = breakage + " (+" + extra + ") -> " + answer.status() + " " + answer.body();

        assertThat(answer.status()).as(what).isEqualTo(400);
        assertThat(answer.problem().getCode()).as(what).isNotBlank();
        assertThat(reads()).as("no read recorded: " + what).isEqualTo(readsBefore);
    }

    /** How many reads of the case are recorded. */
    private static int reads() {
        try {
            return casebook.as("audrey").searchCaseReads(caseId, null, 0, 200).getItems().size();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
