package com.aegis.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ServiceReachabilityTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static int deadPort;

    @BeforeAll
    static void findAPortNobodyListensOn() {
        deadPort = Ports.pickFree("127.0.0.1", Set.of());
    }

    @Test
    void tcp() {
        assertFailsFast(() -> ServiceReachability.requireTcp("PostgreSQL", "127.0.0.1", deadPort,
                        "aegis.postgres.url", TIMEOUT),
                "PostgreSQL is not reachable at 127.0.0.1:" + deadPort
                        + " (connection refused). Check aegis.postgres.url (AEGIS_POSTGRES_URL).");
    }

    @Test
    void jdbc() {
        assertFailsFast(() -> ServiceReachability.requireJdbc("jdbc:postgresql://127.0.0.1:" + deadPort + "/aegis",
                        "aegis", "aegis", "aegis.postgres.url", TIMEOUT),
                "PostgreSQL is not reachable at 127.0.0.1:" + deadPort
                        + " (connection refused). Check aegis.postgres.url (AEGIS_POSTGRES_URL).");
    }

    @Test
    void redis() {
        assertFailsFast(() -> ServiceReachability.requireRedis("redis://127.0.0.1:" + deadPort, "aegis.redis.uri",
                        TIMEOUT),
                "Redis is not reachable at 127.0.0.1:" + deadPort
                        + " (connection refused). Check aegis.redis.uri (AEGIS_REDIS_URI).");
    }

    @Test
    void kafka() {
        assertFailsFast(() -> ServiceReachability.requireKafka("127.0.0.1:" + deadPort,
                        "aegis.kafka.bootstrap-servers", TIMEOUT),
                "Kafka is not reachable at 127.0.0.1:" + deadPort
                        + " (connection refused). Check aegis.kafka.bootstrap-servers"
                        + " (AEGIS_KAFKA_BOOTSTRAP_SERVERS).");
    }

    @Test
    void temporal() {
        assertFailsFast(() -> ServiceReachability.requireTemporal("127.0.0.1:" + deadPort, "default",
                        "aegis.temporal.target (AEGIS_TEMPORAL_TARGET)", TIMEOUT),
                "Temporal is not reachable at 127.0.0.1:" + deadPort
                        + " (connection refused). Check aegis.temporal.target (AEGIS_TEMPORAL_TARGET).");
    }

    /** The kernel completes the TCP handshake for a listening socket nobody accepts on: a hung server. */
    @Test
    void aServerThatAcceptsButNeverAnswersFailsWithinTheTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            String address = "127.0.0.1:" + silent.getLocalPort();
            Duration timeout = Duration.ofSeconds(1);
            Map<String, ThrowingCallable> checks = new LinkedHashMap<>();
            checks.put("PostgreSQL", () -> ServiceReachability.requireJdbc("jdbc:postgresql://" + address + "/aegis",
                    "aegis", "aegis", "aegis.postgres.url", timeout));
            checks.put("Redis", () -> ServiceReachability.requireRedis("redis://" + address, "aegis.redis.uri",
                    timeout));
            checks.put("Kafka", () -> ServiceReachability.requireKafka(address, "aegis.kafka.bootstrap-servers",
                    timeout));
            checks.put("Temporal", () -> ServiceReachability.requireTemporal(address, "default",
                    "aegis.temporal.target", timeout));

            checks.forEach((component, check) -> {
                long begin = System.nanoTime();
                assertThatThrownBy(check).as(component)
                        .isInstanceOf(LocalStackException.class)
                        .hasMessageStartingWith(component)
                        .hasMessageContaining(address)
                        .hasMessageContaining("Check aegis.");
                assertThat((System.nanoTime() - begin) / 1_000_000).as(component + " ms until the failure")
                        .isLessThan(4_000);
            });
        }
    }

    @Test
    void aJdbcUrlWithoutPortUsesThePostgresDefault() {
        assertThat(ServiceReachability.jdbcAddress("jdbc:postgresql://db.example/aegis?ssl=true"))
                .isEqualTo("db.example:5432");
        assertThat(ServiceReachability.jdbcAddress("jdbc:postgresql://db.example:6543,db2:5432/aegis"))
                .isEqualTo("db.example:6543");
    }

    private static void assertFailsFast(ThrowingCallable check, String message) {
        long begin = System.nanoTime();
        assertThatThrownBy(check).isInstanceOf(LocalStackException.class).hasMessage(message);
        assertThat((System.nanoTime() - begin) / 1_000_000).as("ms until the failure").isLessThan(5_000);
    }
}
