package casebook.e2e;

import casebook.client.ApiException;
import casebook.client.api.CasebookApi;
import casebook.client.model.Flag;
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
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

import static casebook.e2e.Flags.deviceOf;
import static casebook.e2e.Search.bySignal;
import static casebook.e2e.Search.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariant 13 under generated input, Kafka side, as a black box. Flags are generated from the contract (the spec's
 * Flag schema) and then broken: nulls everywhere (also inside the signal lists), control characters and NUL, strings
 * and lists at and beyond their limits, wrong types, huge numbers, duplicated keys, unknown fields. Each record is
 * followed by a good flag with the same key (so on the same partition, handled after it). The property:
 * <ul>
 *   <li>the good flag behind it always lands (found by its device id);</li>
 *   <li>the record ends either stored (its flag id is taken) or on the dead-letter topic with a reason - and a
 *       refused record stored nothing (its flag id is still free: the same id over REST is a first, 202);</li>
 *   <li>a record that breaks the contract is never stored.</li>
 * </ul>
 * Tries are few (each one goes through Kafka, the database and the search index of the real platform); the
 * examples keep the cases the issue found (a null in a signal list, a NUL in a text field) and any failure's seed.
 */
class KafkaIntakePropertiesIT {
    private static final Pattern FLAG_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A way to break a valid flag: its name (shown on failure), the change, and whether the contract refuses it. */
    record Breakage(String name, Function<ObjectNode, String> apply, boolean refused) {
        @Override
        public String toString() {
            return name;
        }
    }

    @Property(tries = 15, shrinking = ShrinkingMode.OFF)
    void everyRecordIsStoredOrDeadLetteredAndTheFlagBehindItLands(@ForAll("flags") ObjectNode flag,
                                                                   @ForAll("breakages") Breakage breakage)
            throws Exception {
        check(flag, breakage);
    }

    @Example
    void aNullInsideASignalListIsDeadLetteredAndTheFlagBehindItLands() throws Exception {
        check(validFlag("shop-x-" + UUID.randomUUID(), List.of("203.0.113.9")), allBreakages().stream()
                .filter(b -> b.name().equals("null at signals.ips[0]")).findFirst().orElseThrow());
    }

    @Example
    void aNulInTheSubjectIdIsDeadLetteredAndTheFlagBehindItLands() throws Exception {
        check(validFlag("shop-y-" + UUID.randomUUID(), List.of()), allBreakages().stream()
                .filter(b -> b.name().equals("U+0000 in subject.id")).findFirst().orElseThrow());
    }

    private void check(ObjectNode flag, Breakage breakage) throws Exception {
        Casebook casebook = EndToEndExtension.shared();
        FlagTopic topic = casebook.flagTopic();
        String flagId = flag.path("flagId").asText();
        String key = "SEA/SELLER/" + flag.path("subject").path("id").asText() + "/" + flag.path("category").asText();
        String broken = breakage.apply().apply(flag.deepCopy());
        String brokenFlagId = flagIdOf(broken);
        Flag next = Flags.brushing("SEA");

        topic.publish(key, broken.getBytes(StandardCharsets.UTF_8));
        topic.publish(key, casebook.json().writeValueAsBytes(next));

        CasebookApi analyst = casebook.as("ana.sea");
        eventually().until(() -> bySignal(analyst, deviceOf(next)).getTotal(), total -> total == 1);
        boolean stored = brokenFlagId != null && taken(casebook, brokenFlagId);
        Statistics.label("outcome").collect(stored ? "stored" : "dead-lettered");
        if (breakage.refused()) {
            assertThat(stored).as("%s was stored", breakage).isFalse();
        }
        if (!stored) {
            FlagTopic.DeadLetter letter = topic.awaitDeadLetter(l -> broken.equals(l.value()), Search.PATIENCE);
            assertThat(letter.reason()).as("dead letter of %s", breakage).isNotBlank();
            assertThat(letter.headers()).containsEntry("casebook-dlt-original-topic", FlagTopic.TOPIC);
        }
        assertThat(flagId).isNotBlank();
    }

    /**
     * Whether a flag with this id was stored: the same id raised again over REST is then a duplicate (200) or, if it
     * was stored for a region the client does not see, refused (422); a free id is a first (202). Only asked once the
     * record is known to be handled (the flag behind it on its partition has landed).
     */
    private static boolean taken(Casebook casebook, String flagId) throws ApiException {
        try {
            int status = casebook.detector("detector-sea").raiseFlagWithHttpInfo(Flags.brushing("SEA").flagId(flagId), null)
                    .getStatusCode();
            return status == 200;
        } catch (ApiException refused) {
            assertThat(refused.getCode()).as("re-raising %s", flagId).isEqualTo(422);
            return true;
        }
    }

    private static String flagIdOf(String json) {
        try {
            JsonNode id = new ObjectMapper().readTree(json).path("flagId");
            return id.isTextual() && FLAG_ID.matcher(id.asText()).matches() ? id.asText() : null;
        } catch (Exception unreadable) {
            return null;
        }
    }

    // ------------------------------------------------------------------------------------------ valid flags

    @Provide
    Arbitrary<ObjectNode> flags() {
        Arbitrary<String> text = Arbitraries.strings().withCharRange(' ', '~').withCharRange('\u00a0', '\u024f')
                .ofMinLength(1).ofMaxLength(40);
        Arbitrary<List<String>> signals = text.list().ofMaxSize(3);
        return Combinators.combine(text, text, Arbitraries.of("RULE", "MODEL"), Arbitraries.of("SELLER", "CREATOR", "TRANSACTION"),
                        Arbitraries.of("BRUSHING", "SCALPING", "PAYMENT_FRAUD", "CLICK_FARM"),
                        Arbitraries.doubles().between(0, 1), signals, Arbitraries.of(true, false))
                .as((sourceId, subjectSuffix, sourceKind, subjectKind, category, score, ips, money) -> {
                    ObjectNode flag = validFlag("prop-" + UUID.randomUUID() + "-" + subjectSuffix, ips);
                    ((ObjectNode) flag.get("source")).put("id", sourceId).put("kind", sourceKind);
                    ((ObjectNode) flag.get("subject")).put("kind", subjectKind);
                    flag.put("category", category).put("score", score);
                    if (!money) flag.remove("moneyAtRisk");
                    return flag;
                });
    }

    static ObjectNode validFlag(String subjectId, List<String> ips) {
        ObjectNode flag = NODES.objectNode();
        flag.put("flagId", Flags.unique("prop"));
        flag.putObject("source").put("kind", "MODEL").put("id", "brushing-detector").put("version", "3.2.0");
        flag.putObject("subject").put("kind", "SELLER").put("id", subjectId.length() > 128 ? subjectId.substring(0, 128) : subjectId);
        flag.put("region", "SEA").put("category", "BRUSHING").put("score", 0.91);
        flag.putObject("recommendation").put("action", "WARN").put("confidence", 0.5);
        flag.putObject("moneyAtRisk").put("amount", "1520.00").put("currency", "USD");
        ObjectNode signals = flag.putObject("signals");
        signals.putArray("deviceIds").add(Flags.unique("dev"));
        ArrayNode ipList = signals.putArray("ips");
        ips.forEach(ipList::add);
        flag.put("observedAt", "2026-11-20T08:15:00Z");
        return flag;
    }

    // ------------------------------------------------------------------------------------------ breakages

    @Provide
    Arbitrary<Breakage> breakages() {
        return Arbitraries.of(allBreakages());
    }

    private static List<Breakage> allBreakages() {
        List<Breakage> all = new java.util.ArrayList<>();
        all.add(new Breakage("unchanged", ObjectNode::toString, false));
        // nulls: required fields and list items are refused; an optional object may be null
        for (String required : List.of("flagId", "source", "source.id", "source.version", "subject", "subject.id",
                "region", "category", "score", "observedAt", "signals.ips[0]", "signals.deviceIds[0]")) {
            all.add(new Breakage("null at " + required, f -> set(f, required, NODES.nullNode()), true));
        }
        for (String optional : List.of("recommendation", "moneyAtRisk", "signals", "signals.ips")) {
            all.add(new Breakage("null at " + optional, f -> set(f, optional, NODES.nullNode()), false));
        }
        // control characters and NUL in the text fields
        for (char c : new char[]{'\u0000', '\u0001', '\n', '\u001f', '\u007f'}) {
            for (String field : List.of("subject.id", "source.id", "source.version", "signals.deviceIds[0]")) {
                all.add(new Breakage("U+%04X in %s".formatted((int) c, field),
                        f -> set(f, field, NODES.textNode("x" + c + "y")), true));
            }
        }
        // strings and lists at and beyond their limits
        all.add(new Breakage("subject.id of 128", f -> set(f, "subject.id", NODES.textNode(longText(f, 128))), false));
        all.add(new Breakage("subject.id of 129", f -> set(f, "subject.id", NODES.textNode(longText(f, 129))), true));
        all.add(new Breakage("source.version of 64", f -> set(f, "source.version", NODES.textNode("v".repeat(64))), false));
        all.add(new Breakage("source.version of 65", f -> set(f, "source.version", NODES.textNode("v".repeat(65))), true));
        all.add(new Breakage("an ip of 256", f -> set(f, "signals.ips", list(1, "i".repeat(256))), false));
        all.add(new Breakage("an ip of 257", f -> set(f, "signals.ips", list(1, "i".repeat(257))), true));
        all.add(new Breakage("100 ips", f -> set(f, "signals.ips", list(100, "203.0.113.7")), false));
        all.add(new Breakage("101 ips", f -> set(f, "signals.ips", list(101, "203.0.113.7")), true));
        all.add(new Breakage("an empty subject.id", f -> set(f, "subject.id", NODES.textNode("")), true));
        all.add(new Breakage("a flagId of 129", f -> set(f, "flagId", NODES.textNode("p" + "x".repeat(128))), true));
        // wrong types
        all.add(new Breakage("score as text", f -> set(f, "score", NODES.textNode("0.5")), true));
        all.add(new Breakage("score as boolean", f -> set(f, "score", NODES.booleanNode(true)), true));
        all.add(new Breakage("subject.id as object", f -> set(f, "subject.id", NODES.objectNode()), true));
        all.add(new Breakage("source as list", f -> set(f, "source", NODES.arrayNode()), true));
        all.add(new Breakage("signals.ips as text", f -> set(f, "signals.ips", NODES.textNode("203.0.113.7")), true));
        all.add(new Breakage("category unknown", f -> set(f, "category", NODES.textNode("SPAM")), true));
        all.add(new Breakage("region as number", f -> set(f, "region", NODES.numberNode(7)), true));
        all.add(new Breakage("the whole value a list", f -> "[" + f + "]", true));
        // huge numbers
        all.add(new Breakage("score 1e400", f -> f.toString().replaceFirst("\"score\":[^,}]+", "\"score\":1e400"), true));
        all.add(new Breakage("score of 30 digits", f -> f.toString()
                .replaceFirst("\"score\":[^,}]+", "\"score\":123456789012345678901234567890"), true));
        all.add(new Breakage("money of 16 digits", f -> set(f, "moneyAtRisk.amount", NODES.textNode("1234567890123456")), true));
        all.add(new Breakage("confidence 1e-400", f -> f.toString()
                .replaceFirst("\"confidence\":[^,}]+", "\"confidence\":1e-400"), false));
        // duplicated keys (the last one wins, as in JSON.parse) and unknown fields
        all.add(new Breakage("category twice", f -> f.toString().replaceFirst("^\\{", "{\"category\":\"SCALPING\","), false));
        all.add(new Breakage("score twice, then out of range", f -> f.toString().replaceFirst("}$", ",\"score\":7}"), true));
        all.add(new Breakage("an unknown field", f -> set(f, "priority", NODES.textNode("P1")), true));
        all.add(new Breakage("an unknown field in subject", f -> set(f, "subject.shopName", NODES.textNode("x")), true));
        all.add(new Breakage("an unknown field in signals", f -> set(f, "signals.emails", list(1, "a@b.c")), true));
        return all;
    }

    private static String longText(ObjectNode flag, int length) {
        String unique = flag.path("subject").path("id").asText();
        return (unique + "z".repeat(length)).substring(0, length);
    }

    private static ArrayNode list(int size, String value) {
        ArrayNode list = NODES.arrayNode();
        for (int i = 0; i < size; i++) list.add(value);
        return list;
    }

    /** Sets the field at a dotted path ({@code a.b}, {@code a.b[0]}), creating lists and objects as needed. */
    private static String set(ObjectNode flag, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode parent = flag;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = parent.get(parts[i]);
            parent = child instanceof ObjectNode object ? object : parent.putObject(parts[i]);
        }
        String last = parts[parts.length - 1];
        int bracket = last.indexOf('[');
        if (bracket < 0) {
            parent.set(last, value);
        } else {
            String name = last.substring(0, bracket);
            int index = Integer.parseInt(last.substring(bracket + 1, last.length() - 1));
            ArrayNode list = parent.get(name) instanceof ArrayNode array ? array : parent.putArray(name);
            while (list.size() <= index) list.add("filler");
            list.set(index, value);
        }
        return flag.toString();
    }
}
