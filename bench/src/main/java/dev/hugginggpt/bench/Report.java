package dev.hugginggpt.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Prints the benchmark's output as it goes and keeps a copy in a Markdown file (rewritten after every section). */
public final class Report {
    private final Path file;
    private final StringBuilder text = new StringBuilder();

    public Report(Path file) {
        this.file = file;
    }

    public synchronized void section(String title) {
        add("\n## " + title + "\n");
    }

    public synchronized void line(String line) {
        add(line + "\n");
    }

    public synchronized void table(Table table) {
        add(table.toString());
    }

    private void add(String s) {
        System.out.print(s);
        System.out.flush();
        text.append(s);
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, text);
        } catch (IOException e) {
            System.err.println("cannot write the report to " + file + ": " + e.getMessage());
        }
    }

    /** Progress that goes to the terminal only. */
    public static void progress(String message) {
        System.err.println("... " + message);
    }
}
