package dev.hugginggpt.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A record can be written to, or required from, a topic of its own type only: the compiler refuses any other. */
class TopicTypesTest {
    @TempDir
    Path out;

    @Test
    void aRecordCompilesForItsOwnTopic() throws IOException {
        assertEquals(List.of(), errors("writer.send(Topics.PLANS, plan.requestId(), plan)"));
        assertEquals(List.of(), errors("writer.send(Topics.PLAN_CANCELS, cancel.requestId(), cancel)"));
        assertEquals(List.of(), errors("writer.sendToPartition(Topics.CONTROLS, cancel.requestId(), cancel, 0)"));
        assertEquals(List.of(), errors("InvalidRecord.require(cancel, Topics.PLAN_CANCELS)"));
    }

    @Test
    void aRecordDoesNotCompileForAnotherTopic() throws IOException {
        for (String wrong : List.of("writer.send(Topics.TASKS, plan.requestId(), plan)",
                "writer.sendToPartition(Topics.TASKS, plan.requestId(), plan, 0)",
                "writer.send(Topics.PLANS, cancel.requestId(), cancel)",
                "writer.sendAndForget(Topics.EVENTS, plan.requestId(), plan)",
                "InvalidRecord.require(cancel, Topics.PLANS)")) {
            List<String> errors = errors(wrong);
            assertTrue(errors.stream().anyMatch(e -> e.contains("incompatible") || e.contains("cannot be applied")
                    || e.contains("no suitable method")), wrong + ": " + errors);
        }
    }

    /** The compiler's errors for one statement in a method that has a writer, a plan and a cancel at hand. */
    private List<String> errors(String statement) throws IOException {
        String source = """
                package probe;
                import dev.hugginggpt.protocol.*;
                class Probe {
                    void probe(TopicWriter writer, Plan plan, Cancel cancel) {
                        %s;
                    }
                }
                """.formatted(statement);
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///probe/Probe.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Files.createDirectories(out);
        javac.getTask(null, null, diagnostics, List.of("-proc:none", "-classpath", classpath(), "-d", out.toString()),
                null, List.of(file)).call();
        return diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR)
                .map(d -> d.getMessage(null)).toList();
    }

    /** Protocol's classes and the libraries TopicWriter's methods name. */
    private static String classpath() {
        return Stream.of(Topic.class, Uni.class, MutinyEmitter.class, Message.class, KafkaRecord.class,
                ApplicationScoped.class).map(TopicTypesTest::location).distinct().collect(Collectors.joining(File.pathSeparator));
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
