package casebook.devstack;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for cases-app.jar in {@link CasebookServiceTest}: JDK only (it runs as {@code java -jar} without
 * dependencies), checks that each flag comes with its region's detector token, and records what it received.
 */
public final class StubCasebookApp {

    private static final Pattern CASE_PATH = Pattern.compile("/api/v1/cases/([0-9a-f-]{36})/(assignee|notes)");
    private static final Map<String, String> cases = new ConcurrentHashMap<>();
    private static final List<String> received = new CopyOnWriteArrayList<>();

    public static void main(String[] args) throws IOException {
        Map<String, String> properties = List.of(args).stream().filter(arg -> arg.startsWith("--"))
                .map(arg -> arg.substring(2).split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair.length > 1 ? pair[1] : ""));
        if (properties.containsKey("stub.fail")) {
            System.out.println("stub: failing on purpose");
            System.exit(3);
        }
        for (String required : List.of("spring.datasource.url", "spring.kafka.bootstrap-servers",
                "spring.elasticsearch.uris", "spring.security.oauth2.resourceserver.jwt.issuer-uri")) {
            if (!properties.containsKey(required)) {
                System.out.println("stub: missing --" + required);
                System.exit(4);
            }
        }
        HttpServer server = HttpServer.create(
                new InetSocketAddress("127.0.0.1", Integer.parseInt(properties.get("server.port"))), 0);
        server.createContext("/actuator/health", exchange -> answer(exchange, 200, "{\"status\":\"UP\"}"));
        server.createContext("/received", exchange -> answer(exchange, 200, String.join("\n", received)));
        server.createContext("/api/v1/flags", StubCasebookApp::raiseFlag);
        server.createContext("/api/v1/cases/", StubCasebookApp::changeCase);
        server.start();
        System.out.println("stub: listening on " + properties.get("server.port"));
    }

    private static void raiseFlag(HttpExchange exchange) throws IOException {
        String flag = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String region = field(flag, "region");
        String caller = claims(exchange);
        if (!caller.contains("\"azp\":\"detector-" + region.toLowerCase() + "\"")) {
            answer(exchange, 403, "{\"title\":\"not this region's detector\"}");
            return;
        }
        String subject = field(flag, "kind") + "/" + flag.replaceAll(".*\"subject\": *\\{[^}]*\"id\": *\"([^\"]+)\".*", "$1");
        String caseId = UUID.nameUUIDFromBytes((subject + "/" + field(flag, "category"))
                .getBytes(StandardCharsets.UTF_8)).toString();
        cases.put(caseId, region);
        received.add("flag " + field(flag, "flagId") + " " + region);
        answer(exchange, 202, "{\"flagId\":\"" + field(flag, "flagId") + "\",\"caseId\":\"" + caseId + "\"}");
    }

    private static void changeCase(HttpExchange exchange) throws IOException {
        Matcher path = CASE_PATH.matcher(exchange.getRequestURI().getPath());
        if (!path.matches() || !cases.containsKey(path.group(1))) {
            answer(exchange, 404, "{\"title\":\"no such case\"}");
            return;
        }
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String user = field(claims(exchange), "preferred_username");
        if (path.group(2).equals("assignee") && exchange.getRequestMethod().equals("PUT")) {
            received.add("assign " + path.group(1) + " " + field(body, "assignee") + " by " + user);
            answer(exchange, 200, "{}");
        } else if (path.group(2).equals("notes") && exchange.getRequestMethod().equals("POST")) {
            received.add("note " + path.group(1) + " by " + user);
            answer(exchange, 201, "{}");
        } else {
            answer(exchange, 405, "{}");
        }
    }

    private static String claims(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return "";
        }
        String payload = authorization.substring(7).split("\\.")[1];
        return new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
    }

    private static String field(String json, String name) {
        Matcher value = Pattern.compile("\"" + name + "\": *\"([^\"]*)\"").matcher(json);
        return value.find() ? value.group(1) : "";
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
