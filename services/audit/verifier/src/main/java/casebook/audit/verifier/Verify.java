package casebook.audit.verifier;

import casebook.audit.tlog.BundleVerifier;
import casebook.audit.tlog.CaseBundle;
import casebook.audit.tlog.NoteVerifier;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The offline verifier: {@code java -jar casebook-verifier.jar case <bundle.json> --key <key>} checks a case's export,
 * {@code ... consistency <older> <newer> <proof.json> --key <key>} checks that a log only grew between two checkpoints
 * a witness kept. The key is the log's published verifier key (its text, or {@code @file}), never the one inside the
 * bundle. Exit status: 0 verified, 1 tampering found (the first bad event named), 2 unusable input.
 */
public final class Verify {
    static final int VERIFIED = 0;
    static final int TAMPERED = 1;
    static final int UNUSABLE = 2;
    private static final long MAX_INPUT_BYTES = 512L * 1024 * 1024;
    private static final String USAGE = """
            usage: casebook-verifier case <bundle.json> --key <verifier key | @key-file>
                   casebook-verifier consistency <older-checkpoint> <newer-checkpoint> <proof.json> --key <...>""";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private Verify() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> positional = new ArrayList<>();
        String key = null;
        for (int i = 0; i < args.length; i++) {
            if ("--key".equals(args[i]) && i + 1 < args.length) {
                key = args[++i];
            } else {
                positional.add(args[i]);
            }
        }
        if (positional.isEmpty() || key == null) {
            err.println(USAGE);
            return UNUSABLE;
        }
        try {
            BundleVerifier verifier = new BundleVerifier(NoteVerifier.parse(read(key)));
            return switch (positional.get(0)) {
                case "case" -> positional.size() == 2 ? verifyCase(verifier, Path.of(positional.get(1)), out)
                        : usage(err);
                case "consistency" -> positional.size() == 4 ? verifyConsistency(verifier,
                        Path.of(positional.get(1)), Path.of(positional.get(2)), Path.of(positional.get(3)), out)
                        : usage(err);
                default -> usage(err);
            };
        } catch (IOException | IllegalArgumentException e) {
            err.println("unusable input: " + e.getMessage());
            return UNUSABLE;
        }
    }

    private static int verifyCase(BundleVerifier verifier, Path bundleFile, PrintStream out) throws IOException {
        String text = text(bundleFile);
        CaseBundle bundle;
        try {
            bundle = JSON.readValue(text, CaseBundle.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(bundleFile + " is not a case bundle (" + e.getOriginalMessage() + ")");
        }
        BundleVerifier.Verdict verdict = verifier.verify(bundle);
        if (!verdict.valid()) {
            out.println("FAILED " + bundle.streamId() + ": " + verdict.problem());
            return TAMPERED;
        }
        out.println("VERIFIED " + bundle.streamId() + ": " + verdict.events() + " events, complete and unaltered"
                + " in the log of " + verdict.checkpoint().size() + " events signed at "
                + Instant.ofEpochSecond(verdict.checkpoint().issuedAtEpochSecond()));
        return VERIFIED;
    }

    private static int verifyConsistency(BundleVerifier verifier, Path older, Path newer, Path proofFile,
                                         PrintStream out) throws IOException {
        String proofText = text(proofFile);
        List<byte[]> hashes = new ArrayList<>();
        try {
            for (JsonNode hash : JSON.readTree(proofText).path("proof")) {
                hashes.add(Base64.getDecoder().decode(hash.asText()));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(proofFile + " is not a consistency proof (" + e.getOriginalMessage()
                    + ")");
        }
        String problem = verifier.inconsistency(text(older), text(newer), hashes);
        if (problem != null) {
            out.println("FAILED: " + problem);
            return TAMPERED;
        }
        out.println("VERIFIED: the newer checkpoint extends the older one (append-only)");
        return VERIFIED;
    }

    private static int usage(PrintStream err) {
        err.println(USAGE);
        return UNUSABLE;
    }

    private static String read(String keyOrFile) throws IOException {
        return keyOrFile.startsWith("@") ? text(Path.of(keyOrFile.substring(1))).strip() : keyOrFile;
    }

    private static String text(Path file) throws IOException {
        if (Files.size(file) > MAX_INPUT_BYTES) {
            throw new IllegalArgumentException(file + " is larger than " + MAX_INPUT_BYTES + " bytes");
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
