package casebook.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The roles the spec gives each operation ({@code x-casebook-roles}) are the roles the service lets through: for
 * every operation and every role, one request with a real token of that role. A role the spec leaves out gets 403;
 * a role it names gets anything but 403 (the request itself is empty or names an unknown case, so it changes
 * nothing). The role rules live in the spec and in the security configuration; this keeps the two the same.
 */
@EndToEnd
class RolesIT {
    /** One demo principal per role, all of region SEA or every region. */
    private static final Map<String, String> USERS = Map.of("analyst", "ana.sea", "lead", "lee.sea", "legal", "lex",
            "auditor", "audrey", "admin", "root.admin", "support", "sam.sea",
            "privacy", "priya");
    private static final String DETECTOR = "detector-sea";
    /** Would start a real rebuild for the role allowed; only the refusals are checked there. */
    private static final Set<String> SIDE_EFFECTS_WHEN_ALLOWED = Set.of("rebuildCaseSearch");

    private final Casebook casebook;

    RolesIT(Casebook casebook) {
        this.casebook = casebook;
    }

    @Test
    void everyOperationLetsThroughExactlyTheRolesTheSpecNames() throws IOException {
        JsonNode paths = new ObjectMapper(new YAMLFactory())
                .readTree(Path.of(System.getProperty("casebook.e2e.spec")).toFile()).path("paths");
        Map<String, RawRequests> callers = new LinkedHashMap<>();
        USERS.forEach((role, user) -> callers.put(role, casebook.rawAs(user)));
        callers.put("detection", casebook.raw(DETECTOR));
        callers.put("appeals", casebook.raw("appeals-sea"));
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (var path : (Iterable<Map.Entry<String, JsonNode>>) paths::fields) {
            for (var operation : (Iterable<Map.Entry<String, JsonNode>>) path.getValue()::fields) {
                JsonNode roles = operation.getValue().path("x-casebook-roles");
                if (!roles.isArray()) continue; // path-level parameters
                Set<String> allowed = Set.copyOf(StreamSupport.stream(roles.spliterator(), false)
                        .map(JsonNode::asText).toList());
                String method = operation.getKey().toUpperCase();
                String id = operation.getValue().path("operationId").asText();
                String uri = concrete(path.getKey());
                for (var caller : callers.entrySet()) {
                    boolean mayPass = allowed.contains(caller.getKey());
                    if (mayPass && SIDE_EFFECTS_WHEN_ALLOWED.contains(id)) continue;
                    int status = caller.getValue().send(method, uri, method.equals("GET") || method.equals("DELETE")
                            ? null : "{}").status();
                    checked++;
                    if (mayPass == (status == 403)) {
                        mismatches.add(id + " (" + method + " " + uri + ") as " + caller.getKey() + ": " + status
                                + (mayPass ? ", the spec allows it" : ", the spec does not allow it"));
                    }
                }
            }
        }

        assertThat(checked).as("requests sent").isGreaterThan(100);
        assertThat(mismatches).isEmpty();
    }

    /** The path with every parameter filled in: unknown ids, the analyst's region. */
    private static String concrete(String template) {
        return template.replaceAll("\\{region}", "SEA").replaceAll("\\{[A-Za-z]+}", UUID.randomUUID().toString());
    }
}
