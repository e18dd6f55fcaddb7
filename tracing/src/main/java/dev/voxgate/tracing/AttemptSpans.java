package dev.voxgate.tracing;

import static dev.voxgate.tracing.SpanAttributes.AUDIO_SECONDS;
import static dev.voxgate.tracing.SpanAttributes.CALLER_CREDENTIALS;
import static dev.voxgate.tracing.SpanAttributes.COST_USD;
import static dev.voxgate.tracing.SpanAttributes.DEPLOYMENT_ID;
import static dev.voxgate.tracing.SpanAttributes.ERROR_TYPE;
import static dev.voxgate.tracing.SpanAttributes.FALLBACKS;
import static dev.voxgate.tracing.SpanAttributes.GEN_AI_OPERATION;
import static dev.voxgate.tracing.SpanAttributes.GEN_AI_PROVIDER;
import static dev.voxgate.tracing.SpanAttributes.GEN_AI_REQUEST_MODEL;
import static dev.voxgate.tracing.SpanAttributes.GEN_AI_SYSTEM;
import static dev.voxgate.tracing.SpanAttributes.MODEL_GROUP;
import static dev.voxgate.tracing.SpanAttributes.OUTCOME;
import static dev.voxgate.tracing.SpanAttributes.REQUESTED_MODEL;
import static dev.voxgate.tracing.SpanAttributes.RETRIES;
import static dev.voxgate.tracing.SpanAttributes.STREAMING;

import dev.voxgate.core.model.AudioTask;
import dev.voxgate.router.RoutingListener;
import dev.voxgate.router.RoutingReport;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A client span per vendor attempt, a child of whatever span is current on the routing thread (the proxy's server
 * span), current itself while the attempt runs, so that the vendor call carries it as {@code traceparent}; and the
 * request's outcome on the server span. The router tells the task (transcription or translation) only when the
 * request ends, so an attempt's span is finished then, with the time its attempt really ended.
 *
 * <p>Thread-safe: each routing thread keeps its call's spans to itself; the router calls a listener on the routing
 * thread, and hands an attempt to another thread through {@link #handoff}, with the attempt's span current there.
 */
final class AttemptSpans implements RoutingListener {

    /** An attempt's span, and once it ended, when. */
    private static final class Attempt {
        final Span span;
        final String model;
        Scope scope;
        Instant ended;

        Attempt(Span span, String model, Scope scope) {
            this.span = span;
            this.model = model;
            this.scope = scope;
        }
    }

    private final Tracer tracer;
    private final ThreadLocal<List<Attempt>> calls = ThreadLocal.withInitial(ArrayList::new);

    AttemptSpans(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    public void attemptStarted(AttemptStarted event) {
        List<Attempt> attempts = calls.get();
        closeScope(attempts);
        String model = event.deployment().providerModel();
        String provider = event.deployment().provider();
        Span span = tracer.spanBuilder(model).setSpanKind(SpanKind.CLIENT)
                .setAttribute(GEN_AI_PROVIDER, SpanAttributes.providerName(provider))
                .setAttribute(GEN_AI_SYSTEM, SpanAttributes.providerName(provider))
                .setAttribute(GEN_AI_REQUEST_MODEL, model)
                .setAttribute(MODEL_GROUP, event.group())
                .setAttribute(DEPLOYMENT_ID, event.deployment().id())
                .setAttribute(CALLER_CREDENTIALS, event.callerCredentials())
                .startSpan();
        attempts.add(new Attempt(span, model, Context.current().with(span).makeCurrent()));
    }

    @Override
    public void attemptEnded(AttemptEnded event) {
        List<Attempt> attempts = calls.get();
        if (attempts.isEmpty() || attempts.getLast().ended != null) {
            return;
        }
        Attempt attempt = attempts.getLast();
        closeScope(attempts);
        attempt.ended = Instant.now();
        Span span = attempt.span;
        event.audioSeconds().ifPresent(seconds -> span.setAttribute(AUDIO_SECONDS, seconds));
        span.setAttribute(COST_USD, event.cost().doubleValue());
        event.failureKind().map(SpanAttributes::snakeCase).ifPresentOrElse(kind -> {
            span.setAttribute(OUTCOME, kind).setAttribute(ERROR_TYPE, kind);
            // The kind alone: a failure's message may quote what the vendor answered.
            span.setStatus(StatusCode.ERROR, kind);
        }, () -> span.setAttribute(OUTCOME, "success"));
    }

    @Override
    public void requestEnded(RequestEnded event) {
        List<Attempt> attempts = calls.get();
        calls.remove();
        closeScope(attempts);
        String operation = operation(event.task());
        for (Attempt attempt : attempts) {
            attempt.span.setAttribute(GEN_AI_OPERATION, operation).updateName(operation + " " + attempt.model);
            if (attempt.ended != null) {
                attempt.span.end(attempt.ended);
            } else {
                attempt.span.end();
            }
        }
        Span request = Context.current().get(ServerSpan.REQUEST);
        if (request != null) {
            describe(request, event, operation);
        }
    }

    @Override
    public Runnable handoff(Runnable task) {
        return Context.current().wrap(task);
    }

    private static void describe(Span request, RequestEnded event, String operation) {
        RoutingReport report = event.report();
        request.setAttribute(GEN_AI_OPERATION, operation)
                .setAttribute(REQUESTED_MODEL, report.requestedModel())
                .setAttribute(MODEL_GROUP, report.modelGroup())
                .setAttribute(RETRIES, report.retries())
                .setAttribute(FALLBACKS, report.fallbacksTried())
                .setAttribute(STREAMING, event.streaming())
                .setAttribute(COST_USD, report.cost().doubleValue());
        report.deploymentId().ifPresent(id -> request.setAttribute(DEPLOYMENT_ID, id));
        event.audioSeconds().ifPresent(seconds -> request.setAttribute(AUDIO_SECONDS, seconds));
        request.setAttribute(OUTCOME, event.failure().map(SpanAttributes::failureName).orElse("success"));
    }

    // The GenAI conventions name no speech operation; these follow OpenAI's endpoint names.
    private static String operation(AudioTask task) {
        return task == AudioTask.TRANSLATE ? "translation" : "transcription";
    }

    private static void closeScope(List<Attempt> attempts) {
        if (!attempts.isEmpty() && attempts.getLast().scope != null) {
            attempts.getLast().scope.close();
            attempts.getLast().scope = null;
        }
    }
}
