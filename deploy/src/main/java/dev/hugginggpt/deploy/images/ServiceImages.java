package dev.hugginggpt.deploy.images;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.CredentialRetriever;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.Port;
import com.google.cloud.tools.jib.frontend.CredentialRetrieverFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Builds the four service images with Jib from the Quarkus fast-jar directories, on the base image
 * tarballs that deploy/images/base.sh makes, with no container engine and no registry:
 * <pre>
 *   ServiceImages --root REPO --bases DIR --out DIR [--push REGISTRY] [SERVICE...]
 * </pre>
 * writes OUT/SERVICE.tar (docker-archive, named hugginggpt/SERVICE:VERSION, for docker/podman load),
 * or with --push sends REGISTRY/hugginggpt/SERVICE:VERSION to a registry (credentials from the Docker
 * configuration, ~/.docker/config.json, as `docker login` writes them).
 */
public final class ServiceImages {

    /**
     * A service: its module (and image) name, its API port, the port of its management interface (health checks and
     * metrics) and the base image it runs on.
     */
    public record Service(String name, int port, int managementPort, String base) {
        /** The name the Kubernetes manifests pull. */
        public String image(String version) {
            return "hugginggpt/" + name + ":" + version;
        }
    }

    public static final List<Service> SERVICES = List.of(
            new Service("gateway", 8080, 9080, "jre"),
            new Service("planner-service", 8081, 9081, "jre"),
            new Service("selector-service", 8082, 9082, "jre"),
            new Service("executor-service", 8083, 9083, "executor"));

    public static final AbsoluteUnixPath APP_DIR = AbsoluteUnixPath.get("/deployments");
    /** The uid (and gid) the base images create and the Deployments run as. */
    public static final String USER = "185";
    /** The heap follows the container's memory limit; an OutOfMemoryError restarts the container. */
    public static final List<String> ENTRYPOINT = List.of(
            "java", "-XX:MaxRAMPercentage=70", "-XX:+ExitOnOutOfMemoryError", "-jar", "/deployments/quarkus-run.jar");

    private static final String PROJECT_JAR_PREFIX = "dev.hugginggpt.";
    /** Written by the Quarkus build, read by nothing at run time. */
    private static final String DEPENDENCY_LIST = "quarkus-app-dependencies.txt";

    private ServiceImages() {}

    /**
     * The fast-jar directory (target/quarkus-app) as layers under /deployments, those that change least
     * often first: the boot class path, the dependencies, the launcher jar, this project's own modules
     * (lib/main/dev.hugginggpt.*), the classes Quarkus generates, the application jar. Files belong to
     * root and are read-only for the service; /deployments stays the service user's, as in the base image
     * (every layer carries it, since a layer that names a directory sets its owner).
     */
    public static List<FileEntriesLayer> layers(Path quarkusApp) throws IOException {
        checkFastJar(quarkusApp);
        List<Path> dependencies = new ArrayList<>();
        List<Path> projectModules = new ArrayList<>();
        try (Stream<Path> jars = Files.list(quarkusApp.resolve("lib/main"))) {
            jars.sorted().forEach(jar -> (jar.getFileName().toString().startsWith(PROJECT_JAR_PREFIX)
                    ? projectModules : dependencies).add(jar));
        }
        return List.of(
                layer("lib/boot", quarkusApp).addEntryRecursive(quarkusApp.resolve("lib/boot"), APP_DIR.resolve("lib/boot")).build(),
                files(layer("lib/main", quarkusApp), quarkusApp, dependencies),
                files(layer("quarkus-run.jar", quarkusApp), quarkusApp, List.of(quarkusApp.resolve("quarkus-run.jar"))),
                files(layer("lib/main " + PROJECT_JAR_PREFIX + "*", quarkusApp), quarkusApp, projectModules),
                layer("quarkus", quarkusApp).addEntryRecursive(quarkusApp.resolve("quarkus"), APP_DIR.resolve("quarkus")).build(),
                layer("app", quarkusApp).addEntryRecursive(quarkusApp.resolve("app"), APP_DIR.resolve("app")).build());
    }

    private static void checkFastJar(Path quarkusApp) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> top = Files.list(quarkusApp); Stream<Path> lib = Files.list(quarkusApp.resolve("lib"))) {
            top.map(p -> p.getFileName().toString()).filter(n -> !n.equals(DEPENDENCY_LIST)).forEach(found::add);
            lib.map(p -> "lib/" + p.getFileName()).forEach(found::add);
        }
        List<String> expected = List.of("app", "lib", "lib/boot", "lib/main", "quarkus", "quarkus-run.jar");
        if (!found.stream().sorted().toList().equals(expected)) {
            throw new IOException("not the Quarkus fast-jar layout " + expected + " in " + quarkusApp + ": " + found);
        }
    }

    private static FileEntriesLayer.Builder layer(String name, Path quarkusApp) {
        return FileEntriesLayer.builder().setName(name).addEntry(quarkusApp, APP_DIR,
                FilePermissions.DEFAULT_FOLDER_PERMISSIONS, FileEntriesLayer.DEFAULT_MODIFICATION_TIME, USER + ":" + USER);
    }

    private static FileEntriesLayer files(FileEntriesLayer.Builder layer, Path quarkusApp, List<Path> files) {
        for (Path file : files) {
            layer.addEntry(file, APP_DIR.resolve(quarkusApp.relativize(file).toString()));
        }
        return layer.build();
    }

    /** The image of one service, from its fast-jar directory, on a base image tarball. */
    public static JibContainerBuilder container(Service service, Path quarkusApp, Path baseTar,
                                                String version, String revision) throws IOException {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("org.opencontainers.image.title", service.name());
        labels.put("org.opencontainers.image.version", version);
        labels.put("org.opencontainers.image.revision", revision);
        return Jib.from(TarImage.at(baseTar))
                .setFileEntriesLayers(layers(quarkusApp))
                .setEntrypoint(ENTRYPOINT)
                .setExposedPorts(Port.tcp(service.port()), Port.tcp(service.managementPort()))
                .setUser(USER)
                .setWorkingDirectory(APP_DIR)
                .setLabels(labels);
    }

    /** Where the image goes: a tarball, or with a registry, that registry. */
    static Containerizer target(String imageName, Path out, String registry) throws Exception {
        if (registry == null) {
            return Containerizer.to(TarImage.at(out).named(imageName)).setOfflineMode(true);
        }
        ImageReference reference = ImageReference.parse(registry + "/" + imageName);
        CredentialRetriever dockerConfig = CredentialRetrieverFactory.forImage(reference, ServiceImages::log).dockerConfig();
        return Containerizer.to(RegistryImage.named(reference).addCredentialRetriever(dockerConfig));
    }

    private static void log(LogEvent event) {
        if (event.getLevel().compareTo(LogEvent.Level.WARN) <= 0) {
            System.err.println("jib: " + event.getMessage());
        }
    }

    public static void main(String[] args) throws Exception {
        Path root = null;
        Path bases = null;
        Path out = null;
        String registry = null;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--root" -> root = Path.of(args[++i]);
                case "--bases" -> bases = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--push" -> registry = args[++i];
                default -> names.add(args[i]);
            }
        }
        if (root == null || bases == null || out == null) {
            throw new IllegalArgumentException("usage: ServiceImages --root REPO --bases DIR --out DIR [--push REGISTRY] [SERVICE...]");
        }
        List<Service> services = names.isEmpty() ? SERVICES
                : names.stream().map(n -> SERVICES.stream().filter(s -> s.name().equals(n)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("unknown service " + n))).toList();
        String version = projectVersion();
        String revision = gitRevision(root);
        Files.createDirectories(out);
        for (Service service : services) {
            long started = System.nanoTime();
            String imageName = service.image(version);
            Path tar = out.resolve(service.name() + ".tar");
            JibContainer image = container(service, root.resolve(service.name()).resolve("target/quarkus-app"),
                    bases.resolve(service.base() + ".tar"), version, revision)
                    .containerize(target(imageName, tar, registry)
                            .setBaseImageLayersCache(out.resolve("jib-cache/base"))
                            .setApplicationLayersCache(out.resolve("jib-cache/application"))
                            .setToolName("hugginggpt-service-images")
                            .setToolVersion(version)
                            .addEventHandler(LogEvent.class, ServiceImages::log));
            String where = registry == null
                    ? String.format("%s, %d MiB", tar, Files.size(tar) >> 20)
                    : registry + "/" + imageName;
            System.out.printf("%s: %s on %s, %s, built in %.1f s (image id %s)%n", service.name(), imageName,
                    service.base(), where, (System.nanoTime() - started) / 1e9, image.getImageId());
        }
    }

    /** The Maven project version, which the build writes into project.properties. */
    static String projectVersion() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ServiceImages.class.getResourceAsStream("project.properties")) {
            properties.load(in);
        }
        return properties.getProperty("version");
    }

    /** The commit the images are built from, with "-dirty" when the work tree has changes. */
    static String gitRevision(Path root) throws IOException, InterruptedException {
        String commit = git(root, "rev-parse", "HEAD").strip();
        return git(root, "status", "--porcelain").isBlank() ? commit : commit + "-dirty";
    }

    private static String git(Path root, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("git", "-C", root.toString()));
        line.addAll(List.of(command));
        Process git = new ProcessBuilder(line).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (git.waitFor() != 0) {
            throw new IOException("git " + String.join(" ", command) + " failed");
        }
        return output;
    }
}
