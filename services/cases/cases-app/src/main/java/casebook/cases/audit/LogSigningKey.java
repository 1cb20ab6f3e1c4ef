package casebook.cases.audit;

import casebook.audit.tlog.NoteKeys;
import casebook.audit.tlog.NoteSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * The log's Ed25519 signing key, read from a file outside the database, in the form Go's {@code note} package writes
 * ({@code PRIVATE+KEY+<name>+<key id>+<base64(0x01 || seed)>}), so operators can make keys with the tools witnesses
 * already use. The key is never logged; its public verifier key is, and is served to auditors.
 */
final class LogSigningKey {
    private static final Logger log = LoggerFactory.getLogger(LogSigningKey.class);
    private static final String PREFIX = "PRIVATE+KEY+";

    private LogSigningKey() {
    }

    static NoteSigner load(AuditLogProperties properties) {
        Path file = properties.signingKeyFile();
        try {
            if (!Files.exists(file)) {
                if (!properties.generateKeyIfMissing()) {
                    throw new IllegalStateException("the audit log's signing key file " + file + " does not exist "
                            + "(casebook.audit.signing-key-file; docs/adr/0023)");
                }
                create(file, properties.origin());
            }
            NoteSigner signer = read(Files.readString(file, StandardCharsets.US_ASCII).strip(), properties.origin());
            log.info("audit log {} signs checkpoints; verifier key {}", properties.origin(), signer.verifierKey());
            return signer;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit log's signing key file " + file, e);
        }
    }

    static NoteSigner read(String text, String origin) {
        if (!text.startsWith(PREFIX)) {
            throw new IllegalStateException("the audit log's signing key file is not a PRIVATE+KEY+... note key");
        }
        String[] parts = text.substring(PREFIX.length()).split("\\+", 3);
        if (parts.length != 3 || !parts[0].equals(origin)) {
            throw new IllegalStateException("the audit log's signing key is not named " + origin);
        }
        byte[] typed = Base64.getDecoder().decode(parts[2]);
        if (typed.length != 33 || typed[0] != 0x01) {
            throw new IllegalStateException("the audit log's signing key is not an Ed25519 key");
        }
        byte[] seed = Arrays.copyOfRange(typed, 1, 33);
        KeyPair pair = pairOf(seed);
        NoteSigner signer = new NoteSigner(origin, pair.getPrivate(), pair.getPublic());
        if (!signer.verifierKey().split("\\+")[1].equals(parts[1])) {
            throw new IllegalStateException("the audit log's signing key file's key id does not match its key");
        }
        return signer;
    }

    private static void create(Path file, String origin) throws IOException {
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        KeyPair pair = pairOf(seed);
        String keyId = new NoteSigner(origin, pair.getPrivate(), pair.getPublic()).verifierKey().split("\\+")[1];
        byte[] typed = new byte[33];
        typed[0] = 0x01;
        System.arraycopy(seed, 0, typed, 1, 32);
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path draft = Files.createTempFile(directory, ".audit-log-key", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(draft, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the directory's permissions protect the key
            }
            Files.writeString(draft, PREFIX + origin + "+" + keyId + "+" + Base64.getEncoder().encodeToString(typed)
                    + "\n", StandardCharsets.US_ASCII);
            Files.createLink(file, draft); // atomic, and fails if another instance made the key first: theirs wins
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return;
        } finally {
            Files.deleteIfExists(draft);
        }
        log.warn("created a new audit log signing key in {}: publish its verifier key; in production provide the key "
                + "file instead (casebook.audit.generate-key-if-missing: false)", file);
    }

    /** Java derives an Ed25519 key pair from the 32 bytes its generator draws: give it the seed. */
    private static KeyPair pairOf(byte[] seed) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
                @Override
                public void nextBytes(byte[] bytes) {
                    System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
                }
            });
            KeyPair pair = generator.generateKeyPair();
            if (!Arrays.equals(NoteKeys.seed(pair.getPrivate()), seed)) {
                throw new IllegalStateException("this Java runtime does not derive Ed25519 keys from their seed");
            }
            return pair;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available", e);
        }
    }
}
