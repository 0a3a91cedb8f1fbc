package dev.hugginggpt.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load: requests leave at a fixed rate whether or not earlier ones have been answered (as independent
 * users would send them), and each one's latency counts from when it was due, so a stalled server cannot hide its
 * queue from the numbers (no coordinated omission).
 */
public final class OpenLoop {
    private OpenLoop() {
    }

    /** What one rate step gave. {@code lost}: not answered DONE within the deadline (errors, 429s, timeouts, FAILED). */
    public record Step(double offeredRate, int sent, int done, int lost, double achievedRate, Summary latency,
            Map<String, Integer> problems) {

        /** Sustained: nothing lost, the answers kept up with the offered rate, and latency did not run away. */
        public boolean sustained(double maxP99Millis) {
            return lost == 0 && achievedRate >= 0.95 * offeredRate && latency.p99() <= maxP99Millis;
        }
    }

    public static Step run(GatewayClient client, String text, double rate, Duration duration, Duration deadline) {
        int count = Math.max(1, (int) Math.round(rate * duration.toNanos() / 1e9));
        long period = (long) (1e9 / rate);
        long start = System.nanoTime() + 20_000_000L;
        List<CompletableFuture<ChatOutcome>> pending = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long due = start + i * period;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            pending.add(client.chat(text, Map.of(), due, deadline));
        }
        List<ChatOutcome> outcomes = pending.stream().map(CompletableFuture::join).toList();
        return summarize(rate, outcomes);
    }

    /** {@code outcomes} in the order they were due, one every 1/rate s. */
    static Step summarize(double rate, List<ChatOutcome> outcomes) {
        List<Double> latencies = new ArrayList<>();
        Map<String, Integer> problems = new LinkedHashMap<>();
        double lastAnswerMillis = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            ChatOutcome o = outcomes.get(i);
            if (o.done()) {
                latencies.add(o.e2eMillis());
                lastAnswerMillis = Math.max(lastAnswerMillis, i * 1000.0 / rate + o.e2eMillis());
            } else {
                problems.merge(o.problem(), 1, Integer::sum);
            }
        }
        // the answers' rate: requests done over the time from the first due send to the last answer
        double achieved = latencies.isEmpty() ? 0 : latencies.size() / (lastAnswerMillis / 1000.0);
        return new Step(rate, outcomes.size(), latencies.size(), outcomes.size() - latencies.size(), achieved,
                Summary.of(latencies), problems);
    }
}
