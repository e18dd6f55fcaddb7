package dev.voxgate.config.litellm;

import dev.voxgate.config.ConfigException;
import dev.voxgate.config.KnownProviders;
import dev.voxgate.config.VoxgateConfig;
import dev.voxgate.core.EnvironmentSource;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Loads a LiteLLM {@code config.yaml}, unchanged, into a {@link VoxgateConfig}: deployments, router settings,
 * general settings and a {@link ConfigWarning} for each key Voxgate reads past. Any problem is a
 * {@link ConfigException} naming the file, the line and the key, e.g.
 * {@code config.yaml:9: model_list[1].litellm_params.api_base: environment variable AZURE_EUROPE_API_BASE is not set
 * (referenced as os.environ/AZURE_EUROPE_API_BASE)}. Credentials never appear in messages.
 *
 * <p>Immutable and thread-safe.
 */
public final class ConfigLoader {

    private final LiteLlmConfigReader reader;

    /**
     * @param environment     where {@code os.environ/NAME} references and {@code LITELLM_MASTER_KEY} are read; the
     *                        file's {@code environment_variables} take precedence over it
     * @param providers       the supported providers, and what each deployment takes (a lambda
     *                        {@code id -> supported} checks the ids alone)
     */
    public ConfigLoader(EnvironmentSource environment, KnownProviders providers) {
        this.reader = new LiteLlmConfigReader(Objects.requireNonNull(environment, "environment"),
                Objects.requireNonNull(providers, "providers"));
    }

    /**
     * Reads and loads {@code file} (UTF-8); {@link VoxgateConfig#source()} is the path as given.
     *
     * @throws ConfigException when the file cannot be read or is not a usable config
     */
    public VoxgateConfig load(Path file) {
        Objects.requireNonNull(file, "file");
        String source = file.toString();
        String yaml;
        try {
            yaml = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(source, "file not found (looked at " + file.toAbsolutePath()
                    + "): pass the path of a LiteLLM config.yaml");
        } catch (CharacterCodingException e) {
            throw new ConfigException(source, "not UTF-8 text: save the config as UTF-8");
        } catch (IOException e) {
            throw new ConfigException(source, "cannot be read (" + e + "): check that it is a readable file", e);
        }
        return parse(yaml, source);
    }

    /**
     * Loads config text; {@code sourceName} stands for the file in messages and in {@link VoxgateConfig#source()}.
     *
     * @throws ConfigException when the text is not a usable config
     */
    public VoxgateConfig parse(String yaml, String sourceName) {
        return reader.read(yaml, sourceName);
    }
}
