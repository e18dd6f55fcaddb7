package dev.voxgate.providers.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import okio.Buffer;
import org.junit.jupiter.api.Test;

class UpstreamSocketFactoryTest {

    private static final OkHttpClient CLIENT = new OkHttpClient.Builder().socketFactory(new UpstreamSocketFactory())
            .build();

    @Test
    void everySocketItMakesHasNagleOff() throws IOException {
        UpstreamSocketFactory factory = new UpstreamSocketFactory();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             Socket unconnected = factory.createSocket();
             Socket connected = factory.createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
            assertThat(unconnected.getTcpNoDelay()).isTrue();
            assertThat(connected.getTcpNoDelay()).isTrue();
            assertThat(connected.isConnected()).isTrue();
        }
    }

    @Test
    void uploadsArriveWholeOverPlainHttp() throws Exception {
        try (MockWebServer vendor = new MockWebServer()) {
            vendor.start();
            uploadTwiceAndCheck(vendor, CLIENT);
        }
    }

    // Every real vendor speaks TLS: its records go through the gathering stream too, and each must be flushed out
    // rather than wait in a half-filled chunk.
    @Test
    void uploadsArriveWholeOverTls() throws Exception {
        HeldCertificate certificate = new HeldCertificate.Builder()
                .addSubjectAlternativeName(InetAddress.getLoopbackAddress().getHostName())
                .addSubjectAlternativeName("localhost")
                .build();
        HandshakeCertificates serverCertificates = new HandshakeCertificates.Builder()
                .heldCertificate(certificate).build();
        HandshakeCertificates clientCertificates = new HandshakeCertificates.Builder()
                .addTrustedCertificate(certificate.certificate()).build();
        try (MockWebServer vendor = new MockWebServer()) {
            vendor.useHttps(serverCertificates.sslSocketFactory());
            vendor.start();
            OkHttpClient client = CLIENT.newBuilder()
                    .sslSocketFactory(clientCertificates.sslSocketFactory(), clientCertificates.trustManager())
                    .build();
            uploadTwiceAndCheck(vendor, client);
        }
    }

    private static void uploadTwiceAndCheck(MockWebServer vendor, OkHttpClient client) throws Exception {
        OkHttpClient bounded = client.newBuilder().callTimeout(Duration.ofSeconds(10)).build();
        for (int size : new int[] {100 * 1024, 3 * 1024 * 1024 + 17}) {
            byte[] audio = new byte[size];
            for (int i = 0; i < size; i++) {
                audio[i] = (byte) (i ^ (i >> 9));
            }
            vendor.enqueue(new MockResponse.Builder().body("{\"text\":\"ok\"}").build());
            RequestBody form = new MultipartBody.Builder().setType(MultipartBody.FORM)
                    .addFormDataPart("file", "speech.wav", RequestBody.create(audio, MediaType.get("audio/wav")))
                    .addFormDataPart("model", "whisper-1")
                    .build();
            Buffer expected = new Buffer();
            form.writeTo(expected);
            try (Response response = bounded.newCall(new Request.Builder().url(vendor.url("/v1/audio/transcriptions"))
                    .post(form).build()).execute()) {
                assertThat(response.body().string()).isEqualTo("{\"text\":\"ok\"}");
            }
            RecordedRequest recorded = vendor.takeRequest(5, TimeUnit.SECONDS);
            assertThat(recorded).isNotNull();
            assertThat(recorded.getBody()).isEqualTo(expected.readByteString());
        }
    }
}
