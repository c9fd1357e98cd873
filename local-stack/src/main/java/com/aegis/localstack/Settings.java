package com.aegis.localstack;

import java.util.Locale;

/** Names of the settings a user changes when the local stack cannot start; messages quote them. */
final class Settings {

    static final String TEMPORAL_PORT = "aegis.local.temporal-port";
    static final String POSTGRES_PORT = "aegis.local.postgres-port";
    static final String REDIS_PORT = "aegis.local.redis-port";
    static final String KAFKA_PORT = "aegis.local.kafka-port";
    static final String DATA_DIR = "aegis.local.data-dir";
    static final String HOST = "aegis.local.host";
    static final String DATABASE = "aegis.local.database";
    static final String USER = "aegis.local.user";
    static final String PASSWORD = "aegis.local.password";
    static final String KAFKA_TOPICS = "aegis.local.kafka-topics";
    static final String AEGIS_HOME = "aegis.home";

    private Settings() {
    }

    /** "aegis.local.postgres-port" becomes "AEGIS_LOCAL_POSTGRES_PORT", the way Spring relaxed binding reads it. */
    static String environmentName(String property) {
        return property.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }

    /** "aegis.local.postgres-port (AEGIS_LOCAL_POSTGRES_PORT)"; a setting already written that way is kept. */
    static String describe(String setting) {
        if (setting.contains("(") || setting.isBlank()) {
            return setting;
        }
        return setting + " (" + environmentName(setting) + ")";
    }
}
