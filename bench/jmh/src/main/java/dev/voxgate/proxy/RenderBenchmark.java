package dev.voxgate.proxy;

import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.render.RenderedTranscript;
import dev.voxgate.core.render.TranscriptRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The proxy's answer: {@link TranscriptRenderer} writing a short {@code json} and a 30-segment {@code verbose_json}. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RenderBenchmark {

    private final Transcription plain = new Transcription("Four score and seven years ago our fathers brought forth "
            + "on this continent a new nation.", Optional.empty(), Optional.empty(), List.of(), List.of(),
            Optional.of(new Transcription.Usage.Duration(6)), Optional.empty());
    private final Transcription verbose = verbose();

    @Benchmark
    public RenderedTranscript json() {
        return TranscriptRenderer.render(plain, ResponseFormat.JSON);
    }

    @Benchmark
    public RenderedTranscript verboseJson() {
        return TranscriptRenderer.render(verbose, ResponseFormat.VERBOSE_JSON);
    }

    private static Transcription verbose() {
        List<Transcription.Segment> segments = new ArrayList<>();
        List<Transcription.Word> words = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            segments.add(Transcription.Segment.of(i, i * 2.0, i * 2.0 + 1.9, " Four score and seven years ago."));
            words.add(Transcription.Word.of("score", i * 2.0, i * 2.0 + 0.4));
        }
        return new Transcription("Four score and seven years ago.", Optional.of("english"), Optional.of(60.0),
                segments, words, Optional.of(new Transcription.Usage.Duration(60)), Optional.empty());
    }
}
