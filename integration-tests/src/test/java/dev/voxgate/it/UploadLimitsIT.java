package dev.voxgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The upload limit is enforced before the body is read: an over-limit request is answered while it is still sent. */
class UploadLimitsIT {

    private static final String BOUNDARY = "voxgate-boundary";

    @Test
    void declaredOverLimitUploadIsAnswered413BeforeItsBodyIsSent() throws IOException {
        try (FakeSpeechVendor openAi = FakeSpeechVendor.openAi("sk-limits", "unused");
             RunningProxy proxy = RunningProxy.start(Examples.config("whisper-openai.yaml"),
                     Map.of("OPENAI_API_KEY", "sk-limits", "OPENAI_API_BASE", openAi.baseUrl()));
             Socket socket = new Socket("127.0.0.1", Integer.parseInt(proxy.baseUrl().replaceAll(".*:", "")))) {
            socket.setSoTimeout(15_000);
            long declared = 30L * 1024 * 1024;
            OutputStream out = socket.getOutputStream();
            // Headers and the first bytes of a 30 MiB body, then nothing: a proxy that waited for the whole body
            // would never answer.
            out.write(("POST /v1/audio/transcriptions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer sk-1234\r\n"
                    + "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\n"
                    + "Content-Length: " + declared + "\r\n\r\n"
                    + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nwhisper\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();

            String answer = readAnswer(socket.getInputStream());

            assertThat(answer).startsWith("HTTP/1.1 413");
            assertThat(answer).contains("\"param\":\"file\"").contains("larger than this proxy accepts");
            assertThat(openAi.requestCount()).isZero();
        }
    }

    @Test
    void maxRequestSizeFromTheConfigSetsTheLimit(@TempDir Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve("small.yaml"), """
                model_list:
                  - model_name: whisper
                    litellm_params: {model: whisper-1}
                general_settings:
                  max_request_size_mb: 0.1
                """);
        try (FakeSpeechVendor openAi = FakeSpeechVendor.openAi("sk-limits", "small enough");
             RunningProxy proxy = RunningProxy.start(config,
                     Map.of("OPENAI_API_KEY", "sk-limits", "OPENAI_API_BASE", openAi.baseUrl()))) {
            var small = ProxyClients.postTranscription(proxy, "/v1/audio/transcriptions", null,
                    TestFiles.wav(dir, "small.wav", 50_000), ProxyClients.fields("model", "whisper"));
            var large = ProxyClients.postTranscription(proxy, "/v1/audio/transcriptions", null,
                    TestFiles.wav(dir, "large.wav", 200_000), ProxyClients.fields("model", "whisper"));

            assertThat(small.status()).as(small.body()).isEqualTo(200);
            assertThat(large.status()).isEqualTo(413);
            assertThat(large.body()).contains("larger than this proxy accepts (0.1 MiB)");
        }
    }

    private static String readAnswer(InputStream in) throws IOException {
        StringBuilder answer = new StringBuilder();
        byte[] buffer = new byte[8192];
        int read;
        while ((read = in.read(buffer)) > 0) {
            answer.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
            if (answer.indexOf("}}") >= 0) {
                break;
            }
        }
        return answer.toString();
    }
}
