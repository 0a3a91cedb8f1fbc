package dev.hugginggpt.planner.bench;

import java.util.List;

/** Percentiles (nearest rank) of planning times, in milliseconds. */
public record LatencySummary(int count, double p50, double p95, double p99, double max) {

    public static LatencySummary ofNanos(List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return new LatencySummary(0, 0, 0, 0, 0);
        }
        return new LatencySummary(sorted.length, millis(percentile(sorted, 50)), millis(percentile(sorted, 95)),
                millis(percentile(sorted, 99)), millis(sorted[sorted.length - 1]));
    }

    /** The smallest value with at least {@code p} percent of the values at or below it. */
    static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }

    public String format() {
        return String.format("latency ms (%d plans): p50 %.2f  p95 %.2f  p99 %.2f  max %.2f", count, p50, p95, p99, max);
    }
}
