package casebook.e2e;

import casebook.client.api.CasebookApi;
import casebook.client.model.Case;
import casebook.client.model.NewNote;
import casebook.client.model.CaseNote;
import casebook.client.model.NoteAdded;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static casebook.e2e.Problems.refused;
import static casebook.e2e.Search.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the console's case page relies on, through the generated client with real Keycloak tokens (docs/adr/0025):
 * a read with the version a write answered shows that write at once; a poll with the version held is 304 until
 * someone else changes the case, then the new version; the walls stand for both.
 */
@EndToEnd
class ReadYourWriteIT {
    private final Casebook casebook;
    private final CasebookApi anaSea;

    ReadYourWriteIT(Casebook casebook) {
        this.casebook = casebook;
        this.anaSea = casebook.as("ana.sea");
    }

    @Test
    void aPersonSeesTheirOwnChangeAtOnceAndSomeoneElsesOnTheNextPolls() throws Exception {
        UUID caseId = casebook.detector("detector-sea").raiseFlag(Flags.brushing("SEA"), null).getCaseId();

        long version = -1;
        for (int i = 0; i < 10; i++) {
            String text = "checked the parcel lockers, round " + i;
            NoteAdded added = anaSea.addNote(caseId, new NewNote().text(text), null, null);
            version = added.getVersion();

            Case seen = anaSea.getCase(caseId, version, null);

            assertThat(seen.getVersion()).as("round %d", i).isEqualTo(version);
            assertThat(seen.getNotes()).extracting(CaseNote::getText).contains(text);
        }
        String held = "\"" + version + "\"";

        Problems unchanged = refused(() -> anaSea.getCaseWithHttpInfo(caseId, null, held));
        assertThat(unchanged.status()).isEqualTo(304);

        long theirs = casebook.as("nina.sea").addNote(caseId, new NewNote().text("same locker as last week"), null, null)
                .getVersion();
        var changed = eventually().until(() -> anaSea.getCaseWithHttpInfo(caseId, null, held), r -> true);

        assertThat(changed.getStatusCode()).isEqualTo(200);
        assertThat(changed.getHeaders().entrySet()).filteredOn(h -> h.getKey().equalsIgnoreCase("ETag"))
                .flatExtracting(h -> h.getValue()).containsExactly("\"" + theirs + "\"");
        assertThat(changed.getData().getVersion()).isEqualTo(theirs);

        Problems ahead = refused(() -> anaSea.getCase(caseId, theirs + 100, null));
        assertThat(ahead.status()).isEqualTo(409);
        assertThat(ahead.problem().getCode()).isEqualTo("version-not-reached");
        assertThat(ahead.problem().getCurrentVersion()).isEqualTo(theirs);

        CasebookApi anaUs = casebook.as("ana.us");
        assertThat(refused(() -> anaUs.getCase(caseId, theirs, null)).status()).isEqualTo(404);
        assertThat(refused(() -> anaUs.getCase(caseId, null, "\"" + theirs + "\"")).status()).isEqualTo(404);
        assertThat(refused(() -> anaSea.getCase(UUID.randomUUID(), 1L, null)).status()).isEqualTo(404);
    }
}
