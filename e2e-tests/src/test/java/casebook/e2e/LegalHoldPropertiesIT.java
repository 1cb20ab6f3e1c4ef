package casebook.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariant 13 for the bodies of legal holds and erasure requests: a valid body broken in one field (missing, too
 * long, a control character, an unknown kind, a malformed request id, an unknown field) is refused with 400 and a
 * field error naming that field, by legal who may send both; nothing changes (the case keeps its version and no
 * hold, the subject is not erased). Tries are few: each is several requests to the running platform.
 */
class LegalHoldPropertiesIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Casebook casebook;
    private static RawRequests lex;
    private static String shop;
    private static UUID caseId;

    /** One way to break one field of one body: which body, where (the field error names it) and how. */
    enum Breakage {
        HOLD_REQUEST_ID_MISSING(true, "requestId"), HOLD_REQUEST_ID_SPACES(true, "requestId"),
        HOLD_REQUEST_ID_TOO_LONG(true, "requestId"), HOLD_REQUEST_ID_WRONG_TYPE(true, "requestId"),
        HOLD_UNKNOWN_FIELD(true, "colour"),
        ERASURE_SUBJECT_MISSING(false, "subject"), ERASURE_SUBJECT_KIND_UNKNOWN(false, "subject.kind"),
        ERASURE_SUBJECT_ID_TOO_LONG(false, "subject.id"), ERASURE_SUBJECT_ID_CONTROL(false, "subject.id"),
        ERASURE_REASON_MISSING(false, "reason"), ERASURE_REASON_TOO_LONG(false, "reason"),
        ERASURE_REASON_NUL(false, "reason"), ERASURE_UNKNOWN_FIELD(false, "colour"),
        ERASURE_SUBJECT_UNKNOWN_FIELD(false, "subject.colour");

        final boolean hold;
        final String field;

        Breakage(boolean hold, String field) {
            this.hold = hold;
            this.field = field;
        }
    }

    @BeforeContainer
    static void platform() throws Exception {
        casebook = Casebook.shared();
        lex = casebook.rawAs("lex");
        shop = Flags.unique("shop");
        caseId = casebook.detector("detector-sea").raiseFlag(Flags.brushing(shop, "SEA", Flags.unique("dev")), "props")
                .getCaseId();
    }

    @Property(tries = 20)
    void aBrokenBodyIsRefusedNamingTheFieldAndChangesNothing(@ForAll("breakages") Breakage breakage,
                                                             @ForAll("lengths") int extra) {
        check(breakage, extra);
    }

    @Provide
    Arbitrary<Breakage> breakages() {
        return Arbitraries.of(Breakage.class);
    }

    @Provide
    Arbitrary<Integer> lengths() {
        return Arbitraries.integers().between(1, 5_000);
    }

    @Example
    void everyBreakageOnce() {
        for (Breakage breakage : Breakage.values()) check(breakage, 1);
    }

    private static void check(Breakage breakage, int extra) {
        long before = version();
        ObjectNode body = breakage.hold ? JSON.createObjectNode().put("requestId", "req-" + extra) : erasure();
        break_(body, breakage, extra);

        RawRequests.Answer answer = breakage.hold
                ? lex.post("/api/v1/cases/" + caseId + "/legal-holds", body.toString())
                : lex.post("/api/v1/erasure-requests", body.toString());
        String what = breakage + " (+" + extra + ") -> " + answer.status() + " " + answer.body();

        assertThat(answer.status()).as(what).isEqualTo(400);
        assertThat(answer.problem().getCode()).as(what).isEqualTo("invalid-request");
        assertThat(answer.problem().getErrors()).as(what).isNotEmpty()
                .anySatisfy(error -> assertThat(error.getField()).isEqualTo(breakage.field));
        assertThat(version()).as("unchanged: " + what).isEqualTo(before);
    }

    private static ObjectNode erasure() {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("subject").put("kind", "SELLER").put("id", shop);
        body.put("reason", "Art. 17 request");
        return body;
    }

    private static void break_(ObjectNode body, Breakage breakage, int extra) {
        ObjectNode subject = body.path("subject") instanceof ObjectNode o ? o : null; // erasure bodies only
        switch (breakage) {
            case HOLD_REQUEST_ID_MISSING -> body.remove("requestId");
            case HOLD_REQUEST_ID_SPACES -> body.put("requestId", "req " + extra);
            case HOLD_REQUEST_ID_TOO_LONG -> body.put("requestId", "r".repeat(128 + extra));
            case HOLD_REQUEST_ID_WRONG_TYPE -> body.putObject("requestId").put("id", extra);
            case HOLD_UNKNOWN_FIELD, ERASURE_UNKNOWN_FIELD -> body.put("colour", "red");
            case ERASURE_SUBJECT_MISSING -> body.remove("subject");
            case ERASURE_SUBJECT_KIND_UNKNOWN -> subject.put("kind", "BUYER");
            case ERASURE_SUBJECT_ID_TOO_LONG -> subject.put("id", "s".repeat(128 + extra));
            case ERASURE_SUBJECT_ID_CONTROL -> subject.put("id", shop + "\u001b");
            case ERASURE_REASON_MISSING -> body.remove("reason");
            case ERASURE_REASON_TOO_LONG -> body.put("reason", "x".repeat(500 + extra));
            case ERASURE_REASON_NUL -> body.put("reason", "Art. 17\u0000");
            case ERASURE_SUBJECT_UNKNOWN_FIELD -> subject.put("colour", "red");
        }
    }

    /** The case's version in the event store: a hold or an erasure would have added an event. */
    private static long version() {
        try {
            return casebook.as("lex").getCaseHistory(caseId, null, null).getEvents().size();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
