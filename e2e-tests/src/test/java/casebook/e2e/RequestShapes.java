package casebook.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The write operations of {@code casebook-v1.yaml} and valid requests for them, generated from the spec's schemas
 * (types, enums, formats, lengths, patterns, item counts, ranges): what {@code RestWritePropertiesIT} then breaks.
 * A request is valid for the contract, not necessarily for the case (a rule may still refuse it).
 */
final class RequestShapes {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Alphabets tried, in order, for a string with a pattern; the first whose sample matches is used. */
    private static final String[] ALPHABETS = {"abcdefghijklmnopqrstuvwxyz0123456789", "0123456789abcdef",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "123456789", "0123456789"};

    /**
     * One write operation: method, path template, its body schema (or null), its query parameters and the roles the
     * spec lets through ({@code x-casebook-roles}).
     */
    record Operation(String id, String method, String path, JsonNode body, Map<String, JsonNode> query,
                     java.util.Set<String> roles) {
        @Override
        public String toString() {
            return id;
        }
    }

    private final JsonNode spec;

    RequestShapes(Path file) {
        try {
            spec = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RequestShapes ofTheSpec() {
        return new RequestShapes(Path.of(System.getProperty("casebook.e2e.spec")));
    }

    /** Every operation that changes something, except the admin's rebuild (no input; it takes the index away). */
    List<Operation> writes() {
        List<Operation> writes = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase();
                if (!op.getValue().has("operationId") || method.equals("GET")) continue;
                String id = op.getValue().path("operationId").asText();
                if (id.equals("rebuildCaseSearch")) continue;
                JsonNode body = op.getValue().path("requestBody").path("content").path("application/json")
                        .path("schema");
                Map<String, JsonNode> query = new LinkedHashMap<>();
                for (JsonNode parameter : op.getValue().path("parameters")) {
                    JsonNode p = resolve(parameter);
                    if (p.path("in").asText().equals("query")) query.put(p.path("name").asText(), p);
                }
                java.util.Set<String> roles = new java.util.HashSet<>();
                op.getValue().path("x-casebook-roles").forEach(r -> roles.add(r.asText()));
                writes.add(new Operation(id, method, path.getKey(), body.isMissingNode() ? null : body, query,
                        java.util.Set.copyOf(roles)));
            }
        }
        return writes;
    }

    /** A valid body for the schema. */
    JsonNode valid(JsonNode schema, Random random) {
        JsonNode s = resolve(schema);
        if (s.has("allOf")) {
            ObjectNode merged = NODES.objectNode();
            for (JsonNode part : s.path("allOf")) merged.setAll((ObjectNode) valid(part, random));
            return merged;
        }
        if (s.has("enum")) return s.path("enum").get(random.nextInt(s.path("enum").size()));
        String type = s.path("type").asText(s.has("properties") || s.has("additionalProperties") ? "object" : "string");
        return switch (type) {
            case "object" -> object(s, random);
            case "array" -> {
                ArrayNode items = NODES.arrayNode();
                int count = s.path("minItems").asInt(0) + random.nextInt(Math.min(3, s.path("maxItems").asInt(3)) + 1);
                for (int i = 0; i < Math.min(count, s.path("maxItems").asInt(count)); i++) {
                    items.add(valid(s.path("items"), random));
                }
                yield items;
            }
            case "integer" -> NODES.numberNode((long) between(s, random));
            case "number" -> NODES.numberNode(between(s, random));
            case "boolean" -> NODES.booleanNode(random.nextBoolean());
            default -> NODES.textNode(string(s, random));
        };
    }

    private ObjectNode object(JsonNode s, Random random) {
        ObjectNode object = NODES.objectNode();
        List<String> required = new ArrayList<>();
        s.path("required").forEach(r -> required.add(r.asText()));
        for (Iterator<Map.Entry<String, JsonNode>> props = s.path("properties").fields(); props.hasNext(); ) {
            Map.Entry<String, JsonNode> prop = props.next();
            if (required.contains(prop.getKey()) || random.nextBoolean()) {
                object.set(prop.getKey(), valid(prop.getValue(), random));
            }
        }
        JsonNode values = s.path("additionalProperties");
        if (values.isObject()) {
            int count = random.nextInt(Math.min(3, s.path("maxProperties").asInt(3)) + 1);
            for (int i = 0; i < count; i++) object.set("p" + i, valid(values, random));
        }
        return object;
    }

    private static double between(JsonNode s, Random random) {
        double min = s.path("minimum").asDouble(0);
        double max = Math.min(s.path("maximum").asDouble(1000), min + 1000);
        return s.path("type").asText().equals("integer") ? min + random.nextInt((int) (max - min) + 1)
                : min + (max - min) * random.nextDouble();
    }

    String string(JsonNode s, Random random) {
        String format = s.path("format").asText();
        if (format.equals("uuid")) return UUID.randomUUID().toString();
        if (format.equals("date-time")) return Instant.now().minusSeconds(random.nextInt(86_400)).toString();
        int min = Math.max(1, s.path("minLength").asInt(1));
        int max = Math.min(s.path("maxLength").asInt(40), Math.max(min, 40));
        Pattern pattern = s.has("pattern") ? Pattern.compile(s.path("pattern").asText()) : null;
        for (int attempt = 0; attempt < 200; attempt++) {
            String alphabet = ALPHABETS[attempt % ALPHABETS.length];
            int length = min + random.nextInt(max - min + 1);
            StringBuilder value = new StringBuilder();
            for (int i = 0; i < length; i++) value.append(alphabet.charAt(random.nextInt(alphabet.length())));
            if (pattern == null || pattern.matcher(value).find()) return value.toString();
        }
        throw new IllegalStateException("no generator for the pattern " + s.path("pattern").asText()
                + ": teach RequestShapes an alphabet for it");
    }

    /** The schema or parameter behind a {@code $ref}, or the node itself. */
    JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            String[] parts = current.path("$ref").asText().substring(2).split("/");
            JsonNode target = spec;
            for (String part : parts) target = target.path(part);
            current = target;
        }
        return current;
    }
}
