package casebook.benchmarks;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/** Latencies in nanoseconds; percentiles by nearest rank over all samples (no histogram, no interpolation). */
final class Samples {

    private long[] values = new long[1024];
    private int size;

    synchronized void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    synchronized void addAll(Samples other) {
        long[] theirs = other.sorted();
        for (long value : theirs) {
            add(value);
        }
    }

    synchronized int size() {
        return size;
    }

    synchronized long[] sorted() {
        long[] copy = Arrays.copyOf(values, size);
        Arrays.sort(copy);
        return copy;
    }

    /** The {@code q}-quantile (0 < q <= 1) in milliseconds; NaN when there are no samples. */
    double millis(double q) {
        long[] sorted = sorted();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / (double) TimeUnit.MILLISECONDS.toNanos(1);
    }

    double maxMillis() {
        return millis(1.0);
    }
}
