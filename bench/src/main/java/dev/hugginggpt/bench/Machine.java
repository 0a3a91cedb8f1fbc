package dev.hugginggpt.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** What the benchmark ran on, for the report. */
public final class Machine {
    private Machine() {
    }

    public static String describe(Path root) {
        return "date " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                + "; CPU " + cpu() + ", " + Runtime.getRuntime().availableProcessors() + " cores; memory " + memory()
                + "; Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
                + "; commit " + commit(root) + "; load average " + load();
    }

    public static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String cpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String memory() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/meminfo"));
            long kb = Long.parseLong(lines.get(0).replaceAll("[^0-9]", ""));
            return String.format(java.util.Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String commit(Path root) {
        try {
            Process p = new ProcessBuilder("git", "-C", root.toString(), "rev-parse", "--short", "HEAD").start();
            String sha = new String(p.getInputStream().readAllBytes()).strip();
            Process dirty = new ProcessBuilder("git", "-C", root.toString(), "status", "--porcelain", "--untracked-files=no").start();
            boolean changed = !new String(dirty.getInputStream().readAllBytes()).isBlank();
            return sha + (changed ? " (with uncommitted changes)" : "");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
