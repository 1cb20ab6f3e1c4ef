package casebook.cases.infrastructure.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Field-by-field reasons why input was refused, the same for REST bodies and Kafka records. */
public final class FieldErrors {
    private FieldErrors() {
    }

    public record FieldError(String field, String message) {
    }

    /** Jackson could not map the input: names the field (e.g. {@code source.kind}) and why. */
    public static FieldError of(JsonMappingException e) {
        String field = path(e);
        if (e instanceof UnrecognizedPropertyException unknown) {
            return new FieldError(field, "unknown field '" + unknown.getPropertyName() + "' is not allowed");
        }
        if (e instanceof InvalidFormatException invalid) {
            return new FieldError(field, "'" + abbreviate(String.valueOf(invalid.getValue())) + "' is not a valid "
                    + invalid.getTargetType().getSimpleName());
        }
        return new FieldError(field, "cannot be read: " + e.getOriginalMessage());
    }

    public static List<FieldError> of(Set<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) path.append('.');
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "(body)" : path.toString();
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }
}
