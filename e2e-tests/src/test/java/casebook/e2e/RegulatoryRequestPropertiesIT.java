package casebook.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariant 13 for legal's create: a valid request body broken in one field (too long, a control character, too many
 * items, a wrong type, null where required, an unknown field, a malformed id, date or hash) is refused with 400, a
 * field error naming that field, and nothing stored (the request id stays unknown). Tries are few: each is three
 * requests to the running platform.
 */
class RegulatoryRequestPropertiesIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static RawRequests lex;

    /** One way to break one field: where (the field error names it) and how. */
    enum Breakage {
        AUTHORITY_NAME_TOO_LONG("authority.name"), AUTHORITY_NAME_CONTROL("authority.name"),
        JURISDICTION_MISSING("authority.jurisdiction"), LEGAL_BASIS_TOO_LONG("legalBasis"),
        LEGAL_BASIS_NUL("legalBasis"), REFERENCE_LINE_BREAK("reference"), REFERENCE_TOO_LONG("reference"),
        KIND_UNKNOWN("kind"), KIND_NULL("kind"), RECEIVED_NOT_A_DATE("receivedAt"), DUE_WRONG_TYPE("dueAt"),
        REQUEST_ID_SPACES("requestId"), REQUEST_ID_TOO_LONG("requestId"), SUBJECT_ID_TOO_LONG("scope.subjects[0].id"),
        SUBJECT_KIND_UNKNOWN("scope.subjects[0].kind"), TOO_MANY_SUBJECTS("scope.subjects"),
        CASE_ID_NOT_A_UUID("scope.caseIds[0]"), TOO_MANY_DOCUMENTS("documents"),
        DOCUMENT_SHA_UPPER_CASE("documents[0].sha256"), DOCUMENT_REFERENCE_SPACE("documents[0].reference"),
        UNKNOWN_FIELD("colour"), SCOPE_UNKNOWN_FIELD("scope.colour");

        final String field;

        Breakage(String field) {
            this.field = field;
        }
    }

    @BeforeContainer
    static void platform() {
        lex = Casebook.shared().rawAs("lex");
    }

    @Property(tries = 25)
    void aBrokenCreateIsRefusedNamingTheFieldAndStoresNothing(@ForAll("breakages") Breakage breakage,
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

    @Example
    void theUnbrokenBodyIsRecorded() {
        String id = "prop-" + UUID.randomUUID();
        RawRequests.Answer answer = lex.post("/api/v1/regulatory-requests", valid(id).toString());
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    }

    private static void check(Breakage breakage, int extra) {
        String id = "prop-" + UUID.randomUUID();
        ObjectNode body = valid(id);
        String storedId = breakage == Breakage.REQUEST_ID_SPACES || breakage == Breakage.REQUEST_ID_TOO_LONG
                ? null : id;
        break_(body, breakage, extra);

        RawRequests.Answer answer = lex.post("/api/v1/regulatory-requests", body.toString());
        String what = breakage + " (+" + extra + ") -> " + answer.status() + " " + answer.body();

        assertThat(answer.status()).as(what).isEqualTo(400);
        assertThat(answer.problem().getCode()).as(what).isEqualTo("invalid-request");
        assertThat(answer.problem().getErrors()).as(what).isNotEmpty()
                .anySatisfy(error -> assertThat(error.getField()).isEqualTo(breakage.field));
        if (storedId != null) {
            assertThat(lex.send("GET", "/api/v1/regulatory-requests/" + storedId, null).status()).as(what)
                    .isEqualTo(404);
        }
    }

    private static void break_(ObjectNode body, Breakage breakage, int extra) {
        ObjectNode authority = (ObjectNode) body.path("authority");
        ObjectNode scope = (ObjectNode) body.path("scope");
        ObjectNode subject = (ObjectNode) scope.path("subjects").get(0);
        ObjectNode document = (ObjectNode) body.path("documents").get(0);
        switch (breakage) {
            case AUTHORITY_NAME_TOO_LONG -> authority.put("name", "a".repeat(200 + extra));
            case AUTHORITY_NAME_CONTROL -> authority.put("name", "Ofcom\u001b" + "x".repeat(extra % 50));
            case JURISDICTION_MISSING -> authority.remove("jurisdiction");
            case LEGAL_BASIS_TOO_LONG -> body.put("legalBasis", "b".repeat(2_000 + extra));
            case LEGAL_BASIS_NUL -> body.put("legalBasis", "Art. 6\u0000");
            case REFERENCE_LINE_BREAK -> body.put("reference", "REF\n" + extra);
            case REFERENCE_TOO_LONG -> body.put("reference", "r".repeat(200 + extra));
            case KIND_UNKNOWN -> body.put("kind", "SUBPOENA");
            case KIND_NULL -> body.putNull("kind");
            case RECEIVED_NOT_A_DATE -> body.put("receivedAt", "yesterday");
            // an object: a bare number is still read as epoch seconds (Jackson's default for java.time, not yet refused)
            case DUE_WRONG_TYPE -> body.putObject("dueAt").put("days", extra);
            case REQUEST_ID_SPACES -> body.put("requestId", "prop " + extra);
            case REQUEST_ID_TOO_LONG -> body.put("requestId", "p".repeat(128 + extra));
            case SUBJECT_ID_TOO_LONG -> subject.put("id", "s".repeat(128 + extra));
            case SUBJECT_KIND_UNKNOWN -> subject.put("kind", "BUYER");
            case TOO_MANY_SUBJECTS -> {
                ArrayNode subjects = scope.putArray("subjects");
                for (int i = 0; i < 1_001 + extra % 10; i++) subjects.addObject().put("kind", "SELLER").put("id", "s" + i);
            }
            case CASE_ID_NOT_A_UUID -> ((ArrayNode) scope.path("caseIds")).set(0, JSON.getNodeFactory().textNode("case-" + extra));
            case TOO_MANY_DOCUMENTS -> {
                ArrayNode documents = body.putArray("documents");
                for (int i = 0; i < 51 + extra % 10; i++) {
                    documents.addObject().put("reference", "s3://d/" + i).put("sha256", sha(i));
                }
            }
            case DOCUMENT_SHA_UPPER_CASE -> document.put("sha256", ("a" + sha(extra).substring(1)).toUpperCase());
            case DOCUMENT_REFERENCE_SPACE -> document.put("reference", "s3://legal/order " + extra + ".pdf");
            case UNKNOWN_FIELD -> body.put("colour", "red");
            case SCOPE_UNKNOWN_FIELD -> scope.put("colour", "red");
        }
    }

    static ObjectNode valid(String id) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ObjectNode body = JSON.createObjectNode();
        body.put("requestId", id);
        body.putObject("authority").put("name", "Ofcom").put("jurisdiction", "UK");
        body.put("legalBasis", "Online Safety Act 2023, s. 100");
        body.put("kind", "INFORMATION_REQUEST");
        body.put("reference", "OFCOM-" + id);
        body.put("receivedAt", now.minusSeconds(3_600).toString());
        body.put("dueAt", now.plusSeconds(30 * 86_400).toString());
        ObjectNode scope = body.putObject("scope");
        scope.putArray("subjects").addObject().put("kind", "CREATOR").put("id", "creator-" + id);
        scope.putArray("caseIds").add(UUID.randomUUID().toString());
        body.putArray("documents").addObject().put("reference", "s3://legal/" + id + "/notice.pdf").put("sha256", sha(0));
        return body;
    }

    private static String sha(int seed) {
        return String.format("%064x", seed);
    }

}
