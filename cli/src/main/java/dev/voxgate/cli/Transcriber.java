package dev.voxgate.cli;

import dev.voxgate.core.model.ResponseFormat;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a batch sends its files: the router in this process ({@code --config}) or a running proxy
 * ({@code --proxy}). Either answers with the transcript's body in the requested format, rendered once, by the same
 * code that renders the proxy's answers.
 *
 * <p>Implementations are thread-safe: a batch calls them from several threads at once.
 */
interface Transcriber extends AutoCloseable {

    /** What this sends to, for the first line of a run, e.g. {@code proxy http://127.0.0.1:8000}. */
    String describe();

    /** The model groups it serves, for the default {@code --model} and to name the choices when one is wrong. */
    List<String> modelGroups();

    /**
     * Transcribes {@code file}. An interrupt of the calling thread cancels the call.
     *
     * @throws FileFailed saying why, when no transcript came back
     */
    Answer transcribe(Path file, Ask ask);

    @Override
    void close();

    /**
     * What is asked of every file of a batch.
     *
     * @param model    the model group (or a {@code provider/model} name, in process)
     * @param format   the transcript format
     * @param language the spoken language (ISO-639-1), when the caller knows it
     */
    record Ask(String model, ResponseFormat format, Optional<String> language) {
        public Ask {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(language, "language");
        }
    }

    /**
     * A transcript as it is to be written.
     *
     * @param body         the whole output file's text
     * @param audioSeconds how long the audio plays, when the answer or the file's header says
     * @param cost         what the vendors charged for it, in US dollars; zero when no price is known
     */
    record Answer(String body, Optional<Double> audioSeconds, BigDecimal cost) {
        public Answer {
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(audioSeconds, "audioSeconds");
            Objects.requireNonNull(cost, "cost");
        }
    }

    /** A file that got no transcript, with the reason a person can act on; never a key or a request body. */
    final class FileFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final boolean endsBatch;

        /**
         * @param endsBatch whether every other file would fail the same way (a wrong key, an unknown model), so that
         *                  the batch starts no more
         */
        FileFailed(String reason, boolean endsBatch) {
            super(reason);
            this.endsBatch = endsBatch;
        }

        boolean endsBatch() {
            return endsBatch;
        }
    }
}
