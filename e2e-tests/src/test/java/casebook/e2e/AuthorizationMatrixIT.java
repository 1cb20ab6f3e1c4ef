package casebook.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.StreamSupport;

import static casebook.e2e.Search.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorization matrix, built from the spec: every case operation of {@code casebook-v1.yaml} x every role x own
 * region / foreign region / unknown id x {@code If-Match} none / current / stale / far ahead. Invariant 10: a foreign
 * case answers exactly like an unknown id - same status, same problem code, type, title and detail, same members -
 * whatever version the caller sends. A role the spec does not name for an operation gets 403 wherever the case is.
 * On its own region a role the spec names gets 409 {@code stale-version} with the current version for a stale or
 * far-ahead {@code If-Match} (the region is checked first, then the version), and never 404 or 5xx otherwise.
 *
 * <p>Requests are raw HTTP (the generated client cannot send an arbitrary {@code If-Match} with every operation). How
 * to call each operation is a table below; an operation of the spec missing from it fails the test, so a new
 * operation is covered or the build breaks. One case per region, one token per principal. Principals whose regions
 * are all ({@code lex}, {@code audrey}, {@code root.admin}) have no foreign region: they are checked with unknown ids
 * and on the SEA case.
 */
@EndToEnd
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT {
    private static final String FAR_AHEAD = "\"999999999\"";
    private static final String NOTE = "{\"text\":\"matrix\"}";

    /** role -> principal (a demo user, the SEA detector or the SEA appeals client); whether they hold every region. */
    private record Principal(String role, String name, boolean everyRegion, RawRequests raw) {
    }

    /** How to call one operation on case {@code caseId}: the path after the case, the query, the body. */
    private record Call(String query, Function<Principal, String> body) {
        static Call of(String query, String body) {
            return new Call(query, p -> body);
        }
    }

    private record Operation(String id, String method, String path, Set<String> roles, boolean ifMatch) {
        String uri(UUID caseId, String query) {
            return path.replace("{caseId}", caseId.toString()).replace("{actionId}", UUID.randomUUID().toString())
                    .replace("{appealId}", "matrix-" + UUID.randomUUID())
                    .replace("{requestId}", "matrix-request")
                    + (query.isEmpty() ? "" : "?" + query);
        }
    }

    /** One request per operation with a valid body; on the SEA case, an allowed one changes little. */
    private static final Map<String, Call> CALLS = Map.ofEntries(
            Map.entry("getCase", Call.of("", null)),
            Map.entry("getCaseHistory", Call.of("", null)),
            Map.entry("getRelatedCases", Call.of("", null)),
            Map.entry("assignCase", new Call("", p -> "{\"assignee\":\"" + p.name() + "\"}")),
            Map.entry("unassignCase", Call.of("reason=matrix", null)),
            Map.entry("escalateCase", Call.of("", "{\"reason\":\"matrix\"}")),
            Map.entry("deescalateCase", Call.of("reason=matrix", null)),
            // DUPLICATE closes by merging only: refused by a rule, never a closed case
            Map.entry("closeCase", Call.of("", "{\"resolution\":\"DUPLICATE\"}")),
            Map.entry("reopenCase", Call.of("reason=matrix", null)),
            Map.entry("addEvidence", new Call("", p -> "{\"kind\":\"SCREENSHOT\",\"reference\":\"s3://matrix/"
                    + UUID.randomUUID() + "\",\"sha256\":\"" + sha256() + "\"}")),
            Map.entry("linkEntity", Call.of("", "{\"kind\":\"DEVICE\",\"value\":\"dev-matrix\"}")),
            Map.entry("unlinkEntity", Call.of("kind=DEVICE&value=dev-never-linked&reason=matrix", null)),
            Map.entry("addNote", Call.of("", NOTE)),
            // a cancelled order does not fit a seller: refused by a rule, never a decision
            Map.entry("proposeDecision", Call.of("", "{\"verdict\":\"VIOLATION\",\"policyRefs\":[\"P-1\"],"
                    + "\"rationale\":\"matrix\",\"actions\":[{\"action\":\"CANCEL_ORDER\"}]}")),
            Map.entry("approveDecision", Call.of("", null)),
            Map.entry("sendBackDecision", Call.of("", "{\"comments\":\"matrix\"}")),
            Map.entry("retryEnforcement", Call.of("", null)),
            // no decision of that id: refused by a rule, never an appeal
            Map.entry("fileAppeal", Call.of("", "{\"appealId\":\"matrix-appeal\",\"decisionId\":\""
                    + UUID.randomUUID() + "\",\"statement\":\"matrix\",\"channel\":\"SUPPORT\"}")),
            // no open appeal of that id: refused by a rule
            Map.entry("decideAppeal", Call.of("", "{\"rulings\":[{\"actionId\":\"" + UUID.randomUUID()
                    + "\",\"ruling\":\"UPHELD\"}],\"rationale\":\"matrix\"}")),
            // the body names the path's case as the duplicate (see send): on an own case a rule refuses it
            Map.entry("mergeCase", Call.of("", null)),
            // no such request: refused by a rule (unknown-request, hold-not-found), never a hold
            Map.entry("placeLegalHold", Call.of("", "{\"requestId\":\"matrix-request\"}")),
            Map.entry("releaseLegalHold", Call.of("", null)),
            Map.entry("exportCase", Call.of("", null)));
    private static final String MERGE = "mergeCase";
    /** Operations on no case; their roles are RolesIT's, their regions below. */
    private static final Set<String> NOT_ON_A_CASE = Set.of("raiseFlag", "searchCases", "getQueue", "getRegionMetrics",
            "rebuildCaseSearch", "getCaseSearchRebuild", "requestErasure", "issueCheckpoint", "getLatestCheckpoint", "getConsistencyProof",
            "getVerifierKey", "verifyAuditLog", "searchCaseReads");
    /** Regulatory requests: legal's alone and region-free; checked by {@link #regulatoryRequestsAreLegalsAloneAndRegionFree}. */
    private static final Map<String, String> REGULATORY = Map.ofEntries(
            Map.entry("createRegulatoryRequest", "{}"),
            Map.entry("searchRegulatoryRequests", ""),
            Map.entry("getRegulatoryRequest", ""),
            Map.entry("requestClarification", "{\"question\":\"matrix\"}"),
            Map.entry("recordClarification", "{\"answer\":\"matrix\"}"),
            Map.entry("acceptRegulatoryRequest", ""),
            Map.entry("rejectRegulatoryRequest", "{\"reason\":\"matrix\"}"),
            Map.entry("closeRegulatoryRequest", "{}"),
            Map.entry("prepareDisclosure", "{\"disclosureId\":\"matrix\",\"caseIds\":[\""
                    + UUID.randomUUID() + "\"],\"fields\":[\"SUBJECT\"],\"redacted\":[\"SUBJECT\"]}"),
            Map.entry("getDisclosure", ""),
            Map.entry("approveDisclosure", ""));

    private final Casebook casebook;
    private final ObjectMapper json;
    private final List<Principal> principals = new ArrayList<>();
    private final List<Operation> operations = new ArrayList<>();
    private UUID seaCase;
    private UUID usCase;
    private long usVersion;

    AuthorizationMatrixIT(Casebook casebook) {
        this.casebook = casebook;
        this.json = casebook.json();
    }

    @BeforeAll
    void oneCasePerRegionAndTheOperationsOfTheSpec() throws Exception {
        principals.add(new Principal("analyst", "ana.sea", false, casebook.rawAs("ana.sea")));
        principals.add(new Principal("lead", "lee.sea", false, casebook.rawAs("lee.sea")));
        principals.add(new Principal("legal", "lex", true, casebook.rawAs("lex")));
        principals.add(new Principal("auditor", "audrey", true, casebook.rawAs("audrey")));
        principals.add(new Principal("privacy", "priya", true, casebook.rawAs("priya")));
        principals.add(new Principal("admin", "root.admin", true, casebook.rawAs("root.admin")));
        principals.add(new Principal("detection", "detector-sea", false, casebook.raw("detector-sea")));
        principals.add(new Principal("support", "sam.sea", false, casebook.rawAs("sam.sea")));
        principals.add(new Principal("appeals", "appeals-sea", false, casebook.raw("appeals-sea")));

        JsonNode paths = new ObjectMapper(new YAMLFactory())
                .readTree(Path.of(System.getProperty("casebook.e2e.spec")).toFile()).path("paths");
        for (var path : (Iterable<Map.Entry<String, JsonNode>>) paths::fields) {
            for (var operation : (Iterable<Map.Entry<String, JsonNode>>) path.getValue()::fields) {
                JsonNode roles = operation.getValue().path("x-casebook-roles");
                if (!roles.isArray()) continue; // path-level parameters
                boolean ifMatch = StreamSupport.stream(operation.getValue().path("parameters").spliterator(), false)
                        .anyMatch(p -> p.path("$ref").asText().endsWith("/IfMatch"));
                operations.add(new Operation(operation.getValue().path("operationId").asText(),
                        operation.getKey().toUpperCase(), path.getKey(),
                        Set.copyOf(StreamSupport.stream(roles.spliterator(), false).map(JsonNode::asText).toList()),
                        ifMatch));
            }
        }

        seaCase = casebook.detector("detector-sea").raiseFlag(Flags.brushing("SEA"), "matrix").getCaseId();
        usCase = casebook.detector("detector-us").raiseFlag(Flags.brushing("US"), "matrix").getCaseId();
        // reads come from the search index: wait until both cases are there
        eventually().until(() -> casebook.as("ana.sea").getCase(seaCase, null, null) != null);
        eventually().until(() -> casebook.as("ana.us").getCase(usCase, null, null) != null);
        usVersion = versionOf(usCase, casebook.rawAs("lee.us"));
    }

    @Test
    void everyOperationOfTheSpecIsInTheMatrix() {
        assertThat(operations).extracting(Operation::id).hasSizeGreaterThan(20)
                .allSatisfy(id -> assertThat(CALLS.containsKey(id) || NOT_ON_A_CASE.contains(id)
                                || REGULATORY.containsKey(id))
                        .as("how to call %s: add it to AuthorizationMatrixIT", id).isTrue());
        assertThat(operations).filteredOn(o -> o.path().contains("{caseId}")).extracting(Operation::id)
                .doesNotContainAnyElementsOf(NOT_ON_A_CASE);
    }

    @Test
    void aForeignCaseAnswersEveryOperationExactlyLikeAnUnknownId() {
        List<String> differences = new ArrayList<>();
        int compared = 0;
        for (Operation operation : caseOperations()) {
            for (Principal principal : principals) {
                for (String ifMatch : ifMatches(operation, usVersion)) {
                    Call call = CALLS.get(operation.id());
                    JsonNode unknown = answer(principal, operation, UUID.randomUUID(), call, ifMatch, differences);
                    String where = operation.id() + " as " + principal.role() + " with If-Match " + ifMatch;
                    int expected = operation.roles().contains(principal.role()) ? 404 : 403;
                    if (unknown.path("status").asInt() != expected) {
                        differences.add(where + " on an unknown id: " + unknown + ", expected " + expected);
                    }
                    if (!principal.everyRegion()) {
                        JsonNode foreign = answer(principal, operation, usCase, call, ifMatch, differences);
                        compared++;
                        if (!foreign.equals(unknown)) {
                            differences.add(where + ": the US case answered " + foreign + ", an unknown id " + unknown);
                        }
                    }
                }
            }
        }
        assertThat(compared).as("foreign/unknown pairs").isGreaterThan(150);
        assertThat(differences).isEmpty();
        assertThat(versionOf(usCase, casebook.rawAs("lee.us"))).as("the US case is unchanged").isEqualTo(usVersion);
    }

    @Test
    void onItsOwnRegionARoleGetsItsAnswerAndAStaleVersionGetsTheCurrentOne() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Operation operation : caseOperations()) {
            for (Principal principal : principals) {
                long current = versionOf(seaCase, casebook.rawAs("lee.sea"));
                for (String ifMatch : ifMatches(operation, current)) {
                    Call call = CALLS.get(operation.id());
                    RawRequests.Answer answer = send(principal, operation, seaCase, call, ifMatch);
                    String where = operation.id() + " as " + principal.role() + " with If-Match " + ifMatch + ": "
                            + answer.status() + " " + answer.body();
                    if (!operation.roles().contains(principal.role())) {
                        if (answer.status() != 403) wrong.add(where + ", expected 403");
                    } else if (operation.method().equals("GET")) {
                        if (answer.status() != 200) wrong.add(where + ", expected 200");
                    } else if (ifMatch != null && !ifMatch.equals(quoted(current))) {
                        JsonNode problem = json.readTree(answer.body());
                        if (answer.status() != 409 || !problem.path("code").asText().equals("stale-version")
                                || problem.path("currentVersion").asLong() != current) {
                            wrong.add(where + ", expected 409 stale-version with currentVersion " + current);
                        }
                    } else if (answer.status() == 404 || answer.status() >= 500
                            || answer.status() >= 400 && !json.readTree(answer.body()).hasNonNull("code")) {
                        wrong.add(where + ", expected an answer or a problem other than 404");
                    }
                    if (answer.status() < 300) current = versionOf(seaCase, casebook.rawAs("lee.sea"));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** mergeCase names a second case in its body: a foreign duplicate answers like an unknown one too. */
    @Test
    void aForeignDuplicateAnswersAMergeExactlyLikeAnUnknownOne() {
        List<String> differences = new ArrayList<>();
        Operation merge = operations.stream().filter(o -> o.id().equals(MERGE)).findFirst().orElseThrow();
        for (Principal principal : principals.stream().filter(p -> !p.everyRegion()).toList()) {
            for (String duplicateVersion : new String[]{null, "0", Long.toString(usVersion), "999999999"}) {
                String versionMember = duplicateVersion == null ? "" : ",\"duplicateVersion\":" + duplicateVersion;
                JsonNode foreign = answer(principal, merge, seaCase, Call.of("", "{\"duplicateCaseId\":\"" + usCase
                        + "\",\"reason\":\"matrix\"" + versionMember + "}"), null, differences);
                JsonNode unknown = answer(principal, merge, seaCase, Call.of("", "{\"duplicateCaseId\":\""
                        + UUID.randomUUID() + "\",\"reason\":\"matrix\"" + versionMember + "}"), null, differences);
                int expected = merge.roles().contains(principal.role()) ? 404 : 403;
                if (!foreign.equals(unknown) || unknown.path("status").asInt() != expected) {
                    differences.add("merge as " + principal.role() + ", duplicateVersion " + duplicateVersion
                            + ": a US duplicate answered " + foreign + ", an unknown one " + unknown);
                }
            }
        }
        assertThat(differences).isEmpty();
    }

    /**
     * Regulatory requests have no region: every role but legal gets 403 for every operation, whatever the id; legal
     * gets the same 404 problem for an unknown id from both legal users, a list, and a refused empty create (400).
     */
    @Test
    void regulatoryRequestsAreLegalsAloneAndRegionFree() throws Exception {
        List<String> wrong = new ArrayList<>();
        List<Principal> everyone = new ArrayList<>(principals);
        everyone.add(new Principal("legal", "lena", true, casebook.rawAs("lena")));
        List<Operation> regulatory = operations.stream().filter(o -> REGULATORY.containsKey(o.id())).toList();
        assertThat(regulatory).extracting(Operation::id).containsExactlyInAnyOrderElementsOf(REGULATORY.keySet());
        for (Operation operation : regulatory) {
            assertThat(operation.roles()).as(operation.id()).containsExactly("legal");
            String body = REGULATORY.get(operation.id());
            JsonNode firstUnknown = null;
            for (Principal principal : everyone) {
                for (String ifMatch : operation.ifMatch() ? new String[]{null, "\"0\"", FAR_AHEAD} : new String[]{null}) {
                    Map<String, String> headers = ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch);
                    String uri = operation.path().replace("{requestId}", "matrix-unknown-" + UUID.randomUUID())
                            .replace("{disclosureId}", "matrix-unknown-" + UUID.randomUUID());
                    RawRequests.Answer answer = principal.raw().send(operation.method(), uri,
                            body.isEmpty() ? null : body, headers);
                    String where = operation.id() + " as " + principal.name() + " with If-Match " + ifMatch + ": "
                            + answer.status() + " " + answer.body();
                    int expected = !principal.role().equals("legal") ? 403
                            : operation.path().contains("{requestId}") ? 404
                            : operation.method().equals("GET") ? 200 : 400;
                    if (answer.status() != expected) wrong.add(where + ", expected " + expected);
                    if (expected == 404) {
                        JsonNode problem = withoutInstance(json.readTree(answer.body()));
                        if (firstUnknown == null) firstUnknown = problem;
                        else if (!problem.equals(firstUnknown)) wrong.add(where + ", another 404 than " + firstUnknown);
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** Region metrics take a region in the path: a foreign region answers like one that does not exist. */
    @Test
    void aForeignRegionsMetricsAnswerLikeAnUnknownRegion() throws Exception {
        RawRequests lead = casebook.rawAs("lee.sea");
        assertThat(lead.send("GET", "/api/v1/metrics/regions/SEA", null).status()).isEqualTo(200);
        RawRequests.Answer foreign = lead.send("GET", "/api/v1/metrics/regions/US", null);
        RawRequests.Answer unknown = lead.send("GET", "/api/v1/metrics/regions/ZZ", null);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(withoutInstance(json.readTree(foreign.body()))).isEqualTo(withoutInstance(json.readTree(unknown.body())));
    }

    private List<Operation> caseOperations() {
        return operations.stream().filter(o -> o.path().contains("{caseId}")).toList();
    }

    /** No If-Match, the case's version, an older one, one far ahead; reads take none. */
    private static List<String> ifMatches(Operation operation, long current) {
        List<String> values = new ArrayList<>();
        values.add(null);
        if (operation.ifMatch() || operation.method().equals("GET")) {
            values.add(quoted(current));
            values.add(quoted(current - 1));
            values.add(FAR_AHEAD);
        }
        return values;
    }

    private static String quoted(long version) {
        return "\"" + version + "\"";
    }

    private RawRequests.Answer send(Principal principal, Operation operation, UUID caseId, Call call, String ifMatch) {
        String body = call.body().apply(principal);
        if (body == null && operation.id().equals(MERGE)) {
            body = "{\"duplicateCaseId\":\"" + caseId + "\",\"reason\":\"matrix\"}";
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (ifMatch != null) headers.put("If-Match", ifMatch);
        return principal.raw().send(operation.method(), operation.uri(caseId, call.query()), body, headers);
    }

    /** The answer as compared: status and problem members, without {@code instance} (it holds the path). */
    private JsonNode answer(Principal principal, Operation operation, UUID caseId, Call call, String ifMatch,
                            List<String> problems) {
        RawRequests.Answer answer = send(principal, operation, caseId, call, ifMatch);
        try {
            ObjectNode node = (ObjectNode) withoutInstance(json.readTree(answer.body()));
            node.put("httpStatus", answer.status());
            return node;
        } catch (IOException | ClassCastException e) {
            problems.add(operation.id() + " as " + principal.role() + ": not a problem document: " + answer.status()
                    + " " + answer.body());
            return json.createObjectNode().put("status", answer.status());
        }
    }

    private static JsonNode withoutInstance(JsonNode problem) {
        ObjectNode copy = problem.deepCopy();
        copy.remove("instance");
        return copy;
    }

    /** The case's version as its region's lead learns it: a note with a far-ahead If-Match is refused with it. */
    private long versionOf(UUID caseId, RawRequests lead) {
        RawRequests.Answer answer = lead.send("POST", "/api/v1/cases/" + caseId + "/notes", NOTE,
                Map.of("If-Match", FAR_AHEAD));
        try {
            JsonNode problem = json.readTree(answer.body());
            assertThat(answer.status()).as(answer.body()).isEqualTo(409);
            return problem.path("currentVersion").asLong();
        } catch (IOException e) {
            throw new AssertionError(answer.body(), e);
        }
    }

    private static String sha256() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "").substring(0, 64);
    }
}
