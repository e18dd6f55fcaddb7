package dev.voxgate.providers.http;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * How a vendor reads a list in a multipart form, e.g. {@code timestamp_granularities} of word and segment, or a
 * {@code keywords} parameter.
 *
 * <p>Immutable and thread-safe.
 */
public enum ArrayEncoding {
    /** One part per value, named {@code name[]}, as openai-python sends arrays: OpenAI, Azure, Groq, vLLM. */
    BRACKETED,
    /** One part per value under the plain name, as mistralai's and ElevenLabs' JS clients send arrays. */
    REPEATED,
    /** One part holding the values joined by commas ({@code word,segment}), as Fireworks takes them. */
    COMMA_JOINED;

    /** Hands the parts of list {@code name} = {@code values} to {@code part}; nothing when the list is empty. */
    public void encode(String name, List<String> values, BiConsumer<String, String> part) {
        if (values.isEmpty()) {
            return;
        }
        switch (this) {
            case BRACKETED -> values.forEach(value -> part.accept(name + "[]", value));
            case REPEATED -> values.forEach(value -> part.accept(name, value));
            case COMMA_JOINED -> part.accept(name, String.join(",", values));
        }
    }
}
