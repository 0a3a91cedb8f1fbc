package dev.hugginggpt.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hugginggpt.testkit.OpenAiStandIn;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * bench/pipeline.sh: starts the stack (broker and services as processes, like deploy/local/up.sh), drives the gateway
 * over loopback from this separate process, and prints tables. Not a test: nothing is asserted.
 */
public final class PipelineBenchmark {
    private static final Map<String, String> STAND_INS = Map.of("HG_BENCH_MODELS", "true");

    private final Options options;
    private final Path root;
    private final Report report;
    private final List<Object[]> startups = new ArrayList<>();
    private final Map<String, List<BenchStack.Memory>> memory = new LinkedHashMap<>();

    PipelineBenchmark(Options options, Path root) {
        this.options = options;
        this.root = root;
        this.report = new Report(root.resolve(options.report()));
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Path root = Path.of(System.getProperty("hg.root", ".")).toAbsolutePath().normalize();
        new PipelineBenchmark(options, root).run();
        System.exit(0);
    }

    void run() throws Exception {
        report.line("# Pipeline benchmark");
        report.line("");
        report.line("Machine: " + Machine.describe(root) + ".");
        report.line("Services' JVM options: `" + String.join(" ", options.jvmOptions()) + "`; scenarios: "
                + String.join(", ", options.scenarios()) + ".");
        if (options.scenarios().contains("overhead") || options.scenarios().contains("throughput")) {
            standIns();
        }
        if (options.scenarios().contains("makespan")) {
            makespan();
        }
        if (options.scenarios().contains("real")) {
            realModels();
        }
        if (options.scenarios().contains("llm")) {
            llm();
        }
        reportStartupAndMemory();
        report.line("");
        report.line("Load average at the end: " + Machine.load() + ".");
    }

    private BenchStack start(String name, int executors, Map<String, String> common, Map<String, String> executorEnv)
            throws Exception {
        Report.progress("starting the " + name + " stack (" + executors + " executors)");
        BenchStack stack = new BenchStack(root, new BenchStack.Config(executors, options.jvmOptions(), common, executorEnv));
        BenchStack.Startup s = stack.start();
        startups.add(new Object[] {name, executors, s});
        Report.progress("ready in " + Math.round(s.totalMillis()) + " ms; data and logs in " + stack.data());
        return stack;
    }

    private void standIns() throws Exception {
        try (BenchStack stack = start("stand-in models", options.executors(), Map.of(), STAND_INS);
                GatewayClient client = new GatewayClient(stack.gatewayUrl(), BenchStack.API_KEY)) {
            Measurements m = new Measurements(client, report, options.deadline());
            report.section("Plans (the real embedded planner)");
            m.checkPlans(Workload.standIns());
            Report.progress("warming up");
            m.warmUp(Workload.standIns(), 30);
            m.warmUpSteadily(Map.of(Workload.ONE_TASK, 15.0, Workload.DAG_6, 2.0, Workload.CHAIN_6, 2.0), options.warmUp());
            OpenLoop.run(client, Workload.ONE_TASK.text, 50, java.time.Duration.ofSeconds(5), options.deadline());
            memory.put("stand-ins, idle after warm-up", stack.memory());
            if (options.scenarios().contains("overhead")) {
                report.section("Orchestration overhead, zero-latency stand-in models (" + options.executors()
                        + " executors, one request at a time)");
                List<Measurements.Overhead> results = new ArrayList<>();
                for (Workload w : Workload.standIns()) {
                    Report.progress("overhead: " + w.label);
                    results.add(m.overhead(w, "stand-ins", w == Workload.ONE_TASK ? options.samples() : options.samples() / 2));
                }
                m.reportOverhead(results);
                streamedFirstByte(stack);
            }
            if (options.scenarios().contains("throughput")) {
                report.section("Throughput, 1-task requests, stand-in models (" + options.executors() + " executors, open loop, "
                        + options.stepDuration().toSeconds() + " s per rate)");
                if (!options.loadWarmUp().isZero()) {
                    double warmRate = Math.round(options.rates().get(0) * 0.8);
                    m.warmUpSteadily(Map.of(Workload.ONE_TASK, warmRate), options.loadWarmUp());
                    report.line("Before the first step: " + options.loadWarmUp().toSeconds() + " s at " + Table.format(warmRate)
                            + " requests/s, unmeasured (C2 compiles again for the paths only a high rate takes).");
                    report.line("");
                }
                double knee = m.throughput(stack, Workload.ONE_TASK, options.rates(), options.stepDuration(), options.maxP99Millis());
                report.line("");
                String kneeText = knee > 0 ? Table.format(knee) + " requests/s"
                        : "none: the first step (" + Table.format(options.rates().get(0)) + " requests/s) was not sustained";
                report.line("Knee: **" + kneeText + "** (the highest rate with nothing lost, answers"
                        + " keeping up within 5 % and p99 ≤ " + Table.format(options.maxP99Millis()) + " ms).");
                memory.put("stand-ins, after the throughput steps", stack.memory());
            }
        }
    }

    /** A streamed chat completion's first byte leaves at once, whatever the tasks take; its [DONE] when they are done. */
    private void streamedFirstByte(BenchStack stack) throws Exception {
        Report.progress("streamed chat completions: time to first byte");
        int samples = Math.max(20, options.samples() / 5);
        List<FirstByte.Sample> measured = FirstByte.measure(stack.gatewayUrl(), BenchStack.API_KEY, Workload.ONE_TASK.text, samples,
                options.deadline());
        Summary first = Summary.of(measured.stream().map(FirstByte.Sample::firstByteMillis).toList());
        Summary done = Summary.of(measured.stream().map(FirstByte.Sample::doneMillis).toList());
        report.line("");
        report.line("Streamed chat completion (`stream: true`, " + Workload.ONE_TASK.label + ", one at a time, " + samples + " samples):");
        report.line("");
        report.table(new Table("ms", "p50", "p95", "max")
                .row("time to first byte (headers and the role chunk)", first.p50(), first.p95(), first.max())
                .row("time to [DONE] (the answer and the finish)", done.p50(), done.p95(), done.max()));
    }

    private void makespan() throws Exception {
        Map<String, String> env = new LinkedHashMap<>(STAND_INS);
        env.put("HG_BENCH_DELAY_MS", "200");
        env.put("HG_EXECUTOR_CONCURRENCY", "1");
        report.section("Parallel makespan: the 6-task DAG (width 4, 3 levels), stand-ins of 200 ms, executors of one slot each");
        List<Measurements.Makespan> results = new ArrayList<>();
        int samples = Math.max(10, options.samples() / 10);
        try (BenchStack stack = start("makespan", 4, Map.of(), env);
                GatewayClient client = new GatewayClient(stack.gatewayUrl(), BenchStack.API_KEY)) {
            Measurements m = new Measurements(client, report, options.deadline());
            m.warmUpSteadily(Map.of(Workload.ONE_TASK, 8.0, Workload.DAG_6, 1.0), options.warmUp());
            for (int executors : new int[] {4, 2, 1}) {
                if (stack.executors() != executors) {
                    Report.progress("replacing the executors: " + executors);
                    stack.replaceExecutors(executors, env);
                }
                m.warmUp(List.of(Workload.DAG_6), 10);
                Report.progress("makespan with " + executors + " executors");
                results.add(m.makespan(executors + " × 1 slot", Workload.DAG_6, samples));
            }
            Map<String, String> four = new LinkedHashMap<>(env);
            four.put("HG_EXECUTOR_CONCURRENCY", "4");
            stack.replaceExecutors(1, four);
            m.warmUp(List.of(Workload.DAG_6), 10);
            results.add(m.makespan("1 × 4 slots (default concurrency)", Workload.DAG_6, samples));
            m.reportMakespan(results);
        }
        report.line("");
        report.line("Goal with 4 executors: makespan ≤ 1.05 × critical path + 50 ms. The original dispatches a level's"
                + " tasks in a loop that sleeps 0.5 s whenever no new task became ready.");
    }

    private void realModels() throws Exception {
        try (BenchStack stack = start("real models", options.executors(), Map.of(), Map.of());
                GatewayClient client = new GatewayClient(stack.gatewayUrl(), BenchStack.API_KEY)) {
            Measurements m = new Measurements(client, report, options.deadline());
            report.section("Plans for the real models (the real embedded planner)");
            m.checkPlans(Workload.realModels());
            Report.progress("warming up the real models (loading them on first use)");
            m.warmUp(Workload.realModels(), 6);
            m.warmUpSteadily(Map.of(Workload.ONE_TASK, 10.0), options.warmUp());
            report.section("Orchestration overhead, real local models (" + options.executors() + " executors, one request at a time)");
            List<Measurements.Overhead> results = new ArrayList<>();
            for (Workload w : Workload.realModels()) {
                Report.progress("overhead with real models: " + w.label);
                results.add(m.overhead(w, "real", Math.max(10, w == Workload.ONE_TASK ? options.samples() / 4 : options.samples() / 8)));
            }
            m.reportOverhead(results);
            memory.put("real models, after their runs", stack.memory());
        }
    }

    private void llm() throws Exception {
        LlmPlayer player = new LlmPlayer();
        try (OpenAiStandIn llm = OpenAiStandIn.start()) {
            llm.otherwise(player::answer);
            Map<String, String> common = Map.of("HG_LLM_BASE_URL", llm.baseUrl(), "HG_LLM_API_KEY", "bench", "HG_LLM_MODEL", "stand-in");
            Map<String, String> executors = new LinkedHashMap<>(STAND_INS);
            executors.put("HG_BENCH_VARIANTS", "2");
            try (BenchStack stack = start("LLM", options.executors(), common, executors);
                    GatewayClient client = new GatewayClient(stack.gatewayUrl(), BenchStack.API_KEY)) {
                Measurements m = new Measurements(client, report, options.deadline());
                report.section("LLM calls and tokens per request (stand-in LLM; two stand-in models per task type, so every task has"
                        + " candidates to choose from)");
                for (Map.Entry<Workload, JsonNode> plan : m.checkPlans(Workload.standIns()).entrySet()) {
                    player.planFor(plan.getKey().text, plan.getValue());
                }
                report.line("");
                LlmCalls.measure(client, report, Workload.standIns(), LlmCalls.catalog(root), 5, options.deadline());
                report.line("");
                report.line("The LLM answers planning with the embedded planner's plan above, so both pipelines count calls for the"
                        + " same plan. Tokens: prompt characters / 4, as the stand-in LLM reports them; the original's are an estimate"
                        + " from its prompts' sizes (see OriginalCost).");
            }
        }
    }

    private void reportStartupAndMemory() {
        report.section("Start-up");
        Table table = new Table("stack", "executors", "broker (start + topics) ms", "services (all ready) ms", "total ms",
                "slowest service");
        for (Object[] s : startups) {
            BenchStack.Startup startup = (BenchStack.Startup) s[2];
            Map.Entry<String, Double> slowest = startup.readyMillis().entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
            table.row(s[0], s[1], startup.brokerMillis(), startup.servicesMillis(), startup.totalMillis(),
                    slowest.getKey() + " " + Table.format(slowest.getValue()) + " ms");
        }
        report.table(table);
        if (!startups.isEmpty()) {
            report.line("");
            Table each = new Table("service", "launch → ready ms (first stack)");
            ((BenchStack.Startup) startups.get(0)[2]).readyMillis().forEach(each::row);
            report.table(each);
        }
        report.section("Memory (RSS, MiB; peak = VmHWM)");
        List<String> header = new ArrayList<>(List.of("process"));
        memory.keySet().forEach(k -> {
            header.add(k);
            header.add("peak");
        });
        Table table2 = new Table(header.toArray(String[]::new));
        List<String> names = memory.values().stream().flatMap(List::stream).map(BenchStack.Memory::name).distinct().toList();
        for (String name : names) {
            List<Object> row = new ArrayList<>(List.of(name));
            for (List<BenchStack.Memory> snapshot : memory.values()) {
                BenchStack.Memory mem = snapshot.stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
                row.add(mem == null ? "" : Table.format(mem.rssKb() / 1024.0));
                row.add(mem == null ? "" : Table.format(mem.peakKb() / 1024.0));
            }
            table2.row(row.toArray());
        }
        report.table(table2);
    }
}
