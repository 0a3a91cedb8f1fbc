package dev.hugginggpt.testkit;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.hugginggpt.testkit.HttpStandIn.Reply;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A local OpenTelemetry collector for tests: accepts OTLP/HTTP protobuf trace exports
 * ({@code POST /v1/traces}), as services send them with {@code quarkus.otel.exporter.otlp.protocol=http/protobuf},
 * and decodes every span with the OTLP protocol's own classes.
 */
public final class OtlpStandIn implements AutoCloseable {
    private final HttpStandIn server;

    private OtlpStandIn(HttpStandIn server) {
        this.server = server;
    }

    public static OtlpStandIn start() {
        HttpStandIn server = HttpStandIn.start();
        server.otherwise(call -> Reply.bytes("application/x-protobuf", new byte[0]));
        return new OtlpStandIn(server);
    }

    /** The endpoint to configure: {@code quarkus.otel.exporter.otlp.endpoint}. */
    public String endpoint() {
        return server.baseUrl();
    }

    /** The environment that turns tracing on in a service and points it here, batches flushed every 200 ms. */
    public Map<String, String> serviceEnvironment() {
        return Map.of("QUARKUS_OTEL_SDK_DISABLED", "false",
                "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", endpoint(),
                "QUARKUS_OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
                "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms");
    }

    /** Every span exported so far, each once (an exporter may send a batch again). */
    public List<Span> spans() {
        Map<String, Span> spans = new LinkedHashMap<>();
        for (HttpStandIn.Call call : server.calls()) {
            if (!call.method().equals("POST") || !call.path().endsWith("/v1/traces")) {
                continue;
            }
            ExportTraceServiceRequest export;
            try {
                export = ExportTraceServiceRequest.parseFrom(call.body());
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException("not an OTLP trace export: " + e.getMessage(), e);
            }
            for (ResourceSpans resource : export.getResourceSpansList()) {
                Map<String, String> resourceAttributes = attributes(resource.getResource().getAttributesList());
                String service = resourceAttributes.getOrDefault("service.name", "?");
                for (ScopeSpans scope : resource.getScopeSpansList()) {
                    for (io.opentelemetry.proto.trace.v1.Span span : scope.getSpansList()) {
                        Span decoded = new Span(service, hex(span.getTraceId().toByteArray()), hex(span.getSpanId().toByteArray()),
                                hex(span.getParentSpanId().toByteArray()), span.getName(), span.getKind().name(),
                                attributes(span.getAttributesList()));
                        spans.putIfAbsent(decoded.traceId() + decoded.spanId(), decoded);
                    }
                }
            }
        }
        return List.copyOf(spans.values());
    }

    private static Map<String, String> attributes(List<KeyValue> values) {
        Map<String, String> map = new LinkedHashMap<>();
        for (KeyValue kv : values) {
            AnyValue v = kv.getValue();
            map.put(kv.getKey(), switch (v.getValueCase()) {
                case STRING_VALUE -> v.getStringValue();
                case INT_VALUE -> String.valueOf(v.getIntValue());
                case BOOL_VALUE -> String.valueOf(v.getBoolValue());
                case DOUBLE_VALUE -> String.valueOf(v.getDoubleValue());
                default -> v.toString().strip();
            });
        }
        return map;
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public void close() {
        server.close();
    }

    /** One exported span; {@code parentSpanId} is empty for a root span. */
    public record Span(String service, String traceId, String spanId, String parentSpanId, String name, String kind,
            Map<String, String> attributes) {
    }
}
