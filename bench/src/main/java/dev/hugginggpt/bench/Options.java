package dev.hugginggpt.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The command line of bench/pipeline.sh. */
public record Options(int executors, Set<String> scenarios, int samples, List<Double> rates, Duration stepDuration,
        Duration deadline, double maxP99Millis, List<String> jvmOptions, Duration warmUp, Duration loadWarmUp, String report) {

    public static final List<String> ALL = List.of("overhead", "throughput", "makespan", "real", "llm");
    static final List<String> DEFAULT_JVM = List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC");

    public static final String USAGE = """
            usage: bench/pipeline.sh [options]
              --executors N        executors for the overhead, throughput, real and llm stacks (default 2)
              --scenario LIST      comma-separated, from: overhead, throughput, makespan, real, llm, all (default all)
                                   overhead: stand-in models, 1-task, 6-task DAG and 6-task chain, one at a time
                                   throughput: stand-in models, 1-task requests, open loop at rising rates
                                   makespan: width-4 DAG, stand-ins of 200 ms, 1, 2 and 4 executors of one slot each
                                   real: the real local models, 1-task and 6-task chain, one at a time
                                   llm: LLM calls and prompt tokens per request (stand-in LLM) against the original's
              --samples N          requests per overhead measurement (default 200; 6-task ones get half)
              --rates LIST         requests/s of the throughput steps (default 25,50,100,150,200,250,300,400,500)
              --step-seconds S     length of one throughput step (default 20)
              --deadline-seconds S a request not DONE by then is lost (default 30)
              --max-p99-ms MS      a step whose p99 is above this is past the knee (default 1000)
              --jvm "OPTS"         the services' JVM options (default: deploy/local/up.sh's, %s)
              --warmup-seconds S   steady load on each stack before it is measured, so that the JIT has compiled
                                   the hot paths (default 120; C2 takes minutes on two cores)
              --load-warmup-seconds S  before the first throughput step, 1-task requests at 80 %% of its rate,
                                   unmeasured: C2 compiles again for the paths a high rate takes, for a
                                   minute or two (default 60; 0: none)
              --report FILE        also write the tables to FILE (default bench/target/pipeline-report.md)
            """.formatted(String.join(" ", DEFAULT_JVM));

    public static Options parse(String[] args) {
        int executors = 2;
        Set<String> scenarios = new LinkedHashSet<>(ALL);
        int samples = 200;
        List<Double> rates = List.of(25.0, 50.0, 100.0, 150.0, 200.0, 250.0, 300.0, 400.0, 500.0);
        Duration step = Duration.ofSeconds(20);
        Duration deadline = Duration.ofSeconds(30);
        double maxP99 = 1000;
        List<String> jvm = DEFAULT_JVM;
        Duration warmUp = Duration.ofSeconds(120);
        Duration loadWarmUp = Duration.ofSeconds(60);
        String report = "bench/target/pipeline-report.md";
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h") || arg.equals("--help")) {
                throw new IllegalArgumentException(USAGE);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(arg + " needs a value\n" + USAGE);
            }
            String value = args[++i];
            switch (arg) {
                case "--executors" -> executors = positive(arg, value);
                case "--scenario" -> {
                    scenarios = new LinkedHashSet<>();
                    for (String s : value.split(",")) {
                        if (s.equals("all")) {
                            scenarios.addAll(ALL);
                        } else if (ALL.contains(s)) {
                            scenarios.add(s);
                        } else {
                            throw new IllegalArgumentException("unknown scenario '" + s + "'\n" + USAGE);
                        }
                    }
                }
                case "--samples" -> samples = positive(arg, value);
                case "--rates" -> {
                    List<Double> parsed = new ArrayList<>();
                    for (String r : value.split(",")) {
                        parsed.add((double) positive(arg, r.strip()));
                    }
                    rates = List.copyOf(parsed);
                }
                case "--step-seconds" -> step = Duration.ofSeconds(positive(arg, value));
                case "--deadline-seconds" -> deadline = Duration.ofSeconds(positive(arg, value));
                case "--max-p99-ms" -> maxP99 = positive(arg, value);
                case "--jvm" -> jvm = List.of(value.strip().split("\\s+"));
                case "--warmup-seconds" -> warmUp = Duration.ofSeconds(positive(arg, value));
                case "--load-warmup-seconds" -> loadWarmUp = Duration.ofSeconds(zeroOrPositive(arg, value));
                case "--report" -> report = value;
                default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
            }
        }
        return new Options(executors, scenarios, samples, rates, step, deadline, maxP99, jvm, warmUp, loadWarmUp, report);
    }

    private static int positive(String option, String value) {
        return wholeNumber(option, value, 1);
    }

    private static int zeroOrPositive(String option, String value) {
        return wholeNumber(option, value, 0);
    }

    private static int wholeNumber(String option, String value, int least) {
        try {
            int n = Integer.parseInt(value);
            if (n >= least) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException(option + " takes a whole number ≥ " + least + ", not '" + value + "'");
    }
}
