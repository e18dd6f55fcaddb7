package dev.voxgate.providers.groq;

import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.providers.http.EndpointRules;
import dev.voxgate.providers.http.ParamSchema;
import dev.voxgate.providers.openaicompat.OpenAiCompatProfile;
import dev.voxgate.providers.openaicompat.OpenAiCompatProviderFactory;
import java.util.EnumSet;

/**
 * Provider {@code groq}: {@code POST {base}/audio/transcriptions} with {@code Authorization: Bearer <key>}, in
 * OpenAI's multipart form. The base is {@code api_base}, else {@code GROQ_API_BASE}, else {@value #DEFAULT_API_BASE};
 * the key is {@code api_key}, else {@code GROQ_API_KEY}, and is always required. Groq produces json, text and
 * verbose_json only: srt and vtt are refused before any call. It takes every standard field (its prompt limit of 896
 * characters is left for Groq to enforce) and no extras. Uploads of more than 25 MB (26,214,400 bytes) are declared
 * beyond it. Translations are offered for every model, as for every OpenAI-compatible vendor (Groq's own
 * table lists none for whisper-large-v3-turbo). The {@code x_groq} object in its JSON is ignored.
 *
 * <p>Stateless and thread-safe.
 */
public final class GroqProviderFactory extends OpenAiCompatProviderFactory {

    /** The provider id. */
    public static final String ID = "groq";

    /** Groq's OpenAI-compatible API base when none is configured. */
    public static final String DEFAULT_API_BASE = "https://api.groq.com/openai/v1";

    // The largest file Groq takes by upload: 25 MB.
    private static final long MAX_UPLOAD_BYTES = 26_214_400L;

    private static final OpenAiCompatProfile PROFILE = OpenAiCompatProfile.builder(EndpointRules.builder(ID)
                    .keyVariables("GROQ_API_KEY")
                    .baseVariables("GROQ_API_BASE")
                    .defaultBase(DEFAULT_API_BASE)
                    .build())
            .responseFormats(EnumSet.of(ResponseFormat.JSON, ResponseFormat.TEXT, ResponseFormat.VERBOSE_JSON))
            // Groq's one extra, url, replaces the file (exactly one of the two is allowed), and a call here always
            // carries the file, so url could only ever earn a 400.
            .params(ParamSchema.standardFieldsOnly())
            // Groq's direct-upload limit on the free tier (larger files are taken only by url, which a call here
            // never sends); a dev-tier deployment raises it with max_file_size_mb.
            .maxUploadBytes(MAX_UPLOAD_BYTES)
            .build();

    public GroqProviderFactory() {
        super(PROFILE);
    }
}
