package dev.hugginggpt.deploy.images;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The executor image has the programs CI tests the local models with: .ci/run and base.sh both install
 * the one list, deploy/images/executor-packages.
 */
class ExecutorPackagesTest {
    static final Path ROOT = Path.of(System.getProperty("hg.k8s.dir", "k8s")).toAbsolutePath().getParent().getParent();
    static final String LIST = "deploy/images/executor-packages";
    /** What .ci/run installs only for the benchmarks, the local launcher and the web UI test, not for the models. */
    static final Set<String> TOOLS_ONLY = Set.of("time", "bc", "chromium");

    @Test
    void ciAndTheExecutorBaseInstallTheSameList() throws IOException {
        String ci = Files.readString(ROOT.resolve(".ci/run"));
        String base = Files.readString(ROOT.resolve("deploy/images/base.sh"));
        assertTrue(ci.contains("mapfile -t packages < <(grep -Ev '^[[:space:]]*(#|$)' " + LIST + ")"), ".ci/run reads " + LIST);
        assertTrue(base.contains("mapfile -t model_packages < <(grep -Ev '^[[:space:]]*(#|$)' \"$here/executor-packages\")"),
                "base.sh reads " + LIST);
        assertTrue(base.contains("apt-get install -y -qq --no-install-recommends \"${model_packages[@]}\""),
                "base.sh installs them in the executor base");
    }

    @Test
    void theListNamesTheModelProgramsAndNoTestTool() throws IOException {
        List<String> packages = Files.readAllLines(ROOT.resolve(LIST)).stream()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        for (String program : List.of("espeak-ng", "flite", "pocketsphinx", "tesseract-ocr", "apertium", "sox", "ots")) {
            assertTrue(packages.contains(program), program);
        }
        assertFalse(packages.stream().anyMatch(TOOLS_ONLY::contains), "test tools stay out of the image");
    }
}
