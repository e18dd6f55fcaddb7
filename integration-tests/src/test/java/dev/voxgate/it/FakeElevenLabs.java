package dev.voxgate.it;

import java.util.Locale;
import java.util.OptionalDouble;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A loopback stand-in for ElevenLabs' speech-to-text API that refuses what ElevenLabs refuses (another path, no
 * {@code xi-api-key}, a form without {@code model_id} or {@code file}) and answers in its JSON: timed words with
 * speakers and the spacing between them.
 */
final class FakeElevenLabs extends LoopbackVendor {

    private final String apiKey;
    private final String transcript;

    FakeElevenLabs(String apiKey, String transcript) {
        this.apiKey = apiKey;
        this.transcript = transcript;
    }

    /** ElevenLabs' base URL (the API adds {@code /v1/speech-to-text}). */
    String baseUrl() {
        return root("");
    }

    @Override
    protected MockResponse answer(RecordedRequest request) {
        if (!request.getMethod().equals("POST") || !request.getUrl().encodedPath().equals("/v1/speech-to-text")) {
            return json(404, "{\"detail\":\"Not Found\"}");
        }
        if (!apiKey.equals(request.getHeaders().get("xi-api-key"))) {
            return json(401, "{\"detail\":{\"status\":\"invalid_api_key\",\"message\":\"Invalid API key\"}}");
        }
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        if (!body.contains("name=\"model_id\"") || !body.contains("name=\"file\"")) {
            return json(422, "{\"detail\":[{\"loc\":[\"body\",\"model_id\"],\"msg\":\"Field required\"}]}");
        }
        return json(200, words(wavSeconds(request.getBody().toByteArray())));
    }

    private String words(OptionalDouble received) {
        String[] words = transcript.split(" ");
        StringBuilder json = new StringBuilder();
        double at = 0;
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                json.append(String.format(Locale.ROOT, ",{\"text\":\" \",\"start\":%.2f,\"end\":%.2f,"
                        + "\"type\":\"spacing\",\"speaker_id\":\"speaker_0\",\"logprob\":0.0},", at, at + 0.05));
                at += 0.05;
            }
            json.append(String.format(Locale.ROOT, "{\"text\":\"%s\",\"start\":%.2f,\"end\":%.2f,\"type\":\"word\","
                    + "\"speaker_id\":\"speaker_0\",\"logprob\":-0.01}", words[i], at, at + 0.4));
            at += 0.4;
        }
        return "{\"language_code\":\"eng\",\"language_probability\":0.98,\"text\":\"" + transcript + "\",\"words\":["
                + json + "],\"audio_duration_secs\":" + String.format(Locale.ROOT, "%.2f", received.orElse(at)) + "}";
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json").body(body).build();
    }
}
