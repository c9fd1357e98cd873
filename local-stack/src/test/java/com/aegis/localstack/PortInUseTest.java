package com.aegis.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PortInUseTest {

    @TempDir
    Path dataDir;

    static Stream<Arguments> components() {
        return Stream.of(
                Arguments.of("Temporal", "aegis.local.temporal-port (AEGIS_LOCAL_TEMPORAL_PORT)",
                        (BiFunction<LocalStackConfig, Integer, LocalStackConfig>) LocalStackConfig::withTemporalPort),
                Arguments.of("PostgreSQL", "aegis.local.postgres-port (AEGIS_LOCAL_POSTGRES_PORT)",
                        (BiFunction<LocalStackConfig, Integer, LocalStackConfig>) LocalStackConfig::withPostgresPort),
                Arguments.of("Redis", "aegis.local.redis-port (AEGIS_LOCAL_REDIS_PORT)",
                        (BiFunction<LocalStackConfig, Integer, LocalStackConfig>) LocalStackConfig::withRedisPort),
                Arguments.of("Kafka", "aegis.local.kafka-port (AEGIS_LOCAL_KAFKA_PORT)",
                        (BiFunction<LocalStackConfig, Integer, LocalStackConfig>) LocalStackConfig::withKafkaPort));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("components")
    void aTakenPortIsReportedBeforeAnythingStarts(String component, String setting,
                                                  BiFunction<LocalStackConfig, Integer, LocalStackConfig> withPort)
            throws Exception {
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            int taken = squatter.getLocalPort();
            LocalStackConfig config = withPort.apply(LocalStackConfig.ephemeral(dataDir), taken);

            long begin = System.nanoTime();
            assertThatThrownBy(() -> LocalStack.start(config))
                    .isInstanceOf(LocalStackException.class)
                    .hasMessage("Cannot start " + component + " on 127.0.0.1:" + taken
                            + ": the port is already in use. Set " + setting + " to a free port.");

            assertThat((System.nanoTime() - begin) / 1_000_000).as("ms to report").isLessThan(2_000);
            // Nothing was started, so nothing was written.
            assertThat(Files.exists(dataDir.resolve("postgres"))).isFalse();
        }
    }
}
