package casebook.audit.tlog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A C2SP signed note (https://c2sp.org/signed-note) read from its text: the note text (ending with a newline), a blank
 * line, then one or more signature lines {@code — <name> <base64(key id || signature)>}. Parsing checks the form only;
 * a {@link NoteVerifier} decides whether a signature is good. Bounded so that a hostile file cannot exhaust memory.
 */
public record SignedNote(String text, List<SignatureLine> signatures) {
    /** The em dash (U+2014) that starts a signature line. */
    static final String DASH = "\u2014";
    static final int MAX_NOTE_CHARS = 1 << 20;
    static final int MAX_SIGNATURES = 100;

    public record SignatureLine(String name, byte[] keyId, byte[] signature) {
        @Override
        public byte[] keyId() {
            return keyId.clone();
        }

        @Override
        public byte[] signature() {
            return signature.clone();
        }
    }

    public SignedNote {
        signatures = List.copyOf(signatures);
    }

    public static SignedNote parse(String note) {
        if (note == null || note.length() > MAX_NOTE_CHARS) {
            throw new IllegalArgumentException("a signed note has at most " + MAX_NOTE_CHARS + " characters");
        }
        int split = note.lastIndexOf("\n\n");
        if (split < 0 || !note.endsWith("\n")) {
            throw new IllegalArgumentException("a signed note is its text, a blank line and its signature lines");
        }
        String text = note.substring(0, split + 1);
        requireText(text);
        String[] lines = note.substring(split + 2, note.length() - 1).split("\n", -1);
        if (lines.length > MAX_SIGNATURES) {
            throw new IllegalArgumentException("a signed note has at most " + MAX_SIGNATURES + " signatures");
        }
        List<SignatureLine> signatures = new ArrayList<>();
        for (String line : lines) {
            String[] parts = line.split(" ", -1);
            if (parts.length != 3 || !parts[0].equals(DASH)) {
                throw new IllegalArgumentException("a signature line reads '" + DASH + " <name> <signature>'");
            }
            byte[] decoded;
            try {
                decoded = Base64.getDecoder().decode(parts[2]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("a signature is base64", e);
            }
            if (decoded.length < 5) {
                throw new IllegalArgumentException("a signature holds a key id and signature bytes");
            }
            signatures.add(new SignatureLine(NoteKeys.requireName(parts[1]), Arrays.copyOf(decoded, 4),
                    Arrays.copyOfRange(decoded, 4, decoded.length)));
        }
        return new SignedNote(text, signatures);
    }

    static void requireText(String text) {
        if (text == null || text.isEmpty() || !text.endsWith("\n") || text.contains("\n\n") || text.startsWith("\n")) {
            throw new IllegalArgumentException("a note's text is non-empty lines, each ending with a newline");
        }
        if (text.chars().anyMatch(c -> c < 0x20 && c != '\n' || c == 0x7F)) {
            throw new IllegalArgumentException("a note's text has no control characters");
        }
    }
}
