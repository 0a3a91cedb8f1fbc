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
            "6 tasks, 6 levels, width 1"),
    REAL_DAG_6("6-task DAG (local models)", "Read 'Barack Obama visited Paris with Angela Merkel.' aloud, then transcribe the"
            + " recording and translate the transcript into Spanish. Find the named entities in 'Barack Obama visited Paris"
            + " with Angela Merkel.'. Summarize 'Barack Obama visited Paris with Angela Merkel.'. Tell me what language"
            + " 'Barack Obama visited Paris with Angela Merkel.' is.", "6 tasks, 3 levels, width 4");

    public final String label;
    public final String text;
    public final String expectedShape;

    Workload(String label, String text, String expectedShape) {
        this.label = label;
        this.text = text;
        this.expectedShape = expectedShape;
    }

    /** The requests measured on stand-in models. */
    public static List<Workload> standIns() {
        return List.of(ONE_TASK, DAG_6, CHAIN_6);
    }

    /**
     * What the local (real) models can serve: {@link #DAG_6} starts with text-to-image, which no offline model does, so
     * the real models get a DAG of the same shape on text and speech (espeak-ng, pocketsphinx, Apertium, Stanford NER,
     * ots, MiniLM).
     */
    public static List<Workload> realModels() {
        return List.of(ONE_TASK, REAL_DAG_6, CHAIN_6);
    }
}
