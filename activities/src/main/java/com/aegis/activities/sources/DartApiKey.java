package com.aegis.activities.sources;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;

/**
 * The OpenDART API key ({@code crtfc_key}), read only from the environment ({@value #ENV_KEY}) or a secret file
 * named by {@value #ENV_KEY_FILE}. {@link #toString()} masks it; {@link #fingerprint()} identifies it in logs.
 */
public final class DartApiKey {

    public static final String ENV_KEY = "DART_API_KEY";
    public static final String ENV_KEY_FILE = "DART_API_KEY_FILE";

    private final String value;
    private final String fingerprint;

    private DartApiKey(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the OpenDART API key is empty; set " + ENV_KEY + " or "
                    + ENV_KEY_FILE);
        }
        this.value = value.strip();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(this.value.getBytes(StandardCharsets.UTF_8));
            this.fingerprint = "sha256:" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    /** From {@value #ENV_KEY}, else from the file {@value #ENV_KEY_FILE} names (e.g. a mounted secret). */
    public static DartApiKey fromEnvironment(Map<String, String> environment) {
        Objects.requireNonNull(environment, "environment");
        String direct = environment.get(ENV_KEY);
        if (direct != null && !direct.isBlank()) {
            return new DartApiKey(direct);
        }
        String file = environment.get(ENV_KEY_FILE);
        if (file != null && !file.isBlank()) {
            return fromSecretFile(Path.of(file));
        }
        throw new IllegalStateException("no OpenDART API key: set " + ENV_KEY + " or point " + ENV_KEY_FILE
                + " at a file holding the key");
    }

    public static DartApiKey fromSecretFile(Path file) {
        try {
            return new DartApiKey(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the OpenDART API key file " + file + " ("
                    + e.getClass().getSimpleName() + "); check " + ENV_KEY_FILE + " and the file permissions", e);
        }
    }

    /** For tests and the simulator; production code reads the key with {@link #fromEnvironment}. */
    public static DartApiKey of(String value) {
        return new DartApiKey(value);
    }

    /** The key itself, only for building the request. */
    String reveal() {
        return value;
    }

    /** Short hash that identifies the key in logs and quota counters without revealing it. */
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public String toString() {
        return "DartApiKey[" + fingerprint + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DartApiKey k && k.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
