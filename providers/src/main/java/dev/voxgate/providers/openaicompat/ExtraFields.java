package dev.voxgate.providers.openaicompat;

import dev.voxgate.core.model.Capabilities;
import dev.voxgate.core.model.ParamValue;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The non-standard form fields a vendor takes (OpenAI's {@code chunking_strategy}, Fireworks' {@code vad_model}, …),
 * by name. A name declared with a {@code []} suffix is a list, sent in the profile's {@link ArrayEncoding}. A
 * parameter is matched by its name up to any bracket, so {@code include}, {@code include[]} and
 * {@code chunking_strategy[type]} are all taken when {@code include[]} and {@code chunking_strategy} are declared.
 *
 * <p>Immutable and thread-safe.
 *
 * @param scalars    names of single-valued fields
 * @param arrays     names of list fields, without the brackets
 * @param acceptsAny whether every name is taken (a self-hosted server, whose extras differ from build to build)
 */
public record ExtraFields(Set<String> scalars, Set<String> arrays, boolean acceptsAny) {

    public ExtraFields {
        scalars = Set.copyOf(scalars);
        arrays = Set.copyOf(arrays);
    }

    /** No extras at all. */
    public static ExtraFields none() {
        return new ExtraFields(Set.of(), Set.of(), false);
    }

    /** Any extra, sent under the name it was given. */
    public static ExtraFields any() {
        return new ExtraFields(Set.of(), Set.of(), true);
    }

    /**
     * The extras of OpenAI's own transcription endpoint, which Azure's preview api-versions mirror:
     * {@code include[]}, {@code chunking_strategy}, {@code known_speaker_names[]}, {@code known_speaker_references[]}.
     */
    public static ExtraFields openAi() {
        return of("include[]", "chunking_strategy", "known_speaker_names[]", "known_speaker_references[]");
    }

    /** Exactly {@code names}; those ending in {@code []} are lists. */
    public static ExtraFields of(String... names) {
        Set<String> scalars = new HashSet<>();
        Set<String> arrays = new HashSet<>();
        for (String name : names) {
            Objects.requireNonNull(name, "name");
            if (name.endsWith("[]")) {
                arrays.add(ParamValue.root(name));
            } else {
                scalars.add(name);
            }
        }
        return new ExtraFields(scalars, arrays, false);
    }

    /** Whether the vendor takes parameter {@code name}. */
    public boolean accepts(String name) {
        String root = ParamValue.root(name);
        return acceptsAny || scalars.contains(root) || arrays.contains(root);
    }

    /** Whether {@code name} is a declared list given by its bare name, so the array encoding decides its parts. */
    boolean isBareArray(String name) {
        return arrays.contains(name);
    }
}
