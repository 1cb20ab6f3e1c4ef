package casebook.cases;

import casebook.cases.api.PersonalData;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The {@link PersonalData} values inside an event (records and lists of them), found by reflection. */
public final class PersonalFields {
    private PersonalFields() {
    }

    /** Every personal value inside {@code value}, in order (null ones left out). */
    public static List<String> of(Object value) {
        List<String> found = new ArrayList<>();
        collect(value, false, found);
        return found;
    }

    /** {@code value} as it reads once its case's key is destroyed: every personal value {@link PersonalData#ERASED}. */
    @SuppressWarnings("unchecked")
    public static <T> T erased(T value) {
        return (T) erase(value, false);
    }

    private static void collect(Object value, boolean personal, List<String> found) {
        if (value == null) return;
        if (value instanceof String text) {
            if (personal) found.add(text);
        } else if (value instanceof Collection<?> items) {
            items.forEach(item -> collect(item, personal, found));
        } else if (value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                collect(read(component, value), component.isAnnotationPresent(PersonalData.class), found);
            }
        }
    }

    private static Object erase(Object value, boolean personal) {
        if (value == null) return null;
        if (value instanceof String) return personal ? PersonalData.ERASED : value;
        if (value instanceof List<?> items) return items.stream().map(item -> erase(item, personal)).toList();
        if (!value.getClass().isRecord()) return value;
        RecordComponent[] components = value.getClass().getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            args[i] = erase(read(components[i], value), components[i].isAnnotationPresent(PersonalData.class));
            types[i] = components[i].getType();
        }
        try {
            return value.getClass().getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
