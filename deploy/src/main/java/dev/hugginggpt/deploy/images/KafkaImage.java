package dev.hugginggpt.deploy.images;

import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.Port;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The Kafka image: the broker's jars from Maven Central (deploy/target/kafka-libs, as deploy/local/kafka.sh runs
 * them) on the jre base image, started by {@code dev.hugginggpt.deploy.kafka.KafkaNode}, one KRaft node configured from
 * its environment (node id, roles, quorum voters, topics). Data in the volume /var/lib/kafka, owned by the image's user.
 */
public final class KafkaImage {
    public static final String NAME = "kafka";
    public static final AbsoluteUnixPath HOME = AbsoluteUnixPath.get("/opt/kafka");
    public static final String LAUNCHER = "dev.hugginggpt.deploy.kafka.KafkaNode";
    /** The heap follows the container's memory limit, as the services' does; JAVA_TOOL_OPTIONS adds options. */
    public static final List<String> ENTRYPOINT = List.of("java", "-XX:MaxRAMPercentage=50", "-XX:+ExitOnOutOfMemoryError",
            "-Djava.awt.headless=true", "-Dlog4j2.configurationFile=/opt/kafka/log4j2.properties",
            "-cp", "/opt/kafka/launcher:/opt/kafka/libs/*", LAUNCHER);

    private KafkaImage() {
    }

    public static String image(String version) {
        return "hugginggpt/" + NAME + ":" + version;
    }

    /**
     * The image from the broker's jars, the launcher's classes (deploy/target/classes) and the logging configuration,
     * on the jre base image tarball.
     */
    public static JibContainerBuilder container(Path root, Path baseTar, String version, String revision) throws IOException {
        Path libs = root.resolve("deploy/target/kafka-libs");
        Path classes = root.resolve("deploy/target/classes");
        Path launcherPackage = classes.resolve(LAUNCHER.substring(0, LAUNCHER.lastIndexOf('.')).replace('.', '/'));
        if (!Files.isDirectory(libs) || !Files.isDirectory(launcherPackage)) {
            throw new IOException("no " + libs + " or " + launcherPackage + "; run mvn -pl deploy package");
        }
        FileEntriesLayer.Builder jars = FileEntriesLayer.builder().setName("kafka-libs");
        try (Stream<Path> files = Files.list(libs)) {
            for (Path jar : files.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                jars.addEntry(jar, HOME.resolve("libs/" + jar.getFileName()));
            }
        }
        FileEntriesLayer.Builder launcher = FileEntriesLayer.builder().setName("launcher");
        try (Stream<Path> files = Files.list(launcherPackage)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                launcher.addEntry(file, HOME.resolve("launcher/" + classes.relativize(file)));
            }
        }
        launcher.addEntry(root.resolve("deploy/images/kafka-log4j2.properties"), HOME.resolve("log4j2.properties"));
        Path empty = Files.createTempDirectory("kafka-image");
        empty.toFile().deleteOnExit();
        List<FileEntriesLayer> layers = new ArrayList<>(List.of(jars.build(), launcher.build(),
                FileEntriesLayer.builder().setName("data").addEntry(empty, AbsoluteUnixPath.get("/var/lib/kafka"),
                        FilePermissions.DEFAULT_FOLDER_PERMISSIONS, FileEntriesLayer.DEFAULT_MODIFICATION_TIME,
                        ServiceImages.USER + ":" + ServiceImages.USER).build()));
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("org.opencontainers.image.title", NAME);
        labels.put("org.opencontainers.image.version", version);
        labels.put("org.opencontainers.image.revision", revision);
        return Jib.from(TarImage.at(baseTar))
                .setFileEntriesLayers(layers)
                .setEntrypoint(ENTRYPOINT)
                .setExposedPorts(Port.tcp(9092), Port.tcp(9093))
                .addVolume(AbsoluteUnixPath.get("/var/lib/kafka"))
                .setUser(ServiceImages.USER)
                .setWorkingDirectory(HOME)
                .setLabels(labels);
    }
}
