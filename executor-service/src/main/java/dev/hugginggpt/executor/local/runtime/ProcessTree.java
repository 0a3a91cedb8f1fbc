package dev.hugginggpt.executor.local.runtime;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A started program and the processes it forked, remembered while it runs: a child left behind when the program ends
 * or is killed has a new parent, and the program's own handle no longer finds it.
 */
final class ProcessTree {
    private static final Duration REAPED = Duration.ofSeconds(2);
    private final Process program;
    private final Map<Long, ProcessHandle> seen = new LinkedHashMap<>();

    ProcessTree(Process program) {
        this.program = program;
    }

    /** Notes the program's descendants as they are now. */
    void look() {
        program.descendants().forEach(p -> seen.putIfAbsent(p.pid(), p));
    }

    /**
     * Kills the descendants first, so that none becomes an orphan that no one finds, again while new ones appear; then
     * the program, and waits until it is reaped.
     */
    void kill() {
        for (int round = 0; round < 5; round++) {
            int known = seen.size();
            look();
            seen.values().forEach(ProcessHandle::destroyForcibly);
            if (round > 0 && seen.size() == known) {
                break;
            }
        }
        program.descendants().forEach(ProcessHandle::destroyForcibly);
        program.destroyForcibly();
        try {
            program.waitFor(REAPED.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        killLeftovers();
    }

    /** Kills what the program forked and left running when it ended. */
    void killLeftovers() {
        seen.values().stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
