package dev.hugginggpt.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The measurements, each against a running stack; the tables they give go to the report. */
public final class Measurements {
    private final GatewayClient client;
    private final Report report;
    private final Duration deadline;

    public Measurements(GatewayClient client, Report report, Duration deadline) {
        this.client = client;
        this.report = report;
        this.deadline = deadline;
    }

    /** Plans each request (POST /v1/plan, embedded planner) and reports the shape it got; returns the plan views. */
    public Map<Workload, JsonNode> checkPlans(List<Workload> workloads) throws Exception {
        Map<Workload, JsonNode> plans = new LinkedHashMap<>();
        Table table = new Table("request", "text", "planned as (embedded planner)", "tasks");
        for (Workload w : workloads) {
            JsonNode view = client.plan(w.text, Map.of("planner", "embedded"));
            List<TaskTiming> tasks = TaskTiming.fromView(view);
            String shape = Dag.shape(tasks);
            StringBuilder types = new StringBuilder();
            for (TaskTiming t : tasks) {
                types.append(types.length() == 0 ? "" : ", ").append(t.id()).append(' ').append(t.task())
                        .append(t.deps().isEmpty() ? "" : " ← " + t.deps());
            }
            table.row(w.label, "\"" + w.text + "\"", shape + (shape.equals(w.expectedShape) ? ""
                    : " (**expected " + w.expectedShape + "**: the planner changed)"), types);
            plans.put(w, view);
        }
        report.table(table);
        return plans;
    }

    /**
     * Open-loop load at these rates for a while, unmeasured, every workload at once: the services' JIT compiles
     * their hot paths with C2 only after thousands of requests, which takes minutes on two cores.
     */
    public void warmUpSteadily(Map<Workload, Double> rates, Duration duration) {
        Report.progress("warming up for " + duration.toSeconds() + " s at " + rates.values() + " requests/s");
        ExecutorService loops = Executors.newFixedThreadPool(rates.size());
        List<CompletableFuture<OpenLoop.Step>> steps = rates.entrySet().stream()
                .map(e -> CompletableFuture.supplyAsync(
                        () -> OpenLoop.run(client, e.getKey().text, e.getValue(), duration, deadline), loops))
                .toList();
        int lost = steps.stream().map(CompletableFuture::join).mapToInt(OpenLoop.Step::lost).sum();
        loops.shutdown();
        if (lost > 0) {
            Report.progress("warm-up: " + lost + " requests not answered in time");
        }
    }

    /** Sequential requests, unmeasured: JIT, consumer fetch sessions on every partition, lazily loaded models. */
    public void warmUp(List<Workload> workloads, int each) {
        for (Workload w : workloads) {
            for (int i = 0; i < each; i++) {
                client.chat(w.text, Map.of(), deadline);
            }
        }
    }

    /** One request at a time: e2e, model time (critical path) and the rest, plus where the rest went. */
    public record Overhead(Workload workload, String models, int ok, int failed, Summary e2e, Summary model,
            Summary overhead, Map<String, Double> hops, String shape) {
    }

    public Overhead overhead(Workload w, String models, int samples) throws Exception {
        List<Double> e2e = new ArrayList<>();
        List<Double> model = new ArrayList<>();
        List<Double> overhead = new ArrayList<>();
        List<Hops> hops = new ArrayList<>();
        int failed = 0;
        String shape = "";
        for (int i = 0; i < samples; i++) {
            ChatOutcome o = client.chat(w.text, Map.of(), deadline);
            if (!o.succeeded()) {
                failed++;
                if (failed <= 3) {
                    Report.progress(w.label + " (" + models + "): not all tasks succeeded: " + (o.problem() != null
                            ? o.problem() : o.tasks().stream().filter(t -> !"SUCCEEDED".equals(t.status()))
                                    .map(t -> t.task() + " " + t.status()).toList()));
                }
                continue;
            }
            shape = Dag.shape(o.tasks());
            e2e.add(o.e2eMillis());
            model.add(o.modelMillis());
            overhead.add(o.overheadMillis());
            hops.add(Hops.of(client.events(o.requestId()), o.sentAt(), o.answeredAt()));
        }
        return new Overhead(w, models, e2e.size(), failed, Summary.of(e2e), Summary.of(model), Summary.of(overhead),
                Hops.medians(hops), shape);
    }

    public void reportOverhead(List<Overhead> results) {
        Table table = new Table("request", "models", "plan", "ok / failed", "e2e p50", "model p50", "**overhead p50**",
                "overhead p95", "overhead p99", "overhead max");
        for (Overhead o : results) {
            table.row(o.workload().label, o.models(), o.shape(), o.ok() + " / " + o.failed(), o.e2e().p50(), o.model().p50(),
                    o.overhead().p50(), o.overhead().p95(), o.overhead().p99(), o.overhead().max());
        }
        report.table(table);
        report.line("");
        List<String> header = new ArrayList<>(List.of("where the time went (median ms)"));
        results.forEach(o -> header.add(o.workload().label + ", " + o.models()));
        Table hops = new Table(header.toArray(String[]::new));
        for (String name : Hops.NAMES) {
            List<Object> row = new ArrayList<>(List.of(name));
            results.forEach(o -> row.add(o.hops().get(name)));
            hops.row(row.toArray());
        }
        report.table(hops);
    }

    /** Makespan of the DAG, one request at a time. */
    public record Makespan(String executors, int ok, int failed, Summary criticalPath, Summary e2e, Summary taskSpan,
            int withinGoal) {
    }

    public Makespan makespan(String label, Workload w, int samples) {
        List<Double> cp = new ArrayList<>();
        List<Double> e2e = new ArrayList<>();
        List<Double> span = new ArrayList<>();
        int failed = 0;
        int within = 0;
        for (int i = 0; i < samples; i++) {
            ChatOutcome o = client.chat(w.text, Map.of(), deadline);
            if (!o.succeeded()) {
                failed++;
                continue;
            }
            double critical = o.modelMillis();
            cp.add(critical);
            e2e.add(o.e2eMillis());
            List<TaskTiming> tasks = o.tasks();
            java.time.Instant first = tasks.stream().map(TaskTiming::startedAt).min(java.util.Comparator.naturalOrder()).orElseThrow();
            java.time.Instant last = tasks.stream().map(TaskTiming::finishedAt).max(java.util.Comparator.naturalOrder()).orElseThrow();
            span.add(Duration.between(first, last).toNanos() / 1e6);
            if (o.e2eMillis() <= 1.05 * critical + 50) {
                within++;
            }
        }
        return new Makespan(label, e2e.size(), failed, Summary.of(cp), Summary.of(e2e), Summary.of(span), within);
    }

    public void reportMakespan(List<Makespan> results) {
        Table table = new Table("executors", "ok / failed", "critical path p50", "**makespan p50** (e2e)", "makespan p95",
                "p50 / critical path", "first task start → last task end p50", "requests within 1.05 × cp + 50 ms");
        for (Makespan m : results) {
            table.row(m.executors(), m.ok() + " / " + m.failed(), m.criticalPath().p50(), m.e2e().p50(), m.e2e().p95(),
                    String.format(java.util.Locale.ROOT, "%.2f", m.e2e().p50() / m.criticalPath().p50()), m.taskSpan().p50(),
                    m.withinGoal() + " of " + m.ok());
        }
        report.table(table);
    }

    /** Rising open-loop rates until one is not sustained; returns the knee (the highest sustained rate), 0 if none. */
    public double throughput(BenchStack stack, Workload w, List<Double> rates, Duration step, double maxP99) throws Exception {
        Table table = new Table("offered req/s", "sent", "done", "lost", "answered req/s", "p50 ms", "p95 ms", "p99 ms",
                "max ms", "sustained", "problems");
        double knee = 0;
        Map<String, Map<String, Double>> cpuPerRequest = new LinkedHashMap<>();
        for (double rate : rates) {
            Report.progress("throughput step: " + rate + " requests/s for " + step.toSeconds() + " s");
            Map<String, Double> cpuBefore = stack.cpuMillis();
            OpenLoop.Step s = OpenLoop.run(client, w.text, rate, step, deadline);
            Map<String, Double> cpuAfter = stack.cpuMillis();
            Map<String, Double> perRequest = new LinkedHashMap<>();
            cpuAfter.forEach((name, ms) -> perRequest.put(name, (ms - cpuBefore.getOrDefault(name, Double.NaN)) / s.sent()));
            perRequest.put("all", perRequest.values().stream().mapToDouble(Double::doubleValue).filter(v -> !Double.isNaN(v)).sum());
            cpuPerRequest.put(Table.format(rate) + " req/s", perRequest);
            boolean sustained = s.sustained(maxP99);
            table.row(rate, s.sent(), s.done(), s.lost(), s.achievedRate(), s.latency().p50(), s.latency().p95(),
                    s.latency().p99(), s.latency().max(), sustained ? "yes" : "**no**", s.problems().isEmpty() ? "" : s.problems());
            if (!sustained) {
                break;
            }
            knee = rate;
            Thread.sleep(3000);
        }
        report.table(table);
        report.line("");
        List<String> header = new ArrayList<>(List.of("CPU ms per request (user + system)"));
        header.addAll(cpuPerRequest.keySet());
        Table cpu = new Table(header.toArray(String[]::new));
        List<String> names = cpuPerRequest.values().iterator().next().keySet().stream().toList();
        for (String name : names) {
            List<Object> row = new ArrayList<>(List.of(name));
            cpuPerRequest.values().forEach(perStep -> row.add(perStep.get(name)));
            cpu.row(row.toArray());
        }
        report.table(cpu);
        report.line("");
        report.line("At " + Runtime.getRuntime().availableProcessors() + " cores, " + Table.format(1000.0 * Runtime.getRuntime().availableProcessors()
                + 0.0) + " CPU ms are available per second: the 'all' row bounds the rate this machine can sustain.");
        return knee;
    }
}
