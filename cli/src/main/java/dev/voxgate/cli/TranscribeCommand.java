package dev.voxgate.cli;

import dev.voxgate.cli.Transcriber.Ask;
import dev.voxgate.cli.Transcriber.FileFailed;
import dev.voxgate.config.ConfigException;
import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.Secret;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code voxgate transcribe}: every audio file the arguments name, through the router in process or a proxy,
 * written beside each input (or under {@code --out}) in the requested format. Exit status 0 only when every file has
 * its transcript; 1 when any failed or was left undone; 2 for a wrong command line or config, before anything is
 * sent; 130 after Ctrl-C.
 *
 * <p>One instance per run; not thread-safe.
 */
@Command(name = "transcribe", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Transcribe audio files, folders (recursively) and globs, skipping files whose transcript "
                + "exists.", "Output goes beside each input, or under --out DIR keeping the folders' structure."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:every file has its transcript (done now or before)",
                "1:a file failed, or the batch stopped before every file was done",
                "2:wrong arguments or an unusable config; nothing was sent",
                "130:interrupted (Ctrl-C); files in flight were cancelled, none half-written"})
final class TranscribeCommand implements Callable<Integer> {

    static final String API_KEY_VARIABLE = "VOXGATE_API_KEY";
    // How long Ctrl-C waits for cancelled calls to wind down before the process exits anyway.
    private static final Duration STOP_PATIENCE = Duration.ofSeconds(10);

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "1..*",
            description = "Audio files, folders (every audio file below, by extension) and quoted globs such as "
                    + "'talks/**/*.mp3'.")
    private List<String> paths;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Target target;

    static final class Target {
        @Option(names = "--config", paramLabel = "FILE",
                description = "A LiteLLM config.yaml: transcribe in this process, no proxy needed.")
        Path config;

        @Option(names = "--proxy", paramLabel = "URL",
                description = "A running Voxgate proxy, e.g. http://localhost:8000.")
        String proxy;
    }

    @Option(names = "--api-key", paramLabel = "KEY",
            description = "The proxy's master key, when it has one; default: $" + API_KEY_VARIABLE
                    + ". Never printed.")
    private String apiKey;

    @Option(names = "--model", paramLabel = "GROUP",
            description = "The model group; default: the only one, when the config or proxy serves one.")
    private String model;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json", converter = FormatConverter.class,
            description = "json, text, srt, vtt, verbose_json or diarized_json (default: ${DEFAULT-VALUE}).")
    private ResponseFormat format;

    @Option(names = "--language", paramLabel = "LANG", description = "The spoken language (ISO-639-1, e.g. de).")
    private String language;

    @Option(names = "--out", paramLabel = "DIR", description = "Where transcripts go; default: beside each input.")
    private Path out;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "4",
            description = "Files in flight at once (default: ${DEFAULT-VALUE}).")
    private int concurrency;

    @Option(names = "--force", description = "Transcribe files whose output already exists again.")
    private boolean force;

    private final Session session;

    TranscribeCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (concurrency < 1) {
            throw new ParameterException(spec.commandLine(), "--concurrency must be at least 1, got " + concurrency);
        }
        List<Job> jobs;
        try {
            jobs = Job.plan(Inputs.expand(paths), Optional.ofNullable(out), format);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Transcriber transcriber;
        try {
            transcriber = transcriber();
        } catch (ConfigException e) {
            session.err().println("voxgate: invalid config: " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            // A deployment that cannot be connected: a local model that is missing, say.
            session.err().println("voxgate: could not start: " + e.getMessage());
            return 2;
        }
        try (transcriber) {
            Ask ask = new Ask(model(transcriber), format, Optional.ofNullable(language));
            session.out().println("voxgate: " + jobs.size() + " file" + (jobs.size() == 1 ? "" : "s") + ", model "
                    + ask.model() + ", format " + format.wireName() + ", via " + transcriber.describe());
            return run(jobs, new Batch(transcriber, ask, concurrency, force, InstantSource.system()));
        } catch (FileFailed e) {
            session.err().println("voxgate: " + e.getMessage());
            return 2;
        }
    }

    private int run(List<Job> jobs, Batch batch) throws InterruptedException {
        Tally tally = new Tally(InstantSource.system());
        CountDownLatch reported = new CountDownLatch(1);
        session.onInterrupt().accept(() -> {
            if (reported.getCount() == 0) {
                return; // the run had ended; this is the process exiting after it
            }
            tally.interrupted();
            try {
                batch.stop(STOP_PATIENCE);
                // The summary is printed by the run itself once its files have ended; the process exits after it.
                reported.await(STOP_PATIENCE.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                Thread.currentThread().interrupt();
            }
        });
        try (Progress progress = new Progress(session.out(), tally, session.terminal())) {
            batch.run(jobs, tally, progress);
        }
        tally.summary().forEach(session.out()::println);
        session.out().flush();
        reported.countDown();
        return tally.allSucceeded() ? 0 : 1;
    }

    private Transcriber transcriber() {
        if (target.config != null) {
            if (apiKey != null) {
                throw new ParameterException(spec.commandLine(), "--api-key goes with --proxy; with --config the "
                        + "vendors' keys come from the config and the environment");
            }
            return InProcessTranscriber.load(target.config, session.environment(), session.err());
        }
        Optional<Secret> key = Optional.ofNullable(apiKey).filter(value -> !value.isBlank())
                .or(() -> session.environment().get(API_KEY_VARIABLE)).map(Secret::of);
        try {
            return new ProxyTranscriber(target.proxy, key);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    // Without --model, a target with one group has an obvious choice; with several, the message lists them.
    private String model(Transcriber transcriber) {
        List<String> groups = transcriber.modelGroups();
        if (model != null) {
            return model;
        }
        if (groups.size() == 1) {
            return groups.getFirst();
        }
        throw new ParameterException(spec.commandLine(), "--model is needed: " + transcriber.describe()
                + " serves " + (groups.isEmpty() ? "no model groups" : String.join(", ", groups)));
    }

    /** {@code --format} by OpenAI's wire names ({@code verbose_json}), which are not the enum's names. */
    static final class FormatConverter implements ITypeConverter<ResponseFormat> {
        @Override
        public ResponseFormat convert(String value) {
            return ResponseFormat.fromWireName(value).orElseThrow(() -> new TypeConversionException(
                    "'" + value + "' is not one of " + ResponseFormat.wireNames()));
        }
    }
}
