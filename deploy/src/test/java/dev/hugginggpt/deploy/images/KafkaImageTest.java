package dev.hugginggpt.deploy.images;

import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
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
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KafkaImageTest {
    @TempDir
    Path root;

    /** The parts of a repository the Kafka image is made of: the broker's jars, the launcher, the logging settings. */
    private void repository() throws IOException {
        for (String file : List.of("deploy/target/kafka-libs/kafka_2.13-4.1.2.jar", "deploy/target/kafka-libs/kafka-clients-4.1.2.jar",
                "deploy/target/classes/dev/hugginggpt/deploy/kafka/KafkaNode.class",
                "deploy/target/classes/dev/hugginggpt/deploy/images/ServiceImages.class",
                "deploy/images/kafka-log4j2.properties")) {
            Files.createDirectories(root.resolve(file).getParent());
            Files.writeString(root.resolve(file), file);
        }
    }

    @Test
    void theBrokerRunsFromTheMavenJarsWithTheLauncherAsTheServiceUserWithItsDataInAVolume() throws IOException {
        repository();
        ContainerBuildPlan plan = KafkaImage.container(root, root.resolve("jre.tar"), "1.2.3", "abc").toContainerBuildPlan();

        assertEquals(KafkaImage.ENTRYPOINT, plan.getEntrypoint());
        assertEquals("dev.hugginggpt.deploy.kafka.KafkaNode", plan.getEntrypoint().get(plan.getEntrypoint().size() - 1));
        assertEquals(Set.of(Port.tcp(9092), Port.tcp(9093)), plan.getExposedPorts());
        assertEquals(Set.of(AbsoluteUnixPath.get("/var/lib/kafka")), plan.getVolumes());
        assertEquals("185", plan.getUser());
        List<FileEntry> entries = plan.getLayers().stream().map(FileEntriesLayer.class::cast)
                .flatMap(l -> l.getEntries().stream()).toList();
        List<String> paths = entries.stream().map(e -> e.getExtractionPath().toString()).toList();
        assertTrue(paths.containsAll(List.of("/opt/kafka/libs/kafka_2.13-4.1.2.jar", "/opt/kafka/libs/kafka-clients-4.1.2.jar",
                "/opt/kafka/launcher/dev/hugginggpt/deploy/kafka/KafkaNode.class", "/opt/kafka/log4j2.properties")), paths.toString());
        assertTrue(paths.stream().noneMatch(p -> p.contains("ServiceImages")), "only the launcher's package: " + paths);
        FileEntry data = entries.stream().filter(e -> e.getExtractionPath().toString().equals("/var/lib/kafka")).findFirst().orElseThrow();
        assertEquals("185:185", data.getOwnership());
    }

    @Test
    void withoutTheBrokersJarsItSaysWhatToBuild() {
        IOException e = assertThrows(IOException.class, () -> KafkaImage.container(root, root.resolve("jre.tar"), "1", "r"));
        assertTrue(e.getMessage().contains("mvn -pl deploy package"), e.getMessage());
    }
}
