package casebook.audit.tlog;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A C2SP {@code tlog-checkpoint} body (https://c2sp.org/tlog-checkpoint): the log's origin, its size in decimal and its
 * root hash in base64, one per line, then optional extension lines. It is the text a {@link NoteSigner} signs, in the
 * form existing witnesses already cosign.
 */
public record Checkpoint(String origin, long size, byte[] rootHash, List<String> extensions) {
    private static final Pattern SIZE = Pattern.compile("0|[1-9][0-9]{0,18}");

    public Checkpoint {
        if (origin == null || origin.isEmpty() || origin.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
            throw new IllegalArgumentException("a checkpoint's origin is one non-empty line of printable text");
        }
        if (size < 0) {
            throw new IllegalArgumentException("a checkpoint's size is not negative");
        }
        rootHash = TreeHash.requireHash(rootHash).clone();
        extensions = extensions == null ? List.of() : List.copyOf(extensions);
        for (String line : extensions) {
            if (line.isEmpty() || line.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
                throw new IllegalArgumentException("an extension is one non-empty line of printable text");
            }
        }
    }

    public Checkpoint(String origin, long size, byte[] rootHash) {
        this(origin, size, rootHash, List.of());
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /** The note text: the lines, each ended by a newline. */
    public String text() {
        StringBuilder text = new StringBuilder()
                .append(origin).append('\n')
                .append(size).append('\n')
                .append(Base64.getEncoder().encodeToString(rootHash)).append('\n');
        extensions.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }

    /** Reads a note text written by {@link #text()}. */
    public static Checkpoint parse(String text) {
        if (text == null || !text.endsWith("\n")) {
            throw new IllegalArgumentException("a checkpoint ends with a newline");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            throw new IllegalArgumentException("a checkpoint has an origin, a size and a root hash");
        }
        if (!SIZE.matcher(lines[1]).matches()) {
            throw new IllegalArgumentException("a checkpoint's size is a decimal number without leading zeros");
        }
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines[2].getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a checkpoint's root hash is base64", e);
        }
        if (root.length != TreeHash.SIZE || !Base64.getEncoder().encodeToString(root).equals(lines[2])) {
            throw new IllegalArgumentException("a checkpoint's root hash is the base64 of 32 bytes");
        }
        return new Checkpoint(lines[0], Long.parseLong(lines[1]), root, List.of(lines).subList(3, lines.length));
    }
}
