package casebook.cases.infrastructure.web;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * Request bodies are read stricter than the application's JSON elsewhere (stored events, Kafka records): no schema of
 * the API allows a null list item or map value, and a key given twice in one object is ambiguous, so both are refused
 * as unreadable (400 naming the field) instead of reaching a command, where a null item would fail as a server error.
 * Unknown properties are refused by {@code spring.jackson} already.
 */
@Configuration(proxyBeanMethods = false)
public class RequestJson implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.forEach(converter -> {
            if (converter instanceof MappingJackson2HttpMessageConverter json) {
                json.setObjectMapper(strict(json.getObjectMapper()));
            }
        });
    }

    /** How request JSON is read (REST bodies and the records of Kafka intakes alike): a null list item or map value and a member given twice are refused. */
    public static ObjectMapper strict(ObjectMapper mapper) {
        ObjectMapper strict = mapper.copy();
        strict.setDefaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        strict.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        return strict;
    }
}
