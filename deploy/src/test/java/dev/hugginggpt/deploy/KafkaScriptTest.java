package dev.hugginggpt.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The embedded broker's launcher, deploy/local/kafka.sh, where it works without a JVM. */
class KafkaScriptTest {
    private static final Path SCRIPT = Path.of("local", "kafka.sh");

    /**
     * StorageTool's argument parser reads an id beginning with '-' as an option and refuses to format ("expected one
     * argument"): one broker start in 64 failed that way, with nothing in kafka.sh's own output. 400 draws meet such an
     * id with a probability of 99.8 % unless the script avoids it.
     */
    @Test
    void aClusterIdIsSixteenBytesInUrlSafeBase64AndNeverLooksLikeAnOption() throws Exception {
        Set<String> seen = new HashSet<>();
        for (String id : clusterIds(400)) {
            assertFalse(id.startsWith("-"), id);
            assertEquals(22, id.length(), id);
            assertEquals(16, Base64.getUrlDecoder().decode(id).length, id);
            seen.add(id);
        }
        assertEquals(400, seen.size(), "every id is fresh");
    }

    /** Runs the script's {@code cluster-id} command n times in one shell. */
    private static List<String> clusterIds(int n) throws IOException, InterruptedException {
        String loop = "for i in $(seq 1 " + n + "); do bash '" + SCRIPT.toAbsolutePath() + "' cluster-id; done";
        Process shell = new ProcessBuilder("bash", "-c", loop).redirectErrorStream(true).start();
        String out = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, shell.waitFor(), out);
        return out.lines().toList();
    }
}
