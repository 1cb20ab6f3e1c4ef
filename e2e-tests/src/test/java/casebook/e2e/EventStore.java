package casebook.e2e;

import casebook.devstack.PostgresServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The service's event store, read with SQL the way an operator checks it: which flags were attached, to which case.
 * Consistent at once (no projection in between), and it covers flags whose case id the test never learnt (Kafka).
 */
public final class EventStore {
    private final PostgresServer postgres;
    private final String database;
    private final ObjectMapper json;

    EventStore(PostgresServer postgres, String database, ObjectMapper json) {
        this.postgres = postgres;
        this.database = database;
        this.json = json;
    }

    /** Every {@code FlagAttached} event whose flag id starts with {@code flagIdPrefix}, in store order. */
    public List<Attached> flagsAttached(String flagIdPrefix) {
        String sql = "select aggregate_identifier, payload from domain_event_entry"
                + " where payload_type like '%FlagAttached' and position(? in convert_from(payload, 'UTF8')) > 0"
                + " order by global_index";
        List<Attached> attached = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(),
                postgres.password());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, flagIdPrefix);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    JsonNode flagId = json.readTree(new String(rows.getBytes(2), StandardCharsets.UTF_8))
                            .path("flag").path("flagId");
                    String id = flagId.isTextual() ? flagId.asText() : flagId.path("value").asText();
                    if (id.startsWith(flagIdPrefix)) {
                        attached.add(new Attached(rows.getString(1), id));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the event store of " + database, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return attached;
    }

    /** A flag attached to a case (the case id is the aggregate's identifier). */
    public record Attached(String caseId, String flagId) {
    }
}
