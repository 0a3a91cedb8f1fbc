package dev.hugginggpt.bench;

import java.util.Arrays;
import java.util.Collection;

/**
 * Statistics of a sample of latencies (milliseconds). Percentiles are nearest-rank: the p-th percentile is the
 * smallest sample such that at least p % of the samples are less than or equal to it; no interpolation, so every
 * reported value was observed.
 */
public record Summary(int count, double min, double mean, double p50, double p95, double p99, double max) {
    public static final Summary EMPTY = new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    public static Summary of(Collection<Double> samples) {
        return of(samples.stream().mapToDouble(Double::doubleValue).toArray());
    }

    public static Summary of(double[] samples) {
        if (samples.length == 0) {
            return EMPTY;
        }
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (double s : sorted) {
            sum += s;
        }
        return new Summary(sorted.length, sorted[0], sum / sorted.length, percentile(sorted, 50), percentile(sorted, 95),
                percentile(sorted, 99), sorted[sorted.length - 1]);
    }

    /** Nearest-rank percentile of an ascending array; {@code p} in (0, 100]. */
    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100], not " + p);
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
