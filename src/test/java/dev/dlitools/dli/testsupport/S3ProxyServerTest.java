package dev.dlitools.dli.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class S3ProxyServerTest {

    @Test
    void startsOnLoopbackAndKeepsBuckets() {
        try (S3ProxyServer server = S3ProxyServer.start()) {
            server.createBucket("jars");
            assertThat(server.endpoint().getHost()).isEqualTo("127.0.0.1");
            assertThat(server.endpoint().getPort()).isPositive();
            assertThat(server.exists("jars", "missing.jar")).isFalse();
        }
    }
}
