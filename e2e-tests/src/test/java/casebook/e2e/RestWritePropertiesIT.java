package casebook.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariant 13 over every REST write of the spec, with jqwik: a request generated valid from the OpenAPI schema
 * ({@link RequestShapes}), then broken one way ({@link Breakage}: nulls, control characters and NUL, strings and lists
 * at and beyond their limits, wrong types, huge numbers, a key given twice, an unknown field). Properties:
 * <ul>
 *   <li>the answer is 2xx, or 4xx with a problem document naming a {@code code} - never 5xx;</li>
 *   <li>what breaks the contract for sure (too long, too many, a key twice) is refused;</li>
 *   <li>a refused request changed nothing: the case's version is the same;</li>
 *   <li>the next good request still lands (a note: 201 and the version one higher; a new flag: 202).</li>
 * </ul>
 * Tries are few (each one is several requests to the running platform); a failure prints its {@link Attempt}
 * (operation, breakage, seed), which is kept below as an {@code @Example} once fixed.
 */
class RestWritePropertiesIT {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String FAR_AHEAD = "\"999999999\"";

    private static Casebook casebook;
    private static RequestShapes shapes;
    private static List<RequestShapes.Operation> writes;
    private static RawRequests lead;
    private static RawRequests detector;
    /** For the operations only support may send (filing an appeal). */
    private static RawRequests support;
    /** The appeal operations and the decision they appeal, whose bodies are new (issue 12). */
    private static final List<String> APPEAL_BODIES = List.of("fileAppeal", "decideAppeal", "proposeDecision");
    private static UUID seaCase;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How a valid request is broken. */
    enum Breakage {
        NONE, NULL_VALUE, CONTROL_CHARACTER, NUL, AT_MAX_LENGTH, OVER_MAX_LENGTH, HUGE_STRING, AT_MAX_ITEMS,
        OVER_MAX_ITEMS, WRONG_TYPE, HUGE_NUMBER, DUPLICATED_KEY, UNKNOWN_FIELD, NULL_BODY;

        /** Breakages no request within the contract can carry: the answer must be a refusal. */
        static final Set<Breakage> ALWAYS_REFUSED = EnumSet.of(OVER_MAX_LENGTH, HUGE_STRING, OVER_MAX_ITEMS,
                DUPLICATED_KEY, NULL_BODY);
    }

    /** One try: which operation, how it is broken, and the seed of everything random in it. */
    record Attempt(String operation, Breakage breakage, long seed) {
    }

    @BeforeContainer
    static void platform() throws Exception {
        casebook = Casebook.shared();
        shapes = RequestShapes.ofTheSpec();
        writes = shapes.writes();
        lead = casebook.rawAs("lee.sea");
        detector = casebook.raw("detector-sea");
        support = casebook.rawAs("sam.sea");
        seaCase = casebook.detector("detector-sea").raiseFlag(Flags.brushing("SEA"), "properties").getCaseId();
    }

    @Property(tries = 40)
    void aBrokenWriteIsRefusedWithAProblemAndChangesNothing(@ForAll("attempts") Attempt attempt) {
        check(attempt);
    }

    /** The appeal bodies and the proposal's legal ground, broken more often than the share of all writes gives them. */
    @Property(tries = 15)
    void aBrokenAppealIsRefusedWithAProblemAndChangesNothing(@ForAll("appealAttempts") Attempt attempt) {
        check(attempt);
    }

    @Provide
    Arbitrary<Attempt> appealAttempts() {
        return Combinators.combine(Arbitraries.of(APPEAL_BODIES), Arbitraries.of(Breakage.class), Arbitraries.longs())
                .as(Attempt::new);
    }

    @Provide
    Arbitrary<Attempt> attempts() {
        return Combinators.combine(Arbitraries.of(writes.stream().map(RequestShapes.Operation::id).toList()),
                Arbitraries.of(Breakage.class), Arbitraries.longs()).as(Attempt::new);
    }

    @Example
    void everyWriteOperationOfTheSpecIsTried() {
        assertThat(writes).extracting(RequestShapes.Operation::id).hasSizeGreaterThanOrEqualTo(16)
                .contains("raiseFlag", "proposeDecision", "mergeCase", "retryEnforcement")
                .containsAll(APPEAL_BODIES);
    }

    @Example
    void anActionParameterOfThreeHundredThousandCharactersIsRefused() {
        String body = "{\"verdict\":\"VIOLATION\",\"policyRefs\":[\"P-1\"],\"rationale\":\"x\",\"actions\":"
                + "[{\"action\":\"WARN\",\"parameters\":{\"days\":\"" + "3".repeat(300_000) + "\"}}]}";
        long before = versionOf(seaCase);
        RawRequests.Answer answer = lead.send("POST", "/api/v1/cases/" + seaCase + "/decision", body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.problem().getCode()).isEqualTo("invalid-request");
        assertThat(answer.body()).contains("parameters");
        assertThat(versionOf(seaCase)).isEqualTo(before);
    }

    @Example
    void aNullInsideAListOrAMapIsRefusedAsBadInputNotAServerError() {
        RawRequests.Answer list = lead.send("POST", "/api/v1/cases/" + seaCase + "/decision",
                "{\"verdict\":\"VIOLATION\",\"policyRefs\":[null],\"rationale\":\"x\",\"actions\":[{\"action\":\"WARN\"}]}");
        RawRequests.Answer map = lead.send("POST", "/api/v1/cases/" + seaCase + "/decision",
                "{\"verdict\":\"VIOLATION\",\"policyRefs\":[\"P-1\"],\"rationale\":\"x\",\"actions\":"
                        + "[{\"action\":\"WARN\",\"parameters\":{\"days\":null}}]}");
        assertThat(list.status()).as(list.body()).isEqualTo(400);
        assertThat(map.status()).as(map.body()).isEqualTo(400);
    }

    /** Found by the property (seed 0, shrunk): Tomcat refused the request line and answered its HTML page. */
    @Example
    void aQueryParameterOfThreeHundredThousandCharactersIsRefusedWithAProblem() {
        check(new Attempt("unassignCase", Breakage.HUGE_STRING, 0));
    }

    /** Found by the property in CI (seed 0): a required query parameter left out answered a problem with no code. */
    @Example
    void aRequiredQueryParameterLeftOutIsRefusedWithAProblemNamingIt() {
        check(new Attempt("deescalateCase", Breakage.NULL_VALUE, 0));
    }

    @Example
    void aKeyGivenTwiceIsRefused() {
        RawRequests.Answer answer = lead.send("POST", "/api/v1/cases/" + seaCase + "/notes",
                "{\"text\":\"first\",\"text\":\"second\"}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    }

    private void check(Attempt attempt) {
        RequestShapes.Operation operation = writes.stream().filter(o -> o.id().equals(attempt.operation()))
                .findFirst().orElseThrow();
        Random random = new Random(attempt.seed());
        ObjectNode query = NODES.objectNode();
        operation.query().forEach((name, parameter) -> {
            if (parameter.path("required").asBoolean() || random.nextBoolean()) {
                query.set(name, shapes.valid(parameter.path("schema"), random));
            }
        });
        JsonNode body = operation.body() == null ? null : shapes.valid(operation.body(), random);
        String bodyText = body == null ? null : body.toString();
        Breakage breakage = attempt.breakage();
        boolean broken;
        if (breakage == Breakage.NULL_BODY) {
            broken = body != null;
            bodyText = broken ? "null" : null;
        } else if (breakage == Breakage.DUPLICATED_KEY) {
            broken = body instanceof ObjectNode object && object.size() > 0;
            if (broken) bodyText = duplicated((ObjectNode) body, random);
        } else {
            List<Slot> slots = new ArrayList<>();
            // the body sits in a holder, so that the body itself can be broken too (null, wrong type, unknown field)
            ObjectNode holder = NODES.objectNode();
            if (body != null) {
                holder.set("body", body);
                slots(operation.body(), body, holder, "body", slots);
            }
            slots(querySchema(operation), query, null, null, slots);
            broken = breakage != Breakage.NONE && breakIn(slots, breakage, random);
            bodyText = body == null ? null : holder.get("body").toString();
        }

        boolean onCase = operation.path().contains("{caseId}");
        long before = onCase ? versionOf(seaCase) : -1;
        String uri = operation.path().replace("{caseId}", seaCase.toString())
                .replace("{actionId}", UUID.randomUUID().toString())
                .replace("{requestId}", "req-" + UUID.randomUUID())
                .replace("{appealId}", "appeal-" + UUID.randomUUID())
                .replace("{disclosureId}", "disc-" + UUID.randomUUID()) + queryString(query);
        RawRequests caller = !onCase ? detector : operation.roles().contains("lead") ? lead : support;
        RawRequests.Answer answer = caller.send(operation.method(), uri, bodyText, Map.of());
        String what = attempt + " -> " + answer.status() + " " + abbreviated(answer.body());

        assertThat(answer.status()).as(what).isBetween(200, 499);
        if (answer.status() >= 400) {
            assertThat(answer.problem().getCode()).as("a problem with a code: " + what).isNotBlank();
            if (onCase) assertThat(versionOf(seaCase)).as("refused, so unchanged: " + what).isEqualTo(before);
        } else {
            assertThat(broken && Breakage.ALWAYS_REFUSED.contains(breakage)).as("accepted: " + what).isFalse();
        }
        if (broken && Breakage.ALWAYS_REFUSED.contains(breakage)) {
            assertThat(answer.status()).as("must be refused: " + what).isBetween(400, 499);
        }
        nextGoodRequestLands(onCase);
    }

    private void nextGoodRequestLands(boolean onCase) {
        if (onCase) {
            long before = versionOf(seaCase);
            RawRequests.Answer note = lead.send("POST", "/api/v1/cases/" + seaCase + "/notes", "{\"text\":\"still here\"}");
            assertThat(note.status()).as(note.body()).isEqualTo(201);
            assertThat(versionOf(seaCase)).isEqualTo(before + 1);
        } else {
            try {
                String flag = casebook.json().writeValueAsString(Flags.brushing("SEA"));
                RawRequests.Answer raised = detector.post("/api/v1/flags", flag);
                assertThat(raised.status()).as(raised.body()).isEqualTo(202);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A place in a request where a value sits, with its schema: a member of an object or an item of a list. */
    private record Slot(JsonNode container, String key, int index, JsonNode schema) {
        JsonNode value() {
            return container instanceof ObjectNode o ? o.get(key) : container.get(index);
        }

        void set(JsonNode value) {
            if (container instanceof ObjectNode o) o.set(key, value);
            else ((ArrayNode) container).set(index, value);
        }
    }

    private void slots(JsonNode schema, JsonNode node, JsonNode container, Object at, List<Slot> slots) {
        JsonNode s = shapes.resolve(schema);
        if (container != null) {
            slots.add(at instanceof String key ? new Slot(container, key, -1, s) : new Slot(container, null, (int) at, s));
        }
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode fieldSchema = propertySchema(s, field.getKey());
                if (fieldSchema != null) slots(fieldSchema, field.getValue(), object, field.getKey(), slots);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) slots(s.path("items"), array.get(i), array, i, slots);
        }
    }

    private JsonNode propertySchema(JsonNode schema, String name) {
        JsonNode s = shapes.resolve(schema);
        if (s.path("properties").has(name)) return s.path("properties").path(name);
        for (JsonNode part : s.path("allOf")) {
            JsonNode found = propertySchema(part, name);
            if (found != null) return found;
        }
        return s.path("additionalProperties").isObject() ? s.path("additionalProperties") : null;
    }

    private static JsonNode querySchema(RequestShapes.Operation operation) {
        ObjectNode schema = NODES.objectNode();
        ObjectNode properties = schema.putObject("properties");
        operation.query().forEach((name, parameter) -> properties.set(name, parameter.path("schema")));
        return schema;
    }

    /** Breaks one slot that can carry the breakage; false when the request has none. */
    private boolean breakIn(List<Slot> slots, Breakage breakage, Random random) {
        List<Slot> candidates = slots.stream().filter(slot -> fits(slot, breakage)).toList();
        if (candidates.isEmpty()) return false;
        Slot slot = candidates.get(random.nextInt(candidates.size()));
        JsonNode s = slot.schema();
        String text = slot.value().asText();
        switch (breakage) {
            case NULL_VALUE -> slot.set(NODES.nullNode());
            case CONTROL_CHARACTER, NUL -> {
                int at = random.nextInt(text.length() + 1);
                String bad = breakage == Breakage.NUL ? "\u0000" : List.of("\u0007", "\u001b", "\u007f", "\u0008")
                        .get(random.nextInt(4));
                slot.set(NODES.textNode(text.substring(0, at) + bad + text.substring(at)));
            }
            case AT_MAX_LENGTH -> slot.set(NODES.textNode(longer(text, s.path("maxLength").asInt())));
            case OVER_MAX_LENGTH -> slot.set(NODES.textNode(longer(text, s.path("maxLength").asInt() + 1)));
            case HUGE_STRING -> slot.set(NODES.textNode(longer(text, 300_000)));
            case AT_MAX_ITEMS, OVER_MAX_ITEMS -> {
                int count = (s.has("maxItems") ? s.path("maxItems").asInt() : s.path("maxProperties").asInt())
                        + (breakage == Breakage.OVER_MAX_ITEMS ? 1 : 0);
                slot.set(filled(slot.value(), s, count, random));
            }
            case WRONG_TYPE -> slot.set(slot.value().isTextual() ? NODES.numberNode(12)
                    : slot.value().isContainerNode() ? NODES.textNode("x") : NODES.arrayNode());
            case HUGE_NUMBER -> slot.set(NODES.numberNode(new java.math.BigDecimal("1e400")));
            case UNKNOWN_FIELD -> ((ObjectNode) slot.value()).put("unexpected", "x");
            default -> throw new IllegalArgumentException(breakage.toString());
        }
        return true;
    }

    private static boolean fits(Slot slot, Breakage breakage) {
        JsonNode value = slot.value();
        JsonNode s = slot.schema();
        return switch (breakage) {
            case CONTROL_CHARACTER, NUL -> value.isTextual();
            case AT_MAX_LENGTH, OVER_MAX_LENGTH, HUGE_STRING -> value.isTextual() && s.has("maxLength");
            case AT_MAX_ITEMS, OVER_MAX_ITEMS -> value.isArray() && s.has("maxItems")
                    || value.isObject() && s.has("maxProperties");
            case HUGE_NUMBER -> value.isNumber();
            case UNKNOWN_FIELD -> value.isObject();
            default -> true;
        };
    }

    private static String longer(String text, int length) {
        StringBuilder longer = new StringBuilder(text.isEmpty() ? "a" : text);
        while (longer.length() < length) longer.append(longer, 0, Math.min(longer.length(), length - longer.length()));
        return longer.substring(0, length);
    }

    private JsonNode filled(JsonNode value, JsonNode schema, int count, Random random) {
        if (value.isArray()) {
            ArrayNode items = NODES.arrayNode();
            for (int i = 0; i < count; i++) items.add(shapes.valid(schema.path("items"), random));
            return items;
        }
        ObjectNode map = NODES.objectNode();
        for (int i = 0; i < count; i++) map.set("k" + i, shapes.valid(schema.path("additionalProperties"), random));
        return map;
    }

    /** The object's members written out, one of them twice (the second time last). */
    private static String duplicated(ObjectNode object, Random random) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        String twice = names.get(random.nextInt(names.size()));
        String members = names.stream().map(n -> JSON.valueToTree(n).toString() + ":" + object.get(n))
                .collect(Collectors.joining(","));
        return "{" + members + "," + JSON.valueToTree(twice) + ":" + object.get(twice) + "}";
    }

    private static String queryString(ObjectNode query) {
        List<String> pairs = new ArrayList<>();
        query.fields().forEachRemaining(f -> {
            if (!f.getValue().isNull()) {
                pairs.add(f.getKey() + "=" + URLEncoder.encode(f.getValue().isTextual() ? f.getValue().asText()
                        : f.getValue().toString(), StandardCharsets.UTF_8));
            }
        });
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    /** The case's version as its region's lead learns it: a note with a far-ahead If-Match is refused with it. */
    private static long versionOf(UUID caseId) {
        RawRequests.Answer answer = lead.send("POST", "/api/v1/cases/" + caseId + "/notes", "{\"text\":\"probe\"}",
                Map.of("If-Match", FAR_AHEAD));
        assertThat(answer.status()).as(answer.body()).isEqualTo(409);
        return answer.problem().getCurrentVersion();
    }

    private static String abbreviated(String body) {
        return body == null || body.length() < 400 ? body : body.substring(0, 400) + "...";
    }
}
