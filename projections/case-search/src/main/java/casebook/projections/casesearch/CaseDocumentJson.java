package casebook.projections.casesearch;

import casebook.cases.api.json.IsoInstants;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/**
 * The JSON form of a {@link CaseDocument}. Documents are written as raw JSON ({@link BinaryData}), so that nothing
 * converts them twice, and read by the Elasticsearch client with {@link #jsonpMapper()}: a hit's {@code _source} is
 * parsed once, straight into the record. Decimals travel as strings: {@code _source} keeps them exact, and
 * Elasticsearch coerces them where the mapping says {@code double}. Instants are ISO-8601 ({@link IsoInstants}).
 */
final class CaseDocumentJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new IsoInstants())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    static {
        JSON.configOverride(BigDecimal.class).setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING));
    }

    private CaseDocumentJson() {
    }

    static BinaryData source(CaseDocument document) {
        try {
            return BinaryData.of(JSON.writeValueAsBytes(document), ContentType.APPLICATION_JSON);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write case " + document.caseId() + " as JSON", e);
        }
    }

    /** The client's mapper for reading case documents (a copy of this mapper: the client may configure its own). */
    static JsonpMapper jsonpMapper() {
        return new JacksonJsonpMapper(JSON.copy());
    }
}
