package dev.voxgate.config;

import java.util.Objects;

/**
 * A config file that cannot be used. The message names the file, the line, the key and what to fix, e.g.
 * {@code config.yaml:7: model_list[1].litellm_params.api_key: environment variable AZURE_API_KEY is not set}.
 * Problems with the file as a whole (it does not exist) have no line: {@code config.yaml: file not found …}.
 *
 * <p>Messages never contain credentials. Immutable once thrown.
 */
public class ConfigException extends RuntimeException {

    private final String file;
    private final int line;
    private final String keyPath;
    private final String problem;

    public ConfigException(String file, int line, String keyPath, String problem) {
        this(file, line, keyPath, problem, null);
    }

    public ConfigException(String file, int line, String keyPath, String problem, Throwable cause) {
        super(format(file, line, keyPath, problem), cause);
        this.file = file;
        this.line = line;
        this.keyPath = keyPath;
        this.problem = problem;
    }

    /** A problem with the file as a whole, at no line or key. */
    public ConfigException(String file, String problem) {
        this(file, 0, "", problem, null);
    }

    /** A problem with the file as a whole, at no line or key, caused by {@code cause}. */
    public ConfigException(String file, String problem, Throwable cause) {
        this(file, 0, "", problem, cause);
    }

    private static String format(String file, int line, String keyPath, String problem) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(keyPath, "keyPath");
        Objects.requireNonNull(problem, "problem");
        return file + (line > 0 ? ":" + line : "") + ": " + (keyPath.isEmpty() ? "" : keyPath + ": ") + problem;
    }

    public String file() {
        return file;
    }

    /** 1-based line of the offending key or value; 0 when the problem is with the file as a whole. */
    public int line() {
        return line;
    }

    /** Where the key sits, e.g. {@code model_list[1].litellm_params.api_key}; empty for the whole file. */
    public String keyPath() {
        return keyPath;
    }

    /** What is wrong and what to do, without the location. */
    public String problem() {
        return problem;
    }
}
