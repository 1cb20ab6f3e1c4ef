package casebook.cases.erasure;

import casebook.cases.api.CaseId;
import casebook.cases.api.CaseOpened;
import casebook.cases.api.PersonalData;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.ser.ResolvableSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import org.axonframework.serialization.Revision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.util.Collection;

/**
 * Crypto-shredding in the event JSON (docs/adr/0018). Every {@link PersonalData} string (or element of a list of
 * strings) of a stored event is written as {@code {"enc": "<AES-GCM>", "k": "<case id>"}} under the case's data key,
 * and read back through the key named by {@code k}: the plain value while the key exists, {@link PersonalData#ERASED}
 * once it is destroyed. A plain string where ciphertext is now expected (events stored before, snapshots) reads as
 * itself. Ciphertext that does not authenticate is refused, never shown.
 * <p>
 * A personal field does not know its case: each event (a {@link Revision}ed record with a {@code caseId}) puts its
 * case into the serializer's per-call attributes for the fields nested in it. Outside an event (snapshots, deadline
 * payloads, any other message) personal fields are written as they are. Writing a {@link CaseOpened} creates the
 * case's key. Deliberately not a Spring bean of type {@code Module}: Spring Boot would add it to the web's mapper.
 */
public final class PersonalDataModule extends SimpleModule {
    private static final Logger log = LoggerFactory.getLogger(PersonalDataModule.class);
    private static final Object SCOPE = CaseScope.class;
    private static final String SEALED = "enc";
    private static final String KEY = "k";
    private static final ClassValue<MethodHandle> CASE_ID = new ClassValue<>() {
        @Override
        protected MethodHandle computeValue(Class<?> type) {
            if (!type.isRecord() || !type.isAnnotationPresent(Revision.class)) return null;
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.getName().equals("caseId") && component.getType() == CaseId.class) {
                    try {
                        return MethodHandles.publicLookup().unreflect(component.getAccessor());
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            return null;
        }
    };

    private final transient CaseKeys keys;

    public PersonalDataModule(CaseKeys keys) {
        super("casebook-personal-data");
        this.keys = keys;
        setSerializerModifier(new BeanSerializerModifier() {
            @Override
            public JsonSerializer<?> modifySerializer(SerializationConfig config, BeanDescription bean,
                                                      JsonSerializer<?> serializer) {
                MethodHandle caseId = CASE_ID.get(bean.getBeanClass());
                return caseId == null ? serializer : new EventSerializer(serializer, caseId, keys);
            }
        });
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.insertAnnotationIntrospector(new Introspector(new PersonalTextWriter(), new PersonalTextReader(keys)));
    }

    /** The case of the event being written, its key looked up once (and only if a personal field needs it). */
    private static final class CaseScope {
        final CaseId caseId;
        final String caseText;
        private final CaseKeys keys;
        private CaseKey key;
        private boolean warned;

        CaseScope(CaseId caseId, CaseKeys keys, CaseKey key) {
            this.caseId = caseId;
            this.caseText = caseId.toString();
            this.keys = keys;
            this.key = key;
        }

        CaseKey key() {
            if (key == null) key = keys.find(caseId);
            return key;
        }
    }

    /** Wraps the serializer of each event: its case for the personal fields inside; a new key for a new case. */
    private static final class EventSerializer extends JsonSerializer<Object>
            implements ContextualSerializer, ResolvableSerializer {
        private final JsonSerializer<Object> delegate;
        private final MethodHandle caseId;
        private final CaseKeys keys;

        @SuppressWarnings("unchecked")
        EventSerializer(JsonSerializer<?> delegate, MethodHandle caseId, CaseKeys keys) {
            this.delegate = (JsonSerializer<Object>) delegate;
            this.caseId = caseId;
            this.keys = keys;
        }

        @Override
        public void serialize(Object event, JsonGenerator gen, SerializerProvider provider) throws IOException {
            Object outer = provider.getAttribute(SCOPE);
            provider.setAttribute(SCOPE, scope(event));
            try {
                delegate.serialize(event, gen, provider);
            } finally {
                provider.setAttribute(SCOPE, outer);
            }
        }

        @Override
        public void serializeWithType(Object event, JsonGenerator gen, SerializerProvider provider,
                                      TypeSerializer typeSer) throws IOException {
            Object outer = provider.getAttribute(SCOPE);
            provider.setAttribute(SCOPE, scope(event));
            try {
                delegate.serializeWithType(event, gen, provider, typeSer);
            } finally {
                provider.setAttribute(SCOPE, outer);
            }
        }

        private CaseScope scope(Object event) {
            CaseId id;
            try {
                id = (CaseId) caseId.invoke(event);
            } catch (Throwable e) {
                throw new IllegalStateException("cannot read the case id of " + event.getClass().getSimpleName(), e);
            }
            if (id == null) return null;
            if (event instanceof CaseOpened opened) {
                return new CaseScope(id, keys, keys.open(id, opened.subject(), opened.region()));
            }
            return new CaseScope(id, keys, null);
        }

        @Override
        public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property)
                throws JsonMappingException {
            if (delegate instanceof ContextualSerializer contextual) {
                JsonSerializer<?> resolved = contextual.createContextual(provider, property);
                return resolved == delegate ? this : new EventSerializer(resolved, caseId, keys);
            }
            return this;
        }

        @Override
        public void resolve(SerializerProvider provider) throws JsonMappingException {
            if (delegate instanceof ResolvableSerializer resolvable) resolvable.resolve(provider);
        }

        @Override
        public Class<Object> handledType() {
            return delegate.handledType();
        }

        @Override
        public boolean isEmpty(SerializerProvider provider, Object value) {
            return delegate.isEmpty(provider, value);
        }
    }

    private static final class PersonalTextWriter extends StdSerializer<String> {
        PersonalTextWriter() {
            super(String.class);
        }

        @Override
        public void serialize(String value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            CaseScope scope = (CaseScope) provider.getAttribute(SCOPE);
            if (scope == null) {
                gen.writeString(value);
                return;
            }
            CaseKey key = scope.key();
            if (key.present()) {
                gen.writeStartObject();
                gen.writeStringField(SEALED, PersonalDataCipher.seal(value, key.secret(), scope.caseText));
                gen.writeStringField(KEY, scope.caseText);
                gen.writeEndObject();
            } else if (key.erased()) {
                gen.writeString(PersonalData.ERASED);
            } else {
                if (!scope.warned) log.warn("Case {} has no personal-data key (stored before keys existed?): its personal fields are "
                        + "written in clear", scope.caseText);
                scope.warned = true;
                gen.writeString(value);
            }
        }
    }

    private static final class PersonalTextReader extends StdDeserializer<String> {
        private final transient CaseKeys keys;

        PersonalTextReader(CaseKeys keys) {
            super(String.class);
            this.keys = keys;
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken token = p.currentToken();
            if (token == JsonToken.VALUE_STRING) return p.getText();
            if (token != JsonToken.START_OBJECT) return (String) ctxt.handleUnexpectedToken(String.class, p);
            String sealed = null;
            String caseText = null;
            for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
                p.nextToken();
                switch (field) {
                    case SEALED -> sealed = p.getValueAsString();
                    case KEY -> caseText = p.getValueAsString();
                    default -> p.skipChildren();
                }
            }
            if (sealed == null || caseText == null) {
                throw JsonMappingException.from(p, "an encrypted personal value needs '" + SEALED + "' and '" + KEY + "'");
            }
            CaseId caseId;
            try {
                caseId = CaseId.of(caseText);
            } catch (IllegalArgumentException e) {
                throw JsonMappingException.from(p, "an encrypted personal value names no case");
            }
            CaseKey key = keys.find(caseId);
            if (!key.present()) return PersonalData.ERASED;
            try {
                return PersonalDataCipher.open(sealed, key.secret(), caseText);
            } catch (PersonalDataCipher.PersonalDataRefused refused) {
                throw JsonMappingException.from(p, refused.getMessage() + " (case " + caseText + ")", refused);
            }
        }
    }

    /** Finds {@link PersonalData} on record components (their accessors, fields and constructor parameters). */
    private static final class Introspector extends NopAnnotationIntrospector {
        private final transient PersonalTextWriter writer;
        private final transient PersonalTextReader reader;

        Introspector(PersonalTextWriter writer, PersonalTextReader reader) {
            this.writer = writer;
            this.reader = reader;
        }

        @Override
        public Object findSerializer(Annotated a) {
            return personal(a) && a.getRawType() == String.class ? writer : null;
        }

        @Override
        public Object findContentSerializer(Annotated a) {
            return personal(a) && Collection.class.isAssignableFrom(a.getRawType()) ? writer : null;
        }

        @Override
        public Object findDeserializer(Annotated a) {
            return personal(a) && a.getRawType() == String.class ? reader : null;
        }

        @Override
        public Object findContentDeserializer(Annotated a) {
            return personal(a) && Collection.class.isAssignableFrom(a.getRawType()) ? reader : null;
        }

        private static boolean personal(Annotated a) {
            return a.hasAnnotation(PersonalData.class);
        }
    }
}
