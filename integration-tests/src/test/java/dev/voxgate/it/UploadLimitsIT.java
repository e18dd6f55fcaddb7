package dev.voxgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
