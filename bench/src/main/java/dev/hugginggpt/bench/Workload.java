package dev.hugginggpt.bench;

import java.util.List;

/**
 * The requests the benchmark sends. Their plans come from the real embedded planner; the benchmark checks the
 * shape it gets (POST /v1/plan) before measuring and says so when the planner plans them differently.
 */
public enum Workload {
    ONE_TASK("1-task", "What language is this: 'Bonjour tout le monde'?", "1 task, 1 level, width 1"),
    DAG_6("6-task DAG", "Draw a picture of a red cat, then describe it, detect the objects in it, classify it and tell me"
            + " what color the cat is, and read the answer aloud.", "6 tasks, 3 levels, width 4"),
    CHAIN_6("6-task chain", "Read 'the quick brown fox jumps over the lazy dog' aloud, then transcribe the recording,"
            + " translate the transcript into Spanish, summarize it, tag its parts of speech and tell me what language it is.",
            "6 tasks, 6 levels, width 1");

    public final String label;
    public final String text;
    public final String expectedShape;

    Workload(String label, String text, String expectedShape) {
        this.label = label;
        this.text = text;
        this.expectedShape = expectedShape;
    }

    /** What the local (real) models can serve: the DAG starts with text-to-image, which no offline model does. */
    public static List<Workload> realModels() {
        return List.of(ONE_TASK, CHAIN_6);
    }
}
