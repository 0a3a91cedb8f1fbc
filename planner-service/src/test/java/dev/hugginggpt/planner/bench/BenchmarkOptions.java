package dev.hugginggpt.planner.bench;

import java.nio.file.Path;
import java.util.Optional;

/** Command-line options of {@link PlanningBenchmark}. */
record BenchmarkOptions(Path data, String planner, String split, int limit, int warmupPasses, Optional<Path> predictions) {
    static final String USAGE = """
            usage: PlanningBenchmark [--data FILE.jsonl] [--planner embedded] [--split all|even|odd]
                                     [--limit N] [--warmup PASSES] [--predictions OUT.jsonl]
              --data         TaskBench test cases (default bench/taskbench-hf/sample.jsonl)
              --planner      embedded (default) or embedded-rules (phrase rules without the embedding fallback)
              --split        all cases, or only those with an even / odd id (default all)
              --limit        plan only the first N selected cases (default: all)
              --warmup       untimed passes over the cases before the timed one (default 1)
              --predictions  write the plans as score.py PRED lines to this file
            """;

    static BenchmarkOptions parse(String[] args) {
        Path data = Path.of("bench/taskbench-hf/sample.jsonl");
        String planner = "embedded";
        String split = "all";
        int limit = Integer.MAX_VALUE;
        int warmup = 1;
        Optional<Path> predictions = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--data" -> data = Path.of(required(args[i], value));
                case "--planner" -> planner = required(args[i], value);
                case "--split" -> split = required(args[i], value);
                case "--limit" -> limit = Integer.parseInt(required(args[i], value));
                case "--warmup" -> warmup = Integer.parseInt(required(args[i], value));
                case "--predictions" -> predictions = Optional.of(Path.of(required(args[i], value)));
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
            i++;
        }
        if (!split.equals("all") && !split.equals("even") && !split.equals("odd")) {
            throw new IllegalArgumentException("--split must be all, even or odd\n" + USAGE);
        }
        return new BenchmarkOptions(data, planner, split, limit, warmup, predictions);
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return value;
    }

    boolean selects(TaskBenchCase c) {
        return switch (split) {
            case "even" -> c.evenId();
            case "odd" -> !c.evenId();
            default -> true;
        };
    }
}
