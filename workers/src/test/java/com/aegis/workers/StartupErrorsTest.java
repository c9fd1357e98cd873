package com.aegis.workers;

import com.aegis.localstack.LocalStack;
import com.aegis.localstack.LocalStackException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With the prod profile, a wrong address fails start-up within seconds, naming the component, the address and the
 * setting to change.
 */
class StartupErrorsTest {

    @Test
    void badJdbcUrlNamesPostgresTheAddressAndTheSetting() throws IOException {
        int closed = closedPort();
        long started = System.nanoTime();
        assertThatThrownBy(() -> startProd(
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + closed + "/aegis",
                "--aegis.redis.uri=redis://127.0.0.1:" + closed,
                "--aegis.kafka.bootstrap-servers=127.0.0.1:" + closed,
                "--spring.temporal.connection.target=127.0.0.1:" + closed))
                .extracting(StartupErrorsTest::startupMessage).asString()
                .contains("PostgreSQL")
                .contains("127.0.0.1:" + closed)
                .contains("AEGIS_POSTGRES_URL");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void unreachableKafkaNamesKafkaTheAddressAndTheSetting() throws IOException {
        LocalStack stack = LocalStack.sharedForTests();
        int closed = closedPort();
        long started = System.nanoTime();
        assertThatThrownBy(() -> startProd(
                "--spring.datasource.url=" + stack.jdbcUrl(),
                "--spring.datasource.username=" + stack.jdbcUser(),
                "--spring.datasource.password=" + stack.jdbcPassword(),
                "--aegis.redis.uri=" + stack.redisUri(),
                "--aegis.kafka.bootstrap-servers=127.0.0.1:" + closed,
                "--spring.temporal.connection.target=" + stack.temporalTarget()))
                .extracting(StartupErrorsTest::startupMessage).asString()
                .contains("Kafka")
                .contains("127.0.0.1:" + closed)
                .contains("AEGIS_KAFKA_BOOTSTRAP_SERVERS");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void aMissingSettingSaysWhichVariableToSet() {
        assertThatThrownBy(() -> startProd("--spring.datasource.url="))
                .extracting(StartupErrorsTest::startupMessage).asString()
                .contains("AEGIS_POSTGRES_URL");
    }

    private static void startProd(String... args) {
        new SpringApplicationBuilder(AegisWorkersApplication.class)
                .profiles("prod")
                .properties("server.port=0", "aegis.startup.connect-timeout=3s")
                .run(args)
                .close();
    }

    /** The message of the start-up failure the operator sees: the first LocalStackException in the cause chain. */
    private static String startupMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LocalStackException) {
                return t.getMessage();
            }
        }
        throw new AssertionError("start-up failed without a LocalStackException", e);
    }

    /** A port nothing listens on: bound, then released. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
