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

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariant 13 for legal's disclosure packages (docs/adr/0020): a valid package body broken in one field (a malformed
 * or too long id, no cases, too many, a case id that is not one, no fields, a field outside the catalogue, a wrong
 * type, an unknown property) is refused with 400, a field error naming that field, and nothing stored (the package
 * stays unknown). The request is accepted and the body otherwise valid, so only the broken field can refuse it.
 */
class DisclosurePropertiesIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static RawRequests lex;
    private static String requestPath;

    enum Breakage {
        DISCLOSURE_ID_SPACES("disclosureId"), DISCLOSURE_ID_TOO_LONG("disclosureId"), DISCLOSURE_ID_NULL("disclosureId"),
        NO_CASES("caseIds"), TOO_MANY_CASES("caseIds"), CASE_ID_NOT_A_UUID("caseIds"), NO_FIELDS("fields"),
        FIELD_UNKNOWN("fields"), FIELDS_WRONG_TYPE("fields"), REDACTED_UNKNOWN("redacted"),
        REDACTED_MANY_UNKNOWN("redacted"), UNKNOWN_PROPERTY("colour");

        /** The field error names this field (or an item of it: {@code caseIds[0]}). */
        final String field;

        Breakage(String field) {
            this.field = field;
        }
    }

    @BeforeContainer
    static void platform() {
        lex = Casebook.shared().rawAs("lex");
        String id = "prop-disclosure-" + UUID.randomUUID();
        RawRequests.Answer created = lex.post("/api/v1/regulatory-requests",
                RegulatoryRequestPropertiesIT.valid(id).toString());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        requestPath = "/api/v1/regulatory-requests/" + id;
        RawRequests.Answer accepted = Casebook.shared().rawAs("lena").post(requestPath + "/acceptance", null);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    }

    @Property(tries = 20)
    void aBrokenPackageIsRefusedNamingTheFieldAndStoresNothing(@ForAll("breakages") Breakage breakage,
                                                               @ForAll("lengths") int extra) {
        check(breakage, extra);
    }

    @Provide
    Arbitrary<Breakage> breakages() {
        return Arbitraries.of(Breakage.class);
    }

    @Provide
    Arbitrary<Integer> lengths() {
        return Arbitraries.integers().between(1, 500);
    }

    @Example
    void everyBreakageOnce() {
        for (Breakage breakage : Breakage.values()) check(breakage, 1);
    }

    private static void check(Breakage breakage, int extra) {
        String disclosureId = "p-" + UUID.randomUUID();
        ObjectNode body = valid(disclosureId);
        break_(body, breakage, extra);

        RawRequests.Answer answer = lex.post(requestPath + "/disclosures", body.toString());
        String what = breakage + " (+" + extra + ") -> " + answer.status() + " " + answer.body();

        assertThat(answer.status()).as(what).isEqualTo(400);
        assertThat(answer.problem().getCode()).as(what).isEqualTo("invalid-request");
        assertThat(answer.problem().getErrors()).as(what).isNotEmpty()
                .anySatisfy(error -> assertThat(error.getField()).startsWith(breakage.field));
        assertThat(lex.send("GET", requestPath + "/disclosures/" + disclosureId, null).status()).as(what)
                .isEqualTo(404);
    }

    private static void break_(ObjectNode body, Breakage breakage, int extra) {
        switch (breakage) {
            case DISCLOSURE_ID_SPACES -> body.put("disclosureId", "p " + extra);
            case DISCLOSURE_ID_TOO_LONG -> body.put("disclosureId", "p".repeat(128 + extra));
            case DISCLOSURE_ID_NULL -> body.putNull("disclosureId");
            case NO_CASES -> body.putArray("caseIds");
            case TOO_MANY_CASES -> {
                ArrayNode cases = body.putArray("caseIds");
                for (int i = 0; i < 101 + extra % 10; i++) cases.add(UUID.randomUUID().toString());
            }
            case CASE_ID_NOT_A_UUID -> ((ArrayNode) body.path("caseIds")).set(0,
                    JSON.getNodeFactory().textNode("case-" + extra));
            case NO_FIELDS -> body.putArray("fields");
            case FIELD_UNKNOWN -> ((ArrayNode) body.path("fields")).add("PASSWORD");
            case FIELDS_WRONG_TYPE -> body.put("fields", "SUBJECT");
            case REDACTED_UNKNOWN -> body.putArray("redacted").add("EVERYTHING");
            case REDACTED_MANY_UNKNOWN -> {
                ArrayNode redacted = body.putArray("redacted");
                for (int i = 0; i < 10 + extra % 5; i++) redacted.add("SUBJECT" + i);
            }
            case UNKNOWN_PROPERTY -> body.put("colour", "red");
        }
    }

    static ObjectNode valid(String disclosureId) {
        ObjectNode body = JSON.createObjectNode();
        body.put("disclosureId", disclosureId);
        body.putArray("caseIds").add(UUID.randomUUID().toString());
        body.putArray("fields").add("SUBJECT").add("NOTES");
        body.putArray("redacted").add("NOTES");
        return body;
    }
}
