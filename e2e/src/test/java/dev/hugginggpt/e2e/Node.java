package dev.hugginggpt.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** What a Node.js program (an e2e/node test script, or the command line) printed, and its exit code. */
record Node(int exit, String output) {
    private static final List<String> PACKAGES = List.of("openai", "playwright-core", "eventsource", "openapi-fetch",
            "openapi-typescript", "typescript", "@redocly/cli", "ai", "@ai-sdk/openai", "zod");

    /** Runs one of e2e/node's test scripts against the stack; installs its locked packages on first use. */
    static Node script(Stack stack, String script, Map<String, String> env) throws Exception {
        Path dir = stack.root.resolve("e2e/node");
        boolean installed = PACKAGES.stream().allMatch(p -> Files.isDirectory(dir.resolve("node_modules").resolve(p)));
        if (!installed) {
            Node install = run(stack, dir, List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), Duration.ofMinutes(5));
            assertEquals(0, install.exit(), "npm ci in e2e/node failed:\n" + install.output());
        }
        Map<String, String> all = new HashMap<>(env);
        all.put("GATEWAY_URL", stack.gateway());
        all.put("API_KEY", Stack.API_KEY);
        return run(stack, dir, List.of("node", script), all, Duration.ofMinutes(6));
    }

    /** Runs a command in {@code dir}, its output (stdout and stderr) logged in the stack's data directory. */
    static Node run(Stack stack, Path dir, List<String> command, Map<String, String> env, Duration limit) throws Exception {
        Path log = Files.createTempFile(stack.data, "node", ".log");
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            return new Node(-1, "timed out after " + limit + ":\n" + Files.readString(log));
        }
        String output = Files.readString(log);
        System.out.println(output);
        return new Node(process.exitValue(), output);
    }
}
