package dev.voxgate.proxy;

import java.io.EOFException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognises the exceptions Jetty throws while reading a multipart upload (too large, cut short, malformed), so
 * the caller gets a 413 or 400 that says what to fix instead of a 500.
 */
final class UploadProblem {

    private UploadProblem() {
    }

    static Optional<OpenAiError> classify(Throwable thrown, long maxUploadBytes) {
        // Jetty wraps a size violation in a generic "bad multipart": look for it through the whole chain first.
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("too many keys")) {
                return Optional.of(OpenAiError.badRequest(null, "The form has more than "
                        + UploadMemory.MAX_FORM_PARTS + " parts; send the 'file' part and the fields you need."));
            }
            if (isTooLarge(message)) {
                return Optional.of(tooLarge(maxUploadBytes));
            }
        }
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
            if (isMalformedMultipart(cause, message)) {
                return Optional.of(OpenAiError.badRequest(null, "The multipart/form-data body could not be read: "
                        + reason(thrown) + ". Send a well-formed form with a boundary, a 'file' part and a 'model' "
                        + "field."));
            }
        }
        return Optional.empty();
    }

    /** The answer to an upload over {@code maxUploadBytes}. */
    static OpenAiError tooLarge(long maxUploadBytes) {
        return OpenAiError.payloadTooLarge("The upload is larger than this proxy accepts (" + megabytes(maxUploadBytes)
                + " MiB); send a smaller file.");
    }

    private static String megabytes(long bytes) {
        return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1024 * 1024), 2, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }

    /** The answer to text fields over {@link ProxySettings#FORM_FIELDS_ALLOWANCE} in all. */
    static OpenAiError fieldsTooLarge() {
        return OpenAiError.status(413, "The form's text fields are larger than this proxy accepts ("
                + ProxySettings.FORM_FIELDS_ALLOWANCE / 1024 + " KiB in all); send shorter fields.");
    }

    private static boolean isTooLarge(String message) {
        return message.contains("max file size") || message.contains("max length") || message.contains("too large")
                || message.contains("exceeds") || message.contains("max request size");
    }

    private static boolean isMalformedMultipart(Throwable cause, String message) {
        String type = cause.getClass().getName();
        return type.endsWith("BadMessageException") || type.endsWith("ServletException")
                || type.endsWith("EofException") || message.contains("multipart") || message.contains("boundary");
    }

    // What went wrong in words, without Jetty's class names.
    private static String reason(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("boundary")) {
                return "its Content-Type names no boundary";
            }
            if (cause instanceof EOFException || message.contains("eof")) {
                return "it ended before its closing boundary";
            }
        }
        return "it is not well-formed";
    }
}
