package dev.hugginggpt.deploy.images;

import com.google.cloud.tools.jib.api.buildplan.ContainerBuildPlan;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FileEntry;
import com.google.cloud.tools.jib.api.buildplan.Port;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceImagesTest {
    @TempDir
    Path dir;

    /** A small target/quarkus-app as the Quarkus build lays it out. */
    private Path fastJar() throws IOException {
        Path app = dir.resolve("quarkus-app");
        for (String file : List.of("lib/boot/io.quarkus.quarkus-bootstrap-runner-3.33.2.jar",
                "lib/main/io.vertx.vertx-core-4.5.27.jar", "lib/main/dev.hugginggpt.protocol-0.1.0-SNAPSHOT.jar",
                "lib/main/com.fasterxml.jackson.core.jackson-core-2.21.2.jar", "quarkus-run.jar",
                "quarkus/generated-bytecode.jar", "quarkus/quarkus-application.dat",
                "app/gateway-0.1.0-SNAPSHOT.jar", "quarkus-app-dependencies.txt")) {
            Files.createDirectories(app.resolve(file).getParent());
            Files.writeString(app.resolve(file), file);
        }
        return app;
    }

    private static List<String> paths(FileEntriesLayer layer) {
        return layer.getEntries().stream().map(e -> e.getExtractionPath().toString()).toList();
    }

    @Test
    void layersGoFromTheLeastToTheMostOftenChanged() throws IOException {
        List<FileEntriesLayer> layers = ServiceImages.layers(fastJar());

        assertEquals(List.of("lib/boot", "lib/main", "quarkus-run.jar", "lib/main dev.hugginggpt.*", "quarkus", "app"),
                layers.stream().map(FileEntriesLayer::getName).toList());
        assertEquals(List.of("/deployments", "/deployments/lib/boot",
                "/deployments/lib/boot/io.quarkus.quarkus-bootstrap-runner-3.33.2.jar"), paths(layers.get(0)));
        assertEquals(List.of("/deployments", "/deployments/lib/main/com.fasterxml.jackson.core.jackson-core-2.21.2.jar",
                "/deployments/lib/main/io.vertx.vertx-core-4.5.27.jar"), paths(layers.get(1)));
        assertEquals(List.of("/deployments", "/deployments/quarkus-run.jar"), paths(layers.get(2)));
        assertEquals(List.of("/deployments", "/deployments/lib/main/dev.hugginggpt.protocol-0.1.0-SNAPSHOT.jar"),
                paths(layers.get(3)));
        assertEquals(List.of("/deployments", "/deployments/quarkus", "/deployments/quarkus/generated-bytecode.jar",
                "/deployments/quarkus/quarkus-application.dat"), paths(layers.get(4)));
        assertEquals(List.of("/deployments", "/deployments/app", "/deployments/app/gateway-0.1.0-SNAPSHOT.jar"),
                paths(layers.get(5)));
    }

    @Test
    void deploymentsStaysTheServiceUsersAndEverythingElseRoots() throws IOException {
        for (FileEntriesLayer layer : ServiceImages.layers(fastJar())) {
            for (FileEntry entry : layer.getEntries()) {
                boolean appDir = entry.getExtractionPath().toString().equals("/deployments");
                assertEquals(appDir ? "185:185" : "", entry.getOwnership(), entry.getExtractionPath().toString());
                assertEquals(Files.isDirectory(entry.getSourceFile()) ? "755" : "644",
                        entry.getPermissions().toOctalString(), entry.getExtractionPath().toString());
            }
        }
    }

    @Test
    void somethingOtherThanAFastJarIsRefused() throws IOException {
        Path app = fastJar();
        Files.createDirectories(app.resolve("lib/deployment"));
        IOException e = assertThrows(IOException.class, () -> ServiceImages.layers(app));
        assertTrue(e.getMessage().contains("lib/deployment"), e.getMessage());
    }

    @Test
    void imageConfigurationRunsTheServiceAsUser185() throws IOException {
        var executor = ServiceImages.SERVICES.get(3);
        ContainerBuildPlan plan = ServiceImages.container(executor, fastJar(), dir.resolve("executor.tar"),
                "1.2.3", "abc123").toContainerBuildPlan();

        assertEquals(List.of("java", "-XX:MaxRAMPercentage=70", "-XX:+ExitOnOutOfMemoryError", "-jar",
                "/deployments/quarkus-run.jar"), plan.getEntrypoint());
        assertEquals(Set.of(Port.tcp(8083), Port.tcp(9083)), plan.getExposedPorts());
        assertEquals("185", plan.getUser());
        assertEquals("/deployments", plan.getWorkingDirectory().toString());
        assertEquals(Map.of("org.opencontainers.image.title", "executor-service",
                "org.opencontainers.image.version", "1.2.3",
                "org.opencontainers.image.revision", "abc123"), plan.getLabels());
        assertEquals(6, plan.getLayers().size());
    }

    @Test
    void onlyTheExecutorRunsOnTheExecutorBase() {
        assertEquals(List.of("executor-service"), ServiceImages.SERVICES.stream()
                .filter(s -> s.base().equals("executor")).map(ServiceImages.Service::name).toList());
        assertEquals("hugginggpt/gateway:1.2.3", ServiceImages.SERVICES.get(0).image("1.2.3"));
    }
}
