package dev.hugginggpt.planner.bench;

import java.util.List;

/** The TaskBench plan metrics, computed exactly as the reference scorer does. */
public final class PlanMetrics {
    private PlanMetrics() {
    }

    /** F1 from true positive, false positive and false negative counts; 0 when undefined. */
    public static double f1(long tp, long fp, long fn) {
        double precision = tp + fp == 0 ? 0.0 : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? 0.0 : (double) tp / (tp + fn);
        return precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
    }

    /**
     * Normalized edit distance of two name sequences: 1 minus the insertion/deletion similarity
     * {@code 1 - indel / (|a| + |b|)}, where indel = |a| + |b| - 2 * LCS(a, b). Two empty sequences are equal.
     */
    public static double normalizedEditDistance(List<String> predicted, List<String> gold) {
        int m = predicted.size();
        int n = gold.size();
        if (m == 0 && n == 0) {
            return 0.0;
        }
        int[][] lcs = new int[m + 1][n + 1];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                lcs[i + 1][j + 1] = predicted.get(i).equals(gold.get(j))
                        ? lcs[i][j] + 1
                        : Math.max(lcs[i][j + 1], lcs[i + 1][j]);
            }
        }
        int indel = m + n - 2 * lcs[m][n];
        double similarity = 1 - (double) indel / (m + n);
        return 1 - similarity;
    }
}
