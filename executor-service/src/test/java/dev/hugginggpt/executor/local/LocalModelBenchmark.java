package dev.hugginggpt.executor.local;

import dev.hugginggpt.protocol.resources.ResourceStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark of every installed local model, each in a fresh JVM: load time, median latency over a few inputs, and
 * peak memory. Packaged programs: the largest peak RSS of the program (GNU time). In-process models: the growth of
 * this JVM's peak RSS from just before loading (VmHWM after resetting it, minus VmRSS then), heap and native alike.
 * Run with executor-service/benchmark.sh; prints a Markdown table.
 */
public final class LocalModelBenchmark {
    private static final Duration TIME = Duration.ofSeconds(120);

    public static void main(String[] args) throws Exception {
        if (args.length == 1) {
            System.out.println("RESULT\t" + measure(args[0]));
            return;
        }
        Path scratch = Files.createTempDirectory("hg-bench");
        System.out.printf("| model | task | runs as | load (ms) | median latency (ms) | inputs | peak memory (MiB) |%n");
        System.out.printf("|---|---|---|---|---|---|---|%n");
        for (LocalModel model : LocalBackend.all(new ResourceStore(scratch), MediaLimits.DEFAULTS)) {
            if (model.available()) {
                System.out.println(inFreshJvm(model.card().id()));
            }
        }
    }

    private static String inFreshJvm(String modelId) throws IOException, InterruptedException {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                LocalModelBenchmark.class.getName(), modelId).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String row = "| " + modelId + " | failed | | | | | |";
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("RESULT\t")) {
                    row = line.substring(7);
                }
            }
        }
        child.waitFor();
        return row;
    }

    private static String measure(String modelId) throws Exception {
        ResourceStore store = new ResourceStore(Files.createTempDirectory("hg-bench"));
        LocalModel model = LocalBackend.all(store, MediaLimits.DEFAULTS).stream().filter(m -> m.card().id().equals(modelId)).findFirst()
                .orElseThrow();
        List<Map<String, String>> inputs = inputs(model.card().task(), modelId, store);
        AtomicLong programPeakKib = new AtomicLong(-1);
        Programs.measurePeakMemory(kib -> programPeakKib.accumulateAndGet(kib, Math::max));
        Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        long rssBefore = procStatusKib("VmRSS");
        long start = System.nanoTime();
        model.load();
        double loadMs = (System.nanoTime() - start) / 1e6;
        double[] latencies = new double[inputs.size()];
        for (int i = 0; i < inputs.size(); i++) {
            long t = System.nanoTime();
            model.run(inputs.get(i), TIME);
            latencies[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(latencies);
        double median = latencies[latencies.length / 2];
        boolean program = programPeakKib.get() >= 0;
        long peakKib = program ? programPeakKib.get() : procStatusKib("VmHWM") - rssBefore;
        return String.format("| %s | %s | %s | %s | %.0f | %d | %.0f |", modelId, model.card().task(),
                program ? "program (peak RSS of the program)" : "in JVM (peak RSS growth)",
                program ? "-" : String.format("%.0f", loadMs), median, inputs.size(), peakKib / 1024.0);
    }

    private static long procStatusKib(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("\\D+", ""));
            }
        }
        throw new IOException(field + " not in /proc/self/status");
    }

    private static final List<String> SENTENCES = List.of(
            "The weather was lovely, so we walked along the river after lunch.",
            "Please send me the report before the meeting on Thursday.",
            "This restaurant serves the worst pizza I have ever eaten.",
            "The new library opens next month with a large collection of children's books.",
            "Scientists found water ice near the south pole of the moon.");

    private static List<Map<String, String>> inputs(String task, String modelId, ResourceStore store) throws Exception {
        List<Map<String, String>> inputs = new ArrayList<>();
        switch (task) {
            case "automatic-speech-recognition" -> {
                for (String sentence : SENTENCES.subList(0, 3)) {
                    Path wav = Files.createTempFile("hg-bench", ".wav");
                    Programs.run(List.of("flite", "-voice", "slt", "-t", sentence, "-o", wav.toString()), null, TIME);
                    inputs.add(Map.of("audio", store.save(wav, "speech.wav", "audio/wav").id()));
                }
            }
            case "image-to-text" -> {
                for (String sentence : SENTENCES.subList(0, 3)) {
                    inputs.add(Map.of("image", Fixtures.textImage(store, sentence.substring(0, 30), sentence.substring(30))));
                }
            }
            case "object-detection" -> {
                if (modelId.equals("local/ssd-mobilenet-v2-coco")) {
                    // real photographs: a footballer and a ball, a cup on a table, a cat
                    for (String photo : List.of("messi5.jpg", "coffee.png", "chelsea.png")) {
                        inputs.add(Map.of("image", TestPhotos.save(store, photo)));
                    }
                } else if (modelId.equals("local/opencv-hog-people")) {
                    // real photographs (testkit/test-photos.sh): a standing man, a cup, a bending cameraman
                    for (String photo : List.of("basketball1.png", "coffee.png", "camera.png")) {
                        inputs.add(Map.of("image", TestPhotos.save(store, photo)));
                    }
                } else {
                    inputs.add(Map.of("image", Fixtures.faceImage(store)));
                    inputs.add(Map.of("image", Fixtures.rectangleImage(store)));
                    inputs.add(Map.of("image", Fixtures.textImage(store, SENTENCES.get(0).substring(0, 30))));
                }
            }
            case "image-to-image" -> {
                String photo = TestPhotos.save(store, "coffee.png");
                for (String instruction : List.of("make it black and white", "rotate it left, then mirror it", "sharpen it",
                        "cartoon", "remove the noise")) {
                    inputs.add(Map.of("image", photo, "text", instruction));
                }
            }
            case "audio-to-audio" -> {
                // spoken sentences with half a second of silence around them, white noise mixed in
                for (String sentence : SENTENCES.subList(0, 3)) {
                    Path speech = Files.createTempFile("hg-bench", ".wav");
                    Path padded = Files.createTempFile("hg-bench", ".wav");
                    Path noise = Files.createTempFile("hg-bench", ".wav");
                    Path noisy = Files.createTempFile("hg-bench", ".wav");
                    Programs.run(List.of("flite", "-voice", "slt", "-t", sentence, "-o", speech.toString()), null, TIME);
                    Programs.run(List.of("sox", speech.toString(), padded.toString(), "pad", "0.5", "0.5"), null, TIME);
                    String seconds = Programs.run(List.of("soxi", "-D", padded.toString()), null, TIME).strip();
                    Programs.run(List.of("sox", "-n", "-r", "16000", "-c", "1", "-b", "16", noise.toString(), "synth", seconds,
                            "whitenoise", "vol", "0.05"), null, TIME);
                    Programs.run(List.of("sox", "-m", "-v", "1", padded.toString(), "-v", "1", noise.toString(),
                            noisy.toString()), null, TIME);
                    inputs.add(Map.of("audio", store.save(noisy, "noisy.wav", "audio/wav").id()));
                }
            }
            case "canny-control", "mlsd-control" -> {
                inputs.add(Map.of("image", Fixtures.faceImage(store)));
                inputs.add(Map.of("image", Fixtures.rectangleImage(store)));
                inputs.add(Map.of("image", Fixtures.textImage(store, SENTENCES.get(0).substring(0, 30))));
            }
            case "openpose-control", "image-segmentation" -> {
                for (String photo : List.of("astronaut.png", "camera.png", "coffee.png")) {
                    inputs.add(Map.of("image", TestPhotos.save(store, photo)));
                }
            }
            case "sentence-similarity" -> {
                for (int i = 0; i < SENTENCES.size(); i++) {
                    inputs.add(Map.of("text", SENTENCES.get(i), "text2", SENTENCES.get((i + 1) % SENTENCES.size())));
                }
            }
            case "zero-shot-classification" -> SENTENCES.forEach(s -> inputs.add(Map.of("text", s,
                    "labels", "weather, work, food, education, science")));
            case "question-answering" -> {
                String context = String.join(" ", SENTENCES);
                for (String q : List.of("When is the meeting?", "What did scientists find?", "What is the pizza like?",
                        "When does the library open?", "Where did we walk?")) {
                    inputs.add(Map.of("question", q, "context", context));
                }
            }
            case "summarization" -> {
                for (int i = 0; i < 3; i++) {
                    inputs.add(Map.of("text", String.join(" ", SENTENCES) + " " + String.join(" ", SENTENCES.subList(i, 5))));
                }
            }
            default -> SENTENCES.forEach(s -> inputs.add(Map.of("text", s)));
        }
        return inputs;
    }
}
