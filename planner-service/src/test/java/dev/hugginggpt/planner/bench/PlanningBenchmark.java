package dev.hugginggpt.planner.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hugginggpt.planner.config.PlannerConfig;
import dev.hugginggpt.planner.embedded.EmbeddedPlanner;
import dev.hugginggpt.planner.plan.PlanningResult;
import dev.hugginggpt.planner.plan.TaskPlanner;
import dev.hugginggpt.protocol.ChatMessage;
import dev.hugginggpt.protocol.Json;
import dev.hugginggpt.protocol.PlannedTask;
import dev.hugginggpt.protocol.RequestOptions;
import dev.hugginggpt.protocol.UserRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plans every TaskBench case with a planner and scores the plans against the gold plans: node F1,
 * edge F1 and NED per plan type, as {@code eval/score.py} computes them, plus planning latency.
 */
public final class PlanningBenchmark {

    private final TaskPlanner planner;

    public PlanningBenchmark(TaskPlanner planner) {
        this.planner = planner;
    }

    /** A planned case: the plan (empty when planning failed), whether it failed, and how long it took. */
    /** {@code cpuNanos}: the planning thread's CPU time, which other work on a busy machine does not inflate. */
    public record Outcome(TaskBenchCase testCase, List<PlannedTask> plan, boolean failed, long nanos, long cpuNanos) {
    }

    public record Report(List<Outcome> outcomes, ScoreTable scores, LatencySummary latency, LatencySummary cpu) {
        public long failures() {
            return outcomes.stream().filter(Outcome::failed).count();
        }
    }

    public Report run(List<TaskBenchCase> cases, int warmupPasses) {
        for (int pass = 0; pass < warmupPasses; pass++) {
            cases.forEach(this::plan);
        }
        List<Outcome> outcomes = cases.stream().map(this::plan).toList();
        return new Report(outcomes, score(outcomes), LatencySummary.ofNanos(outcomes.stream().map(Outcome::nanos).toList()),
                LatencySummary.ofNanos(outcomes.stream().map(Outcome::cpuNanos).toList()));
    }

    public static ScoreTable score(List<Outcome> outcomes) {
        ScoreTable table = new ScoreTable();
        outcomes.forEach(o -> table.add(o.testCase().type(), o.testCase().gold(), PlanGraph.ofPlan(o.plan())));
        return table;
    }

    private Outcome plan(TaskBenchCase c) {
        UserRequest request = new UserRequest("taskbench-" + c.id(), "bench", List.of(ChatMessage.user(c.instruction())),
                List.of(), RequestOptions.defaults(), Instant.now());
        TimedPlan timed = TimedPlan.of(planner, request);
        PlanningResult result = timed.result();
        return new Outcome(c, result.ok() ? result.tasks() : List.of(), !result.ok(), timed.nanos(), timed.cpuNanos());
    }

    /** One score.py PRED line per case: {"id": ..., "tasks": [...]}. */
    public static void writePredictions(List<Outcome> outcomes, Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        List<String> lines = new ArrayList<>();
        for (Outcome o : outcomes) {
            ObjectNode line = Json.MAPPER.createObjectNode();
            line.put("id", o.testCase().id());
            line.set("tasks", Json.MAPPER.valueToTree(o.plan()));
            lines.add(Json.MAPPER.writeValueAsString(line));
        }
        Files.write(file, lines);
    }

    /** The planner settings the benchmark plans with: the service's defaults, no LLM. */
    public static PlannerConfig benchConfig() {
        return new BenchPlannerConfig(20);
    }

    static TaskPlanner plannerNamed(String name) {
        PlannerConfig config = benchConfig();
        return switch (name) {
            case "embedded" -> new EmbeddedPlanner(config);
            case "embedded-rules" -> EmbeddedPlanner.rulesOnly(config);
            default -> throw new IllegalArgumentException(
                    "unknown planner '" + name + "'; the benchmark runs: embedded, embedded-rules (no embedding fallback)");
        };
    }

    public static void main(String[] args) throws IOException {
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        List<TaskBenchCase> cases = TaskBenchCase.load(options.data()).stream()
                .filter(options::selects)
                .limit(options.limit())
                .toList();
        Report report = new PlanningBenchmark(plannerNamed(options.planner())).run(cases, options.warmupPasses());
        System.out.printf("planner %s, %s, split %s: %d cases, %d planning failures (scored as empty plans)%n%n",
                options.planner(), options.data(), options.split(), cases.size(), report.failures());
        System.out.print(report.scores().format());
        if (options.split().equals("all")) {
            printHalf("dev half (even ids)", report.outcomes().stream().filter(o -> o.testCase().evenId()).toList());
            printHalf("held-out half (odd ids)", report.outcomes().stream().filter(o -> !o.testCase().evenId()).toList());
        }
        System.out.println();
        System.out.println(report.latency().format());
        System.out.println(report.cpu().format().replace("latency ms", "planning CPU ms"));
        if (options.predictions().isPresent()) {
            writePredictions(report.outcomes(), options.predictions().get());
            System.out.println("predictions: " + options.predictions().get());
        }
    }

    private static void printHalf(String title, List<Outcome> outcomes) {
        System.out.println();
        System.out.println(title + ":");
        System.out.print(score(outcomes).format());
    }

    /** The planner settings the benchmark plans with (the service's defaults). */
    record BenchPlannerConfig(int maxTasks) implements PlannerConfig {
        public int llmRepairAttempts() {
            return 0;
        }

        public int llmContextTokens() {
            return 0;
        }

        public Optional<String> llmBaseUrl() {
            return Optional.empty();
        }
    }
}
