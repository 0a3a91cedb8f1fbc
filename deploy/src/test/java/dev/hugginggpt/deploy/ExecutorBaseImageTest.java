package dev.hugginggpt.deploy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The executor's base image installs the programs CI installs for the local models, and Jib builds on it. */
class ExecutorBaseImageTest {
    /** What .ci/run installs only for the benchmarks, the local launcher and the web UI test, not for the models. */
    static final Set<String> TOOLS_ONLY = Set.of("time", "bc", "chromium");

    @Test
    void baseImageHasEveryPackageTheLocalModelsNeed() throws IOException {
        String ci = Files.readString(OverlayConsistencyTest.ROOT.resolve(".ci/run"));
        var list = Pattern.compile("packages=\\(([^)]*)\\)").matcher(ci);
        assertTrue(list.find(), "the package list in .ci/run");
        Set<String> needed = new TreeSet<>(Arrays.asList(list.group(1).trim().split("\\s+")));
        needed.removeAll(TOOLS_ONLY);

        String dockerfile = Files.readString(Kustomize.K8S.resolve("executor-base/Dockerfile"));
        var install = Pattern.compile("apt-get install -y --no-install-recommends((?:[^&]|&(?!&))*)&&").matcher(dockerfile);
        assertTrue(install.find(), "the apt-get install in the Dockerfile");
        Set<String> installed = new TreeSet<>(Arrays.asList(install.group(1).replace("\\", " ").trim().split("\\s+")));
        Set<String> missing = new TreeSet<>(needed);
        missing.removeAll(installed);
        assertEquals(Set.of(), missing);
        assertTrue(installed.contains("openjdk-17-jre-headless"), "Jib's entrypoint runs java from the base image");
        assertTrue(dockerfile.contains("\nUSER 185\n"), "the uid the Deployments run as");
    }

    @Test
    void executorImageIsBuiltOnTheBaseImage() throws IOException {
        String pom = Files.readString(OverlayConsistencyTest.ROOT.resolve("executor-service/pom.xml"));
        assertTrue(pom.contains("<quarkus.jib.base-jvm-image>hugginggpt/executor-base:${project.version}</quarkus.jib.base-jvm-image>"));
    }
}
