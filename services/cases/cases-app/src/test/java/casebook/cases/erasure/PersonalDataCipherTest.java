package casebook.cases.erasure;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** AES-256-GCM per personal value: what goes in comes out under its key and case, and nothing else is accepted. */
class PersonalDataCipherTest {
    final SecretKey key = PersonalDataCipher.newKey();
    final String caseId = UUID.randomUUID().toString();

    @Property
    void anyTextReadsBackUnchanged(@ForAll("texts") String text) {
        String sealed = PersonalDataCipher.seal(text, key, caseId);

        assertThat(PersonalDataCipher.open(sealed, key, caseId)).isEqualTo(text);
    }

    @Property
    void theSealedFormShowsNothingOfTheText(@ForAll("texts") String text) {
        String sealed = PersonalDataCipher.seal(text, key, caseId);

        assertThat(sealed).isNotEqualTo(PersonalDataCipher.seal(text, key, caseId)); // a fresh IV each time
        if (text.length() >= 4) assertThat(sealed).doesNotContain(text);
    }

    /** Any single bit flipped anywhere (IV, ciphertext, tag) is refused, never read as some other text. */
    @Property
    void aFlippedBitIsRefused(@ForAll("texts") String text, @ForAll @IntRange(min = 0, max = 10_000) int position,
                              @ForAll @IntRange(min = 0, max = 7) int bit) {
        byte[] bytes = Base64.getDecoder().decode(PersonalDataCipher.seal(text, key, caseId));
        bytes[position % bytes.length] ^= (byte) (1 << bit);
        String tampered = Base64.getEncoder().encodeToString(bytes);

        assertThatThrownBy(() -> PersonalDataCipher.open(tampered, key, caseId))
                .isInstanceOf(PersonalDataCipher.PersonalDataRefused.class);
    }

    @Property(tries = 100)
    void aTruncatedValueIsRefused(@ForAll("texts") String text, @ForAll @IntRange(min = 1, max = 200) int cut) {
        byte[] bytes = Base64.getDecoder().decode(PersonalDataCipher.seal(text, key, caseId));
        byte[] shorter = java.util.Arrays.copyOf(bytes, Math.max(0, bytes.length - cut));

        assertThatThrownBy(() -> PersonalDataCipher.open(Base64.getEncoder().encodeToString(shorter), key, caseId))
                .isInstanceOf(PersonalDataCipher.PersonalDataRefused.class);
    }

    @Example
    void aValueMovedToAnotherCaseIsRefused() {
        String sealed = PersonalDataCipher.seal("shop-118822", key, caseId);

        assertThatThrownBy(() -> PersonalDataCipher.open(sealed, key, UUID.randomUUID().toString()))
                .isInstanceOf(PersonalDataCipher.PersonalDataRefused.class);
    }

    @Example
    void anotherCasesKeyDoesNotOpenIt() {
        String sealed = PersonalDataCipher.seal("shop-118822", key, caseId);

        assertThatThrownBy(() -> PersonalDataCipher.open(sealed, PersonalDataCipher.newKey(), caseId))
                .isInstanceOf(PersonalDataCipher.PersonalDataRefused.class);
    }

    @Example
    void textThatIsNotBase64IsRefused() {
        assertThatThrownBy(() -> PersonalDataCipher.open("shop-118822!", key, caseId))
                .isInstanceOf(PersonalDataCipher.PersonalDataRefused.class).hasMessageContaining("base64");
    }

    @Example
    void keysAreTwoHundredFiftySixBitsAndNeverPrinted() {
        assertThat(key.getEncoded()).hasSize(32);
        assertThat(CaseKey.of(key).toString()).isEqualTo("CaseKey[present]");
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(300),
                // any code point; a lone surrogate is not text (UTF-8 cannot carry it, nor could the JSON before)
                Arbitraries.strings().all().ofMaxLength(50)
                        .filter(s -> s.equals(new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))),
                Arbitraries.of("", " ", "[erased]", "{\"enc\":\"x\",\"k\":\"y\"}", "\u0000", "ü€𝄞"));
    }
}
