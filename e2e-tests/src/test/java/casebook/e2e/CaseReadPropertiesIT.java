package casebook.e2e;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariant 13 for the case read's version parameters (docs/adr/0025): a {@code minVersion} that is not a whole
 * number from 0 to 2^63-1, or an {@code If-None-Match} that is not one quoted version, is refused with 400 and a field
 * error naming the parameter; nothing changes (the case keeps its version). Tries are few: each is a few requests to
 * the running platform.
 */
class CaseReadPropertiesIT {
    private static Casebook casebook;
    private static RawRequests anaSea;
    private static UUID caseId;

    /** One way to break one parameter, and the field error that names it. */
    enum Breakage {
        MIN_VERSION_NEGATIVE("minVersion"), MIN_VERSION_NOT_A_NUMBER("minVersion"), MIN_VERSION_FRACTION("minVersion"),
        MIN_VERSION_TOO_LARGE("minVersion"),
        IF_NONE_MATCH_UNQUOTED("ifNoneMatch"), IF_NONE_MATCH_NOT_DIGITS("ifNoneMatch"), IF_NONE_MATCH_WEAK("ifNoneMatch"),
        IF_NONE_MATCH_TOO_LONG("ifNoneMatch"), IF_NONE_MATCH_ANY("ifNoneMatch"), IF_NONE_MATCH_LIST("ifNoneMatch");

        final String field;

        Breakage(String field) {
            this.field = field;
        }
    }

    @BeforeContainer
    static void platform() throws Exception {
        casebook = Casebook.shared();
        anaSea = casebook.rawAs("ana.sea");
        caseId = casebook.detector("detector-sea").raiseFlag(Flags.brushing("SEA"), "props").getCaseId();
    }

    @Property(tries = 25)
    void aBrokenVersionParameterIsRefusedNamingItAndChangesNothing(@ForAll("breakages") Breakage breakage,
                                                                   @ForAll("numbers") long n,
                                                                   @ForAll("words") String word) {
        check(breakage, n, word);
    }

    @Provide
    Arbitrary<Breakage> breakages() {
        return Arbitraries.of(Breakage.class);
    }

    @Provide
    Arbitrary<Long> numbers() {
        return Arbitraries.longs().between(1, Long.MAX_VALUE);
    }

    /** Letters and punctuation: never a number, not even one Spring would decode (+5, 0x1F, #1F). */
    @Provide
    Arbitrary<String> words() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars("!$%&'()*,:;<=>?@[]^_{|}~")
                .ofMinLength(1).ofMaxLength(30);
    }

    @Example
    void everyBreakageOnce() {
        for (Breakage breakage : Breakage.values()) check(breakage, 7, "x");
    }

    private static void check(Breakage breakage, long n, String word) {
        long before = version();
        String query = "";
        Map<String, String> headers = Map.of();
        switch (breakage) {
            case MIN_VERSION_NEGATIVE -> query = "?minVersion=-" + n;
            case MIN_VERSION_NOT_A_NUMBER -> query = "?minVersion=" + URLEncoder.encode(word, StandardCharsets.UTF_8);
            case MIN_VERSION_FRACTION -> query = "?minVersion=" + n + ".5";
            case MIN_VERSION_TOO_LARGE -> query = "?minVersion="
                    + BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.valueOf(n));
            case IF_NONE_MATCH_UNQUOTED -> headers = Map.of("If-None-Match", Long.toString(n));
            case IF_NONE_MATCH_NOT_DIGITS -> headers = Map.of("If-None-Match", "\"" + word.replace("\"", "") + "x\"");
            case IF_NONE_MATCH_WEAK -> headers = Map.of("If-None-Match", "W/\"" + n + "\"");
            case IF_NONE_MATCH_TOO_LONG -> headers = Map.of("If-None-Match", "\"" + n + "0".repeat(20) + "\"");
            case IF_NONE_MATCH_ANY -> headers = Map.of("If-None-Match", "*");
            case IF_NONE_MATCH_LIST -> headers = Map.of("If-None-Match", "\"" + n + "\", \"" + (n - 1) + "\"");
        }

        RawRequests.Answer answer = anaSea.send("GET", "/api/v1/cases/" + caseId + query, null, headers);
        String what = breakage + " " + query + " " + headers + " -> " + answer.status() + " " + answer.body();

        assertThat(answer.status()).as(what).isEqualTo(400);
        assertThat(answer.problem().getCode()).as(what).isEqualTo("invalid-request");
        assertThat(answer.problem().getErrors()).as(what).isNotEmpty()
                .anySatisfy(error -> assertThat(error.getField()).isEqualTo(breakage.field));
        assertThat(version()).as("unchanged: " + what).isEqualTo(before);
    }

    /** The case's version in the event store. */
    private static long version() {
        try {
            return casebook.as("ana.sea").getCaseHistory(caseId, null, null).getEvents().size() - 1;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
