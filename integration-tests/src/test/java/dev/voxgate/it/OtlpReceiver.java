package dev.voxgate.it;

import com.google.protobuf.ByteString;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP trace receiver on a loopback port, as a collector's {@code otlphttp} receiver: {@code POST /v1/traces}
 * with an {@code application/x-protobuf} {@code ExportTraceServiceRequest}, decoded with the OTLP protos. Anything else
 * is refused as a collector refuses it. It keeps every span it was sent, with its service's name.
 */
final class OtlpReceiver implements AutoCloseable {

    /** One span as it arrived, its ids in hex, its attributes as plain values. */
    record ExportedSpan(String service, String name, Span.SpanKind kind, String traceId, String spanId,
                        String parentSpanId, Map<String, Object> attributes, boolean failed) {
        Object attribute(String key) {
            return attributes.get(key);
        }
    }

    private final HttpServer server;
    private final List<ExportedSpan> spans = new ArrayList<>();
    private int exports;

    OtlpReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::receive);
        server.start();
    }

    /** What {@code OTEL_EXPORTER_OTLP_ENDPOINT} is set to: the exporter appends {@code /v1/traces}. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The spans received so far. */
    synchronized List<ExportedSpan> spans() {
        return List.copyOf(spans);
    }

    /** How many export requests arrived, accepted or not. */
    synchronized int exports() {
        return exports;
    }

    /** Waits until the spans received satisfy {@code enough}, or {@code limit} passes; the spans either way. */
    synchronized List<ExportedSpan> awaitSpans(Predicate<List<ExportedSpan>> enough, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!enough.test(spans) && System.nanoTime() < deadline) {
            wait(Math.max(1, Duration.ofNanos(deadline - System.nanoTime()).toMillis()));
        }
        return List.copyOf(spans);
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            synchronized (this) {
                exports++;
            }
            boolean traces = exchange.getRequestURI().getPath().equals("/v1/traces");
            if (!exchange.getRequestMethod().equals("POST") || !traces) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (!"application/x-protobuf".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
                exchange.sendResponseHeaders(415, -1);
                return;
            }
            InputStream body = "gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                    ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody();
            ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
            keep(request);
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    private synchronized void keep(ExportTraceServiceRequest request) {
        for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
            String service = String.valueOf(attributes(resourceSpans.getResource()).get("service.name"));
            for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
                for (Span span : scopeSpans.getSpansList()) {
                    spans.add(new ExportedSpan(service, span.getName(), span.getKind(), hex(span.getTraceId()),
                            hex(span.getSpanId()), hex(span.getParentSpanId()), attributes(span.getAttributesList()),
                            span.getStatus().getCode() == Status.StatusCode.STATUS_CODE_ERROR));
                }
            }
        }
        notifyAll();
    }

    private static Map<String, Object> attributes(Resource resource) {
        return attributes(resource.getAttributesList());
    }

    private static Map<String, Object> attributes(List<KeyValue> pairs) {
        Map<String, Object> values = new LinkedHashMap<>();
        pairs.forEach(pair -> values.put(pair.getKey(), value(pair.getValue())));
        return values;
    }

    private static Object value(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case BOOL_VALUE -> value.getBoolValue();
            case INT_VALUE -> value.getIntValue();
            case DOUBLE_VALUE -> value.getDoubleValue();
            default -> value.toString();
        };
    }

    private static String hex(ByteString id) {
        return HexFormat.of().formatHex(id.toByteArray());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
