package dev.voxgate.providers.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * What the fake job vendors share: the key they expect, how long their jobs run, which polls are answered 429, every
 * request seen (method and path), the jobs and their deletion, and a transcript made from a fixed text whose words
 * are spread over the audio's measured length.
 */
public abstract class FakeJobVendor extends Dispatcher {

    static final ObjectMapper JSON = new ObjectMapper();

    final String key;
    final String transcript;
    private final ToDoubleFunction<byte[]> measure;
    private final List<String> seen = new CopyOnWriteArrayList<>();
    final Map<String, FakeJob> jobs = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile int pollsRunning = 1;
    private volatile String failure;
    private final Map<Integer, Integer> pollFaults = new ConcurrentHashMap<>();
    private final AtomicInteger polls = new AtomicInteger();

    FakeJobVendor(String key, String transcript, ToDoubleFunction<byte[]> measure) {
        this.key = key;
        this.transcript = transcript;
        this.measure = measure;
    }

    /** Jobs created from now on answer {@code processing} to this many polls before they end. */
    public FakeJobVendor pollsRunning(int polls) {
        this.pollsRunning = polls;
        return this;
    }

    /** Jobs created from now on end in error, saying {@code message}. */
    public FakeJobVendor failing(String message) {
        this.failure = message;
        return this;
    }

    /** The {@code n}th poll of all (from 1) is answered 429 with {@code Retry-After: 2}. */
    public FakeJobVendor rateLimitPoll(int n) {
        pollFaults.put(n, 429);
        return this;
    }

    /** The {@code n}th poll of all (from 1) is answered 503, as a vendor's overloaded front end does. */
    public FakeJobVendor unavailablePoll(int n) {
        pollFaults.put(n, 503);
        return this;
    }

    /** Every request seen, as {@code METHOD /path}, in order. */
    public List<String> seen() {
        return List.copyOf(seen);
    }

    /** How many requests were {@code METHOD /path} with a path starting so. */
    public long count(String methodAndPathStart) {
        return seen.stream().filter(line -> line.startsWith(methodAndPathStart)).count();
    }

    /** The ids of the jobs that exist and were not deleted. */
    public List<String> jobsLeft() {
        return jobs.values().stream().filter(job -> !job.deleted).map(job -> job.id).sorted().toList();
    }

    /** The options the last job was created with, as the JSON sent. */
    public JsonNode lastOptions() {
        return jobs.values().stream().max((a, b) -> a.id.compareTo(b.id)).orElseThrow().options;
    }

    @Override
    public final MockResponse dispatch(RecordedRequest request) {
        seen.add(request.getMethod() + " " + request.getUrl().encodedPath());
        return answer(request);
    }

    abstract MockResponse answer(RecordedRequest request);

    /** The fault this poll is to be answered with (429 with {@code Retry-After: 2}, 503), if any. */
    Optional<MockResponse> pollFault(Function<Integer, MockResponse> error) {
        Integer code = pollFaults.get(polls.incrementAndGet());
        if (code == null) {
            return java.util.Optional.empty();
        }
        MockResponse fault = error.apply(code);
        return java.util.Optional.of(code == 429 ? fault.newBuilder().setHeader("Retry-After", "2").build() : fault);
    }

    FakeJob newJob(byte[] audio, JsonNode options) {
        String id = String.format(Locale.ROOT, "job-%04d", ids.incrementAndGet());
        FakeJob job = new FakeJob(id, audio, options, pollsRunning, failure != null);
        jobs.put(id, job);
        return job;
    }

    String failure() {
        return failure;
    }

    /** The transcript's words, each with its start and end in milliseconds over {@code audio}'s length. */
    List<TimedWord> words(byte[] audio) {
        String[] words = transcript.split(" ");
        double seconds = seconds(audio);
        long each = Math.round(seconds * 1000 / words.length);
        List<TimedWord> timed = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            timed.add(new TimedWord(words[i], i * each, i * each + each - 50));
        }
        return timed;
    }

    double seconds(byte[] audio) {
        return measure.applyAsDouble(audio);
    }

    record TimedWord(String text, long startMs, long endMs) {
    }

    static JsonNode read(RecordedRequest request) {
        try {
            return JSON.readTree(request.getBody().utf8());
        } catch (IOException e) {
            return null;
        }
    }

    static MockResponse json(int code, Object body) {
        try {
            return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json")
                    .body(JSON.writeValueAsString(body)).build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
