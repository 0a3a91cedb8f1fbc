package dev.hugginggpt.executor.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The executor's own settings, {@code hg.executor.*}; application.properties names their environment variables. */
@ConfigMapping(prefix = "hg.executor")
public interface ExecutorConfig {
    /** This instance's name in heartbeats and task results (HG_EXECUTOR_ID); absent: "executor-" and 8 random hex digits. */
    Optional<String> instanceId();

    /**
     * TASK_STARTED is sent only for a task still running after this long (0: always, at once); a quicker task's result
     * says when it started and where.
     */
    @WithDefault("250ms")
    Duration startedEventDelay();

    /** The most pixels of an image a local model accepts, read from the file's header before any decoding. */
    @WithDefault("16000000")
    long maxImagePixels();

    /** The longest recording a local model accepts, in seconds, read from the file's header. */
    @WithDefault("600")
    double maxAudioSeconds();

    /** The characters of text a task result carries; the whole text goes to a text/plain file. */
    @WithDefault("100000")
    int maxOutputTextChars();

    /** The bytes of a remote service's answer read at most. */
    @WithDefault("33554432")
    long maxRemoteResponseBytes();

    /**
     * The models readied while the executor starts, before it reports ready: comma-separated model ids, "all" or
     * "none".
     */
    @WithDefault("none")
    String warmUp();

    /** Whether readiness also waits for the task consumer to have joined its group (off where there is no broker). */
    @WithDefault("true")
    boolean readyNeedsPartitions();
}
