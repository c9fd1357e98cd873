package com.aegis.db;

import java.util.Optional;

/** The schema could not be migrated; {@link #migrationScript()} names the script that failed when it is known. */
public final class MigrationFailedException extends RuntimeException {

    private final String migrationScript;

    public MigrationFailedException(String message, String migrationScript, Throwable cause) {
        super(message, cause);
        this.migrationScript = migrationScript;
    }

    /**
     * The failing script's file name, e.g. {@code V5__trading.sql}; empty when no single script failed (no
     * connection, a non-empty schema without history table, ...). For a checksum mismatch, the first edited script.
     */
    public Optional<String> migrationScript() {
        return Optional.ofNullable(migrationScript);
    }
}
