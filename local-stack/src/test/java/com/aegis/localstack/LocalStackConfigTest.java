package com.aegis.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalStackConfigTest {

    @Test
    void defaultsAreTheWellKnownLocalPorts() {
        LocalStackConfig config = LocalStackConfig.defaults();

        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.temporalPort()).isEqualTo(7233);
        assertThat(config.postgresPort()).isEqualTo(5432);
        assertThat(config.redisPort()).isEqualTo(6379);
        assertThat(config.kafkaPort()).isEqualTo(9092);
        assertThat(config.dataDir().getFileName()).isEqualTo(Path.of("data"));
        assertThat(config.kafkaTopics()).containsEntry(KafkaTopics.KRX_TICKS, 6)
                .containsEntry(KafkaTopics.KRX_QUOTES, 6).containsEntry(KafkaTopics.ALERTS, 3)
                .hasSize(KafkaTopics.ALL.size());
    }

    @Test
    void ephemeralLeavesPortsToBeChosenAtStart() {
        LocalStackConfig config = LocalStackConfig.ephemeral(Path.of("/tmp/aegis-test"));

        assertThat(config.temporalPort()).isZero();
        assertThat(config.postgresPort()).isZero();
        assertThat(config.redisPort()).isZero();
        assertThat(config.kafkaPort()).isZero();
        assertThat(config.postgresDataDir()).isEqualTo(Path.of("/tmp/aegis-test/postgres"));
    }

    @Test
    void settingsOverrideTheDefaults() {
        Map<String, String> settings = Map.of(
                "aegis.local.postgres-port", "15432",
                "aegis.local.data-dir", "/srv/aegis",
                "aegis.local.password", "s3cret");

        LocalStackConfig config = LocalStackConfig.fromSettings(settings::get);

        assertThat(config.postgresPort()).isEqualTo(15432);
        assertThat(config.temporalPort()).isEqualTo(7233);
        assertThat(config.dataDir()).isEqualTo(Path.of("/srv/aegis"));
        assertThat(config.password()).isEqualTo("s3cret");
        assertThat(config.toString()).doesNotContain("s3cret");
    }

    @Test
    void aBadSettingNamesTheSettingToFix() {
        assertThatThrownBy(() -> LocalStackConfig.fromSettings(Map.of("aegis.local.redis-port", "six")::get))
                .hasMessage("'six' is not a port number. Set aegis.local.redis-port (AEGIS_LOCAL_REDIS_PORT)"
                        + " to a number between 1 and 65535.");
        assertThatThrownBy(() -> LocalStackConfig.defaults().withKafkaTopics(Map.of(KafkaTopics.KRX_TICKS, 0)))
                .hasMessageContaining("krx.ticks.v1 needs at least 1 partition");
        assertThatThrownBy(() -> LocalStackConfig.defaults().withUser("Robert'); drop table"))
                .hasMessageContaining("aegis.local.user (AEGIS_LOCAL_USER)");
    }

    @Test
    void twoComponentsOnOnePortAreRefused() {
        LocalStackConfig config = LocalStackConfig.ephemeral(Path.of("/tmp/aegis-test"))
                .withRedisPort(16379).withKafkaPort(16379);

        assertThatThrownBy(() -> LocalStack.start(config))
                .isInstanceOf(LocalStackException.class)
                .hasMessageStartingWith("Port 16379 is configured for two components.");
    }
}
