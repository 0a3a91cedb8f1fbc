package dev.hugginggpt.executor.bench;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** The benchmark's stand-in models, {@code hg.bench.*} (HG_BENCH_MODELS, HG_BENCH_DELAY_MS, ...); see {@link BenchBackend}. */
@ConfigMapping(prefix = "hg.bench")
public interface BenchConfig {
    /** true: this executor offers only the stand-ins, never a real model. */
    @WithDefault("false")
    boolean models();

    /** How long each stand-in takes, in milliseconds. */
    @WithDefault("0")
    long delayMs();

    /** The task types offered; absent or empty: all of them. */
    Optional<List<String>> tasks();

    /** Stand-ins per task type, so that a task has several candidates, as a catalog gives it. */
    @WithDefault("1")
    int variants();
}
