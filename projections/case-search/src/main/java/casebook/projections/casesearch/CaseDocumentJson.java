package casebook.projections.casesearch;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The JSON form of a {@link CaseDocument}, exchanged with the Elasticsearch client as plain maps so that the
 * application's {@code JsonpMapper} settings cannot change it. Decimals travel as strings: {@code _source} keeps
 * them exact, and Elasticsearch coerces them where the mapping says {@code double}. Instants are ISO-8601.
 */
final class CaseDocumentJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    static {
        JSON.configOverride(BigDecimal.class).setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING));
    }

    private CaseDocumentJson() {
    }

    static Map<String, Object> source(CaseDocument document) {
        return JSON.convertValue(document, new TypeReference<>() { });
    }

    static CaseDocument document(Map<?, ?> source) {
        return JSON.convertValue(source, CaseDocument.class);
    }
}
