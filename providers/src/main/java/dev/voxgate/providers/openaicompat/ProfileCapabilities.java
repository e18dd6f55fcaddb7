package dev.voxgate.providers.openaicompat;

import dev.voxgate.core.model.Capabilities;
import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.providers.http.StandardField;
import java.util.EnumSet;
import java.util.Set;

/**
 * The capabilities a profile (already resolved for one model) gives its adapter, read from the same parts the
 * adapter checks, so that what is declared and what is refused cannot drift apart: the formats it does not refuse,
 * the fields and parameters its {@code ParamSchema} lets through, typed (timings whenever it takes timestamp
 * granularities: every such vendor answers with the timings asked for), translations and streaming as
 * {@link OpenAiCompatTranscriber} allows them.
 *
 * <p>Stateless.
 */
final class ProfileCapabilities {

    private ProfileCapabilities() {
    }

    static Capabilities of(OpenAiCompatProfile profile, String model) {
        boolean sendsFormat = profile.params().takes(StandardField.RESPONSE_FORMAT);
        // A vendor that is never told the format answers in its one JSON shape; the proxy renders the rest from it.
        Set<ResponseFormat> written = EnumSet.noneOf(ResponseFormat.class);
        Set<ResponseFormat> rendered = EnumSet.noneOf(ResponseFormat.class);
        for (ResponseFormat format : profile.responseFormats()) {
            (sendsFormat || format == ResponseFormat.JSON ? written : rendered).add(format);
        }
        boolean timed = profile.params().takes(StandardField.TIMESTAMP_GRANULARITIES);
        return Capabilities.builder()
                .translation(profile.features().translations())
                .streaming(profile.features().streams(model))
                .nativeFormats(written)
                .renderedFormats(rendered)
                .wordTimestamps(timed)
                .segmentTimestamps(timed)
                .diarization(profile.responseFormats().contains(ResponseFormat.DIARIZED_JSON)
                        || profile.params().declares("diarize"))
                .maxUploadBytes(profile.maxUploadBytes().orElse(null))
                .maxAudio(profile.maxAudio().orElse(null))
                .paramTypes(profile.params().types().orElse(null))
                .build();
    }
}
