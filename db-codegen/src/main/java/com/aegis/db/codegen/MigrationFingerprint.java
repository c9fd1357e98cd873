package com.aegis.db.codegen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * SHA-256 over the migration scripts (file names and contents, in name order) plus the generator settings, so the
 * build can tell whether the generated classes still describe the migrations and skip the embedded database if so.
 */
public record MigrationFingerprint(String sha256Hex, List<Path> scripts) {

    /** File kept in the output directory with the fingerprint of the migrations the classes were generated from. */
    public static final String FINGERPRINT_FILE = ".migrations.sha256";

    public MigrationFingerprint {
        scripts = List.copyOf(scripts);
    }

    /**
     * Fingerprints every {@code *.sql} file directly inside {@code migrationsDir}.
     *
     * @param settings generator settings that also change the output (target package, generator version), mixed in
     *                 so a settings change regenerates even when the SQL did not change
     */
    public static MigrationFingerprint of(Path migrationsDir, String settings) {
        List<Path> scripts;
        try (Stream<Path> files = Files.list(migrationsDir)) {
            scripts = files.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".sql"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list migration scripts in " + migrationsDir, e);
        }
        MessageDigest digest = sha256();
        digest.update(settings.getBytes(StandardCharsets.UTF_8));
        for (Path script : scripts) {
            digest.update((byte) 0);
            digest.update(script.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            try {
                digest.update(Files.readAllBytes(script));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read migration script " + script, e);
            }
        }
        return new MigrationFingerprint(HexFormat.of().formatHex(digest.digest()), scripts);
    }

    /** True when {@code outputDir} holds classes generated from exactly these migrations. */
    public boolean matchesOutputIn(Path outputDir) {
        Path stored = outputDir.resolve(FINGERPRINT_FILE);
        if (!Files.isRegularFile(stored)) {
            return false;
        }
        try {
            return Files.readString(stored, StandardCharsets.UTF_8).strip().equals(sha256Hex);
        } catch (IOException e) {
            return false;
        }
    }

    /** Records this fingerprint in {@code outputDir}; call only after a successful generation. */
    public void storeIn(Path outputDir) {
        try {
            Files.createDirectories(outputDir);
            Files.writeString(outputDir.resolve(FINGERPRINT_FILE), sha256Hex + System.lineSeparator(),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the migrations fingerprint into " + outputDir, e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK has no SHA-256 MessageDigest", e);
        }
    }
}
