package casebook.cases.api.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Stored events and case documents must read and write exactly as with Jackson's own instant handling. */
class IsoInstantsTest {

    private static final ObjectMapper JACKSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final ObjectMapper FAST = JsonMapper.builder().addModule(new JavaTimeModule())
            .addModule(new IsoInstants()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    @Test
    void the_module_replaces_the_java_time_modules_instant_handling() throws Exception {
        assertThat(FAST.getSerializerProviderInstance().findValueSerializer(Instant.class).getClass().getName())
                .startsWith(IsoInstants.class.getName());
        assertThat(FAST.readValue("\"2026-11-20T08:15:00Z\"", Instant.class))
                .isEqualTo(Instant.parse("2026-11-20T08:15:00Z"));
    }

    @Test
    void writes_and_reads_200000_random_instants_of_four_digit_years_as_jackson_does() throws Exception {
        SplittableRandom random = new SplittableRandom(20261201);
        long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            long seconds = i % 2 == 0 ? random.nextLong(min, max + 1)
                    : random.nextLong(1_600_000_000L, 2_000_000_000L); // mostly these in real life
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            String expected = JACKSON.writeValueAsString(instant);
            assertThat(FAST.writeValueAsString(instant)).as("%s", instant).isEqualTo(expected);
            assertThat(FAST.readValue(expected, Instant.class)).isEqualTo(instant);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "1970-01-01T00:00:00Z",
            "1969-12-31T23:59:59.999Z", "2024-02-29T12:00:00.5Z", "2026-11-20T08:15:00.000001Z"})
    void edge_instants_are_written_and_read_as_jackson_does(String text) throws Exception {
        Instant instant = Instant.parse(text);
        assertThat(FAST.writeValueAsString(instant)).isEqualTo(JACKSON.writeValueAsString(instant));
        assertThat(FAST.readValue('"' + text + '"', Instant.class)).isEqualTo(instant);
    }

    @Test
    void instants_beyond_four_digit_years_are_left_to_jackson() throws Exception {
        for (Instant instant : new Instant[]{Instant.MIN, Instant.MAX, Instant.parse("-0001-12-31T23:59:59Z"),
                Instant.parse("+10000-01-01T00:00:00Z")}) {
            String json = JACKSON.writeValueAsString(instant);
            assertThat(FAST.writeValueAsString(instant)).isEqualTo(json);
            assertThat(FAST.readValue(json, Instant.class)).isEqualTo(instant);
        }
    }

    @Test
    void a_mapper_writing_dates_as_numbers_still_writes_numbers() throws Exception {
        Instant instant = Instant.parse("2026-11-20T08:15:00.123Z");
        ObjectMapper numbers = FAST.copy().enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        assertThat(numbers.writeValueAsString(instant))
                .isEqualTo(JACKSON.copy().enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                        .writeValueAsString(instant))
                .isEqualTo("1795162500.123000000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2026-11-20T08:15:00+02:00\"", "\"2026-11-20t08:15:00z\"", "1700000000",
            "1700000000.5", "\"2026-11-20T08:15Z\"", "\"2026-11-20T08:15:00.Z\"", "\"2026-11-20T08:15:00.1234567890Z\"",
            "\"2026-02-30T08:15:00Z\"", "\"2026-11-20T24:00:00Z\"", "\"2026-11-20T08:15:60Z\"", "\"2026-13-01T00:00:00Z\"",
            "\"2026-11-2OT08:15:00Z\"", "\"+2026-11-20T08:15:00Z\"", "\"\"", "\"not an instant\"", "null"})
    void any_other_text_reads_as_jackson_reads_it_or_fails_as_it_does(String json) throws Exception {
        Throwable jacksonFailure = catchThrowable(() -> JACKSON.readValue(json, Instant.class));
        if (jacksonFailure == null) {
            assertThat(FAST.readValue(json, Instant.class)).isEqualTo(JACKSON.readValue(json, Instant.class));
        } else {
            assertThatThrownBy(() -> FAST.readValue(json, Instant.class)).isInstanceOf(jacksonFailure.getClass())
                    .hasMessage(jacksonFailure.getMessage());
        }
    }

    @Test
    void the_fast_reader_refuses_what_it_does_not_fully_understand() {
        assertThat(IsoInstants.parse("2026-11-20T08:15:00Z")).isEqualTo(Instant.parse("2026-11-20T08:15:00Z"));
        assertThat(IsoInstants.parse("2026-11-20T08:15:00.1Z")).isEqualTo(Instant.parse("2026-11-20T08:15:00.1Z"));
        for (String text : new String[]{"2026-11-20T08:15:00", "2026-11-20T08:15:00.Z", "2026-11-20 08:15:00Z",
                "2026-11-20T08:15:00.-1Z", "2026-02-29T00:00:00Z", "2026-11-20T08:15:00.0000000001Z"}) {
            assertThat(IsoInstants.parse(text)).as(text).isNull();
        }
    }
}
