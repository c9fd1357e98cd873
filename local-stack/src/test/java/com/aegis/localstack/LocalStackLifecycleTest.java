package com.aegis.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackLifecycleTest {

    @TempDir
    Path dataDir;

    @Test
    void closeStopsEveryComponentFreesItsPortAndKeepsTheData() throws Exception {
        LocalStack stack = LocalStack.start(LocalStackConfig.ephemeral(dataDir));
        LocalStackConfig config = stack.config();
        assertThat(stack.status()).allMatch(ComponentStatus::isUp);

        long begin = System.nanoTime();
        stack.close();
        long closeMillis = (System.nanoTime() - begin) / 1_000_000;
        System.out.printf("Local stack close: %d ms%n", closeMillis);

        assertThat(closeMillis).isLessThan(10_000);
        assertThat(stack.status()).noneMatch(ComponentStatus::isUp);
        for (int port : List.of(config.temporalPort(), config.postgresPort(), config.redisPort(),
                config.kafkaPort())) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
                assertThat(socket.isBound()).as("port %d is free again", port).isTrue();
            }
        }
        assertThat(Files.exists(config.postgresDataDir().resolve("PG_VERSION"))).isTrue();
        assertThat(Files.isDirectory(config.redisDataDir())).isTrue();
        stack.close();
    }

    @Test
    void theSharedTestStackIgnoresClose() {
        LocalStack shared = LocalStack.sharedForTests();

        shared.close();

        assertThat(LocalStack.sharedForTests()).isSameAs(shared);
        assertThat(shared.status()).allMatch(ComponentStatus::isUp);
    }
}
