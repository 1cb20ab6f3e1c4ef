package casebook.audit.tlog;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Casebook's checkpoints commit to: the event log (the C2SP size and root: every event's chain hash as a leaf)
 * and, in one extension line {@code heads <count> <base64 root>}, the tree of every stream's head at that size (see
 * {@link EventChain#headEntry}), which is what lets an auditor holding one case's events tell that none were cut off
 * its end. A {@code time <epoch seconds>} line says when it was issued.
 */
public record LogCheckpoint(Checkpoint checkpoint, long headsCount, byte[] headsRoot, long issuedAtEpochSecond) {
    private static final Pattern HEADS = Pattern.compile("heads (0|[1-9][0-9]{0,18}) ([A-Za-z0-9+/]{43}=)");
    private static final Pattern TIME = Pattern.compile("time (0|[1-9][0-9]{0,18})");

    public static LogCheckpoint of(String origin, long size, byte[] root, long headsCount, byte[] headsRoot,
                                   long issuedAtEpochSecond) {
        List<String> extensions = new ArrayList<>();
        extensions.add("heads " + headsCount + " " + Base64.getEncoder().encodeToString(TreeHash.requireHash(headsRoot)));
        extensions.add("time " + issuedAtEpochSecond);
        return new LogCheckpoint(new Checkpoint(origin, size, root, extensions), headsCount, headsRoot.clone(),
                issuedAtEpochSecond);
    }

    /** Reads the checkpoint of a signed note's text; refuses one without its heads or time line. */
    public static LogCheckpoint parse(String text) {
        Checkpoint checkpoint = Checkpoint.parse(text);
        Long headsCount = null;
        byte[] headsRoot = null;
        Long time = null;
        for (String line : checkpoint.extensions()) {
            Matcher heads = HEADS.matcher(line);
            Matcher issued = TIME.matcher(line);
            if (heads.matches() && headsCount == null) {
                headsCount = Long.parseLong(heads.group(1));
                headsRoot = Base64.getDecoder().decode(heads.group(2));
            } else if (issued.matches() && time == null) {
                time = Long.parseLong(issued.group(1));
            }
        }
        if (headsCount == null || time == null) {
            throw new IllegalArgumentException("a Casebook checkpoint has a 'heads' and a 'time' line");
        }
        return new LogCheckpoint(checkpoint, headsCount, headsRoot, time);
    }

    public long size() {
        return checkpoint.size();
    }

    public byte[] root() {
        return checkpoint.rootHash();
    }

    @Override
    public byte[] headsRoot() {
        return headsRoot.clone();
    }

    public String text() {
        return checkpoint.text();
    }
}
