package dev.voxgate.proxy;

import java.util.Locale;
import java.util.Optional;

/**
 * Recognises the exceptions Jetty throws while reading a multipart upload (too large, cut short, malformed), so
 * the caller gets a 413 or 400 that says what to fix instead of a 500.
 */
final class UploadProblem {

    private UploadProblem() {
    }

    static Optional<OpenAiError> classify(Throwable thrown) {
        // Jetty wraps a size violation in a generic "bad multipart": look for it through the whole chain first.
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (isTooLarge(String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT))) {
                return Optional.of(tooLarge());
            }
        }
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
            if (isMalformedMultipart(cause, message)) {
                return Optional.of(OpenAiError.badRequest(null, "The multipart/form-data body could not be read ("
                        + cause.getMessage() + "); send a well-formed form with a boundary, a 'file' part and a "
                        + "'model' field."));
            }
        }
        return Optional.empty();
    }

    static OpenAiError tooLarge() {
        return OpenAiError.payloadTooLarge("The upload is larger than this proxy accepts; send a smaller file "
                + "(OpenAI's limit is 25 MiB).");
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
}
