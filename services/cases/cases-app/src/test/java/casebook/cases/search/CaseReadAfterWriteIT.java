package casebook.cases.search;

import casebook.cases.Actors;
import casebook.cases.ApiCalls;
import casebook.cases.ApiCalls.Answer;
import casebook.cases.CasesAppTest;
import casebook.cases.api.RegionScope;
import casebook.cases.audit.CaseReads;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Over REST with real Keycloak tokens (docs/adr/0025): a read with the version a write answered is that version,
 * never the state before, however far the search projection is behind; a version the case never reached is a 409,
 * not a wait; the region and role walls stand as for any read; {@code If-None-Match} with the version held answers
 * 304 while nothing changed, never an older version, and the new version once someone else's write is in the read
 * model.
 */
@CasesAppTest
class CaseReadAfterWriteIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAIRS = 40;

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;
    @Autowired
    CaseReads reads;

    private ApiCalls calls;

    @Test
    void aReadWithTheVersionAWriteAnsweredIsThatVersionEveryTime() throws Exception {
        UUID caseId = newSeaCase();
        int behind = 0;
        for (int i = 0; i < PAIRS; i++) {
            String text = "note " + i + " " + UUID.randomUUID();
            Answer written = send("ana.sea", "POST", notes(caseId), JSON.createObjectNode().put("text", text), Map.of());
            assertThat(written.status()).as(written.body().toString()).isEqualTo(201);
            long version = written.body().get("version").asLong();
            assertThat(written.eTag()).isEqualTo("\"" + version + "\"");

            Answer read = send("ana.sea", "GET", path(caseId) + "?minVersion=" + version, null, Map.of());

            assertThat(read.status()).as(read.body().toString()).isEqualTo(200);
            assertThat(read.body().get("version").asLong()).as("pair %d", i).isEqualTo(version);
            assertThat(read.eTag()).isEqualTo("\"" + version + "\"");
            assertThat(read.body().get("notes").findValuesAsText("text")).contains(text);
            // for the record only: how often a read without minVersion would have shown the state before
            Answer plain = send("ana.sea", "GET", path(caseId), null, Map.of());
            // (not found at all: search has not seen the case yet)
            if (plain.status() != 200 || plain.body().get("version").asLong() < version) behind++;
        }
        System.out.printf("reads without minVersion right after a write that were behind: %d of %d%n", behind, PAIRS);
    }

    @Test
    void aVersionTheCaseNeverReachedIsAConflictNamingTheCurrentVersionNotAWait() throws Exception {
        UUID caseId = newSeaCase();
        long version = send("ana.sea", "POST", notes(caseId), JSON.createObjectNode().put("text", "one"), Map.of())
                .body().get("version").asLong();

        for (long ahead : new long[]{version + 1, version + 1_000, Long.MAX_VALUE}) {
            Answer read = send("ana.sea", "GET", path(caseId) + "?minVersion=" + ahead, null, Map.of());

            assertThat(read.status()).as(read.body().toString()).isEqualTo(409);
            assertThat(read.body().get("code").asText()).isEqualTo("version-not-reached");
            assertThat(read.body().get("currentVersion").asLong()).isEqualTo(version);
        }
        // nothing changed: the case is where it was
        assertThat(send("ana.sea", "GET", path(caseId) + "?minVersion=" + version, null, Map.of()).body()
                .get("version").asLong()).isEqualTo(version);
    }

    @Test
    void foreignAndUnknownCasesAreNotFoundWhateverVersionIsAskedForAndTheRolesStand() throws Exception {
        UUID caseId = newSeaCase();
        for (String query : new String[]{"", "?minVersion=0", "?minVersion=1", "?minVersion=999999"}) {
            for (Map<String, String> headers : List.of(Map.<String, String>of(),
                    Map.of("If-None-Match", "\"0\""), Map.of("If-None-Match", "\"999999\""))) {
                Answer foreign = send("ana.us", "GET", path(caseId) + query, null, headers);
                Answer unknown = send("ana.sea", "GET", path(UUID.randomUUID()) + query, null, headers);
                Answer support = send("sam.sea", "GET", path(caseId) + query, null, headers);

                assertThat(foreign.status()).as("foreign %s %s", query, headers).isEqualTo(404);
                for (String field : new String[]{"code", "title", "detail"}) {
                    assertThat(foreign.body().get(field)).as(field).isEqualTo(unknown.body().get(field));
                }
                assertThat(unknown.status()).as("unknown %s %s", query, headers).isEqualTo(404);
                assertThat(support.status()).as("support %s %s", query, headers).isEqualTo(403);
            }
        }
    }

    @Test
    void aPollWithTheVersionHeldIsNotModifiedUntilSomeoneElseWritesThenTheNewVersion() throws Exception {
        UUID caseId = newSeaCase();
        long mine = send("ana.sea", "POST", notes(caseId), JSON.createObjectNode().put("text", "mine"), Map.of())
                .body().get("version").asLong();
        String held = "\"" + mine + "\"";

        Answer unchanged = send("ana.sea", "GET", path(caseId), null, Map.of("If-None-Match", held));
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.raw().body()).isEmpty();
        assertThat(unchanged.eTag()).isEqualTo(held);

        long theirs = send("nina.sea", "POST", notes(caseId), JSON.createObjectNode().put("text", "theirs"), Map.of())
                .body().get("version").asLong();
        // someone else's change shows once the read model has it (under a second); until then, still the one held
        List<Answer> polls = new ArrayList<>();
        await().atMost(CasesAppTest.PATIENCE).until(() -> {
            polls.add(send("ana.sea", "GET", path(caseId), null, Map.of("If-None-Match", held)));
            return polls.get(polls.size() - 1).status() != 304;
        });
        assertThat(polls.subList(0, polls.size() - 1)).allSatisfy(poll -> assertThat(poll.eTag()).isEqualTo(held));
        Answer changed = polls.get(polls.size() - 1);

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.eTag()).isEqualTo("\"" + theirs + "\"");
        assertThat(changed.body().get("version").asLong()).isEqualTo(theirs).isGreaterThan(mine);
        assertThat(changed.body().get("notes").findValuesAsText("text")).contains("mine", "theirs");
        // and with the new version held, not modified again
        assertThat(send("ana.sea", "GET", path(caseId), null, Map.of("If-None-Match", changed.eTag())).status())
                .isEqualTo(304);
    }

    @Test
    void anAuditorsPollThatConfirmsTheVersionHeldIsNotRecordedAsAnotherRead() throws Exception {
        UUID caseId = newSeaCase();
        // the case exists (version 0 at least) even before the read model has it
        Answer first = send("aude.sea", "GET", path(caseId) + "?minVersion=0", null, Map.of());
        assertThat(first.status()).isEqualTo(200);

        for (int i = 0; i < 3; i++) {
            assertThat(send("aude.sea", "GET", path(caseId), null, Map.of("If-None-Match", first.eTag())).status())
                    .isEqualTo(304);
        }

        assertThat(reads.find(RegionScope.ALL, caseId, "aude.sea", 0, 10))
                .extracting(CaseReads.Read::operation).containsExactly("getCase");
    }

    private UUID newSeaCase() {
        return Actors.raise(commands, Actors.newSellerFlag("0.6")).caseId().value();
    }

    private Answer send(String user, String method, String path, JsonNode body, Map<String, String> headers)
            throws Exception {
        if (calls == null) calls = new ApiCalls(port);
        return calls.send(user, method, path, body, headers);
    }

    private static String path(UUID caseId) {
        return "/api/v1/cases/" + caseId;
    }

    private static String notes(UUID caseId) {
        return path(caseId) + "/notes";
    }
}
