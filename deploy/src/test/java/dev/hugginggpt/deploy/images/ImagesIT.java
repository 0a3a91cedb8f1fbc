package dev.hugginggpt.deploy.images;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The container images for real, only in the images profile (mvn verify -Pimages, as .ci/run runs it):
 * deploy/images/build.sh makes the Debian base images, the four service images and the Kafka image; smoke.sh loads
 * them into Docker, brings deploy/compose/compose.yaml up, sends a request through it and takes it down. Needs root
 * or sudo (the base images) and a Docker engine (.ci/run starts one when none answers). e2e's ContainersIT then runs
 * the same images with Testcontainers.
 */
class ImagesIT {
    static final Path ROOT = Path.of(System.getProperty("hg.root", "..")).toAbsolutePath().normalize();

    @Test
    void theImagesBuildAndTheComposeProjectAnswersARequest() throws Exception {
        run("deploy/images/build.sh", 40);
        run("deploy/images/smoke.sh", 15);
    }

    /** Runs a script, its output shown line by line (the test runner's console, not the raw stream). */
    private static void run(String script, int minutes) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(ROOT.resolve(script).toString())
                .directory(ROOT.toFile()).redirectErrorStream(true).start();
        Thread echo = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(line -> System.out.println(script + ": " + line));
            } catch (IOException ignored) {
                // the process ended
            }
        });
        echo.start();
        boolean ended = process.waitFor(minutes, TimeUnit.MINUTES);
        if (!ended) {
            process.destroy(); // SIGTERM: the script's trap stops what it started
            process.waitFor(2, TimeUnit.MINUTES);
        }
        echo.join(10_000);
        assertTrue(ended, script + " did not finish in " + minutes + " minutes");
        assertEquals(0, process.exitValue(), script + " failed");
    }
}
