package casebook.cases.regulatory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The scope and documents of a request as JSON in its row: the records of the events, as they are. */
final class RegulatoryRequestJson {
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();

    private RegulatoryRequestJson() {
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a request's scope or documents cannot be written as JSON", e);
        }
    }

    static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored scope or document list cannot be read", e);
        }
    }
}
