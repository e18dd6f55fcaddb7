package dev.voxgate.config;

import java.util.Objects;

/**
 * A config file that cannot be used. The message names the file, the line, the key and what to fix, e.g.
 * {@code config.yaml:7: model_list[1].litellm_params.api_key: environment variable AZURE_API_KEY is not set}.
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
        super(file + ":" + line + ": " + (keyPath.isEmpty() ? "" : keyPath + ": ") + problem, cause);
        this.file = Objects.requireNonNull(file, "file");
        this.line = line;
        this.keyPath = Objects.requireNonNull(keyPath, "keyPath");
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public String file() {
        return file;
    }

    /** 1-based line of the offending key or value. */
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
