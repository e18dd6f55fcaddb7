package dev.voxgate.providers.mistral;

import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure.InvalidRequest;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.TimestampGranularity;
import dev.voxgate.core.model.TranscriptionRequest;
import dev.voxgate.providers.http.TimedJson;
import java.text.Normalizer;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Mistral's rules for a request. The language must be an ISO-639-1 code: a two-letter code is passed through, an
 * English language name ({@code english}, {@code Spanish}, {@code Māori} — the names Whisper reports) becomes its
 * code, anything else is refused. A caller who wants segments to render (verbose_json, srt, vtt) and named no
 * granularity gets {@code timestamp_granularities=segment}, without which Mistral sends none.
 *
 * <p>Stateless and thread-safe.
 */
final class MistralRequestShaper {

    private static final Pattern TWO_LETTERS = Pattern.compile("[A-Za-z]{2}");
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Map<String, String> CODES_BY_NAME = codesByEnglishName();

    private MistralRequestShaper() {
    }

    static TranscriptionRequest shape(TranscriptionRequest request, Deployment deployment) {
        TranscriptionRequest.Builder shaped = request.toBuilder();
        request.language().ifPresent(language -> shaped.language(isoCode(language.strip(), deployment)));
        if (request.timestampGranularities().isEmpty()
                && TimedJson.needsSegments(request.responseFormat())) {
            shaped.timestampGranularities(List.of(TimestampGranularity.SEGMENT));
        }
        return shaped.build();
    }

    private static String isoCode(String language, Deployment deployment) {
        if (TWO_LETTERS.matcher(language).matches()) {
            return language;
        }
        String code = CODES_BY_NAME.get(key(language));
        if (code == null) {
            throw new TranscriptionException(InvalidRequest.ofParam("language", "mistral (deployment '"
                    + deployment.id() + "') takes an ISO-639-1 language code such as 'en'; '" + language
                    + "' is neither such a code nor the English name of a language that has one"));
        }
        return code;
    }

    /** The JDK's English name of every language with a two-letter code, e.g. {@code english} to {@code en}. */
    private static Map<String, String> codesByEnglishName() {
        Map<String, String> codes = new HashMap<>();
        for (String code : Locale.getISOLanguages()) {
            codes.putIfAbsent(key(Locale.of(code).getDisplayLanguage(Locale.ENGLISH)), code);
        }
        return Collections.unmodifiableMap(codes);
    }

    private static String key(String name) {
        String plain = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        return plain.strip().toLowerCase(Locale.ROOT);
    }
}
