package casebook.cases.erasure;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * AES-256-GCM for one personal value: a random 96-bit IV per value, a 128-bit tag, and the case id as associated
 * data, so that a value moved into another case's event does not decrypt. Sealed form: base64(IV ‖ ciphertext ‖ tag).
 */
final class PersonalDataCipher {
    static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * One cipher object per thread, initialised again for each value: looking the transformation up in the providers
     * cost more than decrypting a short value (a case of 1,000 events holds thousands of them).
     */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance(TRANSFORMATION);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    });

    private PersonalDataCipher() {
    }

    static SecretKey newKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return new SecretKeySpec(key, "AES");
    }

    static SecretKey key(byte[] stored) {
        if (stored.length != KEY_BYTES) {
            throw new IllegalStateException("a personal-data key has " + KEY_BYTES + " bytes");
        }
        return new SecretKeySpec(stored, "AES");
    }

    static String seal(String plain, SecretKey key, String caseId) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(caseId.getBytes(StandardCharsets.UTF_8));
            byte[] text = plain.getBytes(StandardCharsets.UTF_8);
            ByteBuffer sealed = ByteBuffer.allocate(IV_BYTES + cipher.getOutputSize(text.length)).put(iv);
            cipher.doFinal(ByteBuffer.wrap(text), sealed);
            return Base64.getEncoder().encodeToString(sealed.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The value sealed under {@code key} for {@code caseId}; refuses anything else (altered, moved, truncated). */
    static String open(String sealed, SecretKey key, String caseId) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(sealed);
        } catch (IllegalArgumentException e) {
            throw new PersonalDataRefused("is not base64");
        }
        if (bytes.length < IV_BYTES + TAG_BITS / 8) {
            throw new PersonalDataRefused("is too short");
        }
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            cipher.updateAAD(caseId.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new PersonalDataRefused("does not authenticate under its case's key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** A stored personal value that cannot be what was written: never read as something else, never shown. */
    static final class PersonalDataRefused extends RuntimeException {
        PersonalDataRefused(String why) {
            super("an encrypted personal value " + why);
        }
    }
}
