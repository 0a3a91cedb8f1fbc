package dev.hugginggpt.planner.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Node F1, edge F1 and NED per plan type (single, chain, dag) and over all cases. */
public final class ScoreTable {
    private static final List<String> FIRST_ROWS = List.of("single", "chain", "dag", "all");

    private final Map<String, Group> groups = new LinkedHashMap<>();

    public record Row(String type, int cases, double nodeF1, double edgeF1, boolean hasEdges, double ned) {
    }

    public void add(String type, PlanGraph gold, PlanGraph predicted) {
        group("all").add(gold, predicted);
        group(type == null ? "?" : type).add(gold, predicted);
    }

    private Group group(String key) {
        return groups.computeIfAbsent(key, k -> new Group());
    }

    public List<Row> rows() {
        List<String> keys = new ArrayList<>();
        FIRST_ROWS.stream().filter(groups::containsKey).forEach(keys::add);
        groups.keySet().stream().filter(k -> !FIRST_ROWS.contains(k)).sorted().forEach(keys::add);
        return keys.stream().map(k -> groups.get(k).row(k)).toList();
    }

    public Row row(String type) {
        return groups.containsKey(type) ? groups.get(type).row(type) : null;
    }

    /** The table as the reference scorer prints it (same columns, same rounding). */
    public String format() {
        StringBuilder out = new StringBuilder(String.format("%-8s %6s %8s %8s %6s%n", "type", "cases", "node-F1", "edge-F1", "NED"));
        for (Row r : rows()) {
            out.append(String.format("%-8s %6d %8s %8s %6s%n", r.type(), r.cases(), fixed4(r.nodeF1()),
                    r.hasEdges() ? fixed4(r.edgeF1()) : "-", fixed4(r.ned())));
        }
        return out.toString();
    }

    /** Four decimals of the double's exact value, half-even, as Python's format does. */
    static String fixed4(double value) {
        return new BigDecimal(value).setScale(4, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static final class Group {
        private int cases;
        private long nodeTp;
        private long nodeFp;
        private long nodeFn;
        private long edgeTp;
        private long edgeFp;
        private long edgeFn;
        private double nedSum;

        void add(PlanGraph gold, PlanGraph predicted) {
            cases++;
            Set<String> goldNames = new HashSet<>(gold.names());
            Set<String> predictedNames = new HashSet<>(predicted.names());
            nodeTp += intersection(goldNames, predictedNames);
            nodeFp += predictedNames.size() - intersection(goldNames, predictedNames);
            nodeFn += goldNames.size() - intersection(goldNames, predictedNames);
            edgeTp += intersection(gold.edges(), predicted.edges());
            edgeFp += predicted.edges().size() - intersection(gold.edges(), predicted.edges());
            edgeFn += gold.edges().size() - intersection(gold.edges(), predicted.edges());
            nedSum += PlanMetrics.normalizedEditDistance(predicted.names(), gold.names());
        }

        Row row(String type) {
            return new Row(type, cases, PlanMetrics.f1(nodeTp, nodeFp, nodeFn), PlanMetrics.f1(edgeTp, edgeFp, edgeFn),
                    edgeTp + edgeFp + edgeFn > 0, nedSum / cases);
        }

        private static <T> int intersection(Set<T> a, Set<T> b) {
            int count = 0;
            for (T item : a) {
                if (b.contains(item)) {
                    count++;
                }
            }
            return count;
        }
    }
}
