package dev.voxgate.providers.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxgate.providers.ProviderCatalog;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class NoDelaySocketFactoryTest {

    @Test
    void everySocketItMakesHasNagleOff() throws IOException {
        NoDelaySocketFactory factory = new NoDelaySocketFactory();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             Socket unconnected = factory.createSocket();
             Socket connected = factory.createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
            assertThat(unconnected.getTcpNoDelay()).isTrue();
            assertThat(connected.getTcpNoDelay()).isTrue();
        }
    }

    @Test
    void theSharedClientUsesIt() {
        assertThat(ProviderCatalog.newHttpClient().socketFactory()).isInstanceOf(NoDelaySocketFactory.class);
    }
}
