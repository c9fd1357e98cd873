package com.aegis.workers;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * docker-compose.yml runs the same workers on real services. There is no container engine here, so the file is
 * checked statically: every setting the prod profile reads is provided, and every address points at a service and
 * port that the file defines.
 */
class DockerComposeTest {

    private static final Path COMPOSE = Path.of("..", "docker-compose.yml");
    private static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{(AEGIS_[A-Z_]+):}");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> compose() throws IOException {
        try (InputStream in = Files.newInputStream(COMPOSE)) {
            return new Yaml().load(in);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) throws IOException {
        return (Map<String, Object>) ((Map<String, Object>) compose().get("services")).get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> workersEnvironment() throws IOException {
        return (Map<String, String>) service("workers").get("environment");
    }

    @Test
    void definesTheWholeSystem() throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> services = (Map<String, Object>) compose().get("services");
        assertThat(services).containsKeys("temporal", "temporal-ui", "postgresql", "redis", "kafka", "workers");
    }

    @Test
    void everySettingTheProdProfileRequiresIsProvided() throws IOException {
        String prod = Files.readString(Path.of("src", "main", "resources", "application-prod.yml"));
        List<String> required = new ArrayList<>();
        Matcher m = REQUIRED_VARIABLE.matcher(prod);
        while (m.find()) {
            required.add(m.group(1));
        }
        assertThat(required).contains("AEGIS_POSTGRES_URL", "AEGIS_REDIS_URI", "AEGIS_KAFKA_BOOTSTRAP_SERVERS",
                "AEGIS_TEMPORAL_TARGET");
        Map<String, String> env = workersEnvironment();
        assertThat(env).containsKeys(required.toArray(String[]::new));
        assertThat(env.get("SPRING_PROFILES_ACTIVE")).isEqualTo("prod");
        required.forEach(variable -> assertThat(env.get(variable)).as(variable).isNotBlank());
    }

    @Test
    void everyAddressNamesADefinedServiceOnItsPort() throws IOException {
        Map<String, String> env = workersEnvironment();
        assertThat(env.get("AEGIS_POSTGRES_URL")).isEqualTo("jdbc:postgresql://postgresql:5432/aegis");
        assertPublishes("postgresql", 5432);
        assertThat(env.get("AEGIS_REDIS_URI")).isEqualTo("redis://redis:6379");
        assertPublishes("redis", 6379);
        assertThat(env.get("AEGIS_KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka:9092");
        assertPublishes("kafka", 9092);
        @SuppressWarnings("unchecked")
        Map<String, String> kafkaEnv = (Map<String, String>) service("kafka").get("environment");
        assertThat(kafkaEnv.get("KAFKA_ADVERTISED_LISTENERS")).contains("kafka:9092");
        assertThat(env.get("AEGIS_TEMPORAL_TARGET")).isEqualTo("temporal:7233");
        assertPublishes("temporal", 7233);
        @SuppressWarnings("unchecked")
        Map<String, String> uiEnv = (Map<String, String>) service("temporal-ui").get("environment");
        assertThat(uiEnv.get("TEMPORAL_ADDRESS")).isEqualTo("temporal:7233");
        assertPublishes("workers", Integer.parseInt(env.get("AEGIS_HTTP_PORT")));
        @SuppressWarnings("unchecked")
        Map<String, String> temporalEnv = (Map<String, String>) service("temporal").get("environment");
        assertThat(temporalEnv.get("POSTGRES_SEEDS")).isEqualTo("postgresql");
        @SuppressWarnings("unchecked")
        Map<String, String> pgEnv = (Map<String, String>) service("postgresql").get("environment");
        assertThat(env.get("AEGIS_POSTGRES_USER")).isEqualTo(pgEnv.get("POSTGRES_USER"));
        assertThat(env.get("AEGIS_POSTGRES_PASSWORD")).isEqualTo(pgEnv.get("POSTGRES_PASSWORD"));
    }

    @Test
    void workersAreBuiltFromThisRepository() throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, String> build = (Map<String, String>) service("workers").get("build");
        assertThat(Path.of("..", build.get("context"), build.get("dockerfile")).normalize()).exists();
        assertThat(service("workers")).doesNotContainKey("image");
    }

    @Test
    void dockerComposeAcceptsTheFile() throws Exception {
        Path binary = Path.of("/usr/bin/docker-compose");
        assumeThat(Files.isExecutable(binary)).as("docker-compose is installed (Debian package docker-compose)").isTrue();
        Process process = new ProcessBuilder(binary.toString(), "-f", COMPOSE.toString(), "config", "-q")
                .redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.exitValue()).as(output).isZero();
    }

    private static void assertPublishes(String serviceName, int port) throws IOException {
        @SuppressWarnings("unchecked")
        List<String> ports = (List<String>) service(serviceName).get("ports");
        assertThat(ports).as(serviceName + " ports").anyMatch(p -> p.endsWith(":" + port));
    }
}
