package com.aegis.activities.kis.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * KIS access tokens per app key, shared by all threads and clients of this JVM and persisted (file mode 0600) so a
 * restart reuses the token instead of issuing another: KIS sends the account holder a notice per issue and refuses a
 * second issue within a minute (EGW00133). A new token is requested only when none is stored or the stored one is
 * within the refresh margin of expiry; concurrent callers wait for the one request in flight; and never more than
 * one request per app key is made per issue interval, even across processes sharing the directory.
 */
public final class KisTokenCache {

    /** Requests a token from KIS; called with the cache's lock held. */
    @FunctionalInterface
    public interface TokenIssuer {
        KisAccessToken issue();
    }

    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    // One lock per cache file for the whole JVM: file locks cannot be nested inside one process.
    private static final Map<Path, ReentrantLock> FILE_LOCKS = new ConcurrentHashMap<>();

    private final Path directory;
    private final Clock clock;
    private final Duration refreshMargin;
    private final Duration issueInterval;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Entry> memory = new ConcurrentHashMap<>();

    private record Entry(KisAccessToken token, Instant lastIssueRequest) {
    }

    public KisTokenCache(Path directory, Clock clock, Duration refreshMargin, Duration issueInterval) {
        this.directory = Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.refreshMargin = Objects.requireNonNull(refreshMargin, "refreshMargin");
        this.issueInterval = Objects.requireNonNull(issueInterval, "issueInterval");
    }

    /** A cache in {@code directory} on the system clock: refresh 10 minutes before expiry, one issue a minute. */
    public static KisTokenCache inDirectory(Path directory) {
        return new KisTokenCache(directory, Clock.systemUTC(), Duration.ofMinutes(10), Duration.ofMinutes(1));
    }

    /**
     * A usable token for the app: the stored one while it is outside the refresh margin, else a new one from
     * {@code issuer}. Throws a retryable {@link KisException} ({@link KisErrorKind#TOKEN_ISSUE_THROTTLED}) when a
     * new token is needed but one was requested less than the issue interval ago.
     */
    public KisAccessToken token(String appKey, TokenIssuer issuer) {
        Entry cached = memory.get(appKey);
        if (cached != null && usable(cached.token())) {
            return cached.token();
        }
        Path file = fileFor(appKey);
        ReentrantLock lock = FILE_LOCKS.computeIfAbsent(file, f -> new ReentrantLock(true));
        lock.lock();
        try (FileChannel lockChannel = openLockFile(file); FileLock ignored = lockChannel.lock()) {
            Entry stored = read(file);
            if (stored != null && stored.token() != null && usable(stored.token())) {
                memory.put(appKey, stored);
                return stored.token();
            }
            Instant now = clock.instant();
            Instant last = stored == null ? null : stored.lastIssueRequest();
            if (last != null && now.isBefore(last.plus(issueInterval))) {
                Duration wait = Duration.between(now, last.plus(issueInterval));
                throw new KisException(KisErrorKind.TOKEN_ISSUE_THROTTLED, "EGW00133", true, wait,
                        "a KIS access token was requested less than " + issueInterval.toSeconds()
                                + " s ago and KIS allows one request a minute per app key; retry in "
                                + Math.max(1, wait.toSeconds()) + " s", null);
            }
            // Record the attempt first: a failed or refused request still counts against KIS's one-a-minute rule.
            write(file, new Entry(stored == null ? null : stored.token(), now));
            KisAccessToken fresh = issuer.issue();
            Entry entry = new Entry(fresh, now);
            write(file, entry);
            memory.put(appKey, entry);
            return fresh;
        } catch (IOException e) {
            throw new IllegalStateException("cannot use the KIS token cache in " + directory + ": "
                    + e.getClass().getSimpleName() + " " + e.getMessage()
                    + "; check that the directory exists or can be created and is writable by this user only", e);
        } finally {
            lock.unlock();
        }
    }

    /** Forgets {@code rejected} (KIS called it expired or invalid) so the next {@link #token} requests a new one. */
    public void invalidate(String appKey, KisAccessToken rejected) {
        memory.computeIfPresent(appKey, (k, e) -> e.token() != null && e.token().value().equals(rejected.value())
                ? null : e);
        Path file = fileFor(appKey);
        ReentrantLock lock = FILE_LOCKS.computeIfAbsent(file, f -> new ReentrantLock(true));
        lock.lock();
        try (FileChannel lockChannel = openLockFile(file); FileLock ignored = lockChannel.lock()) {
            Entry stored = read(file);
            if (stored != null && stored.token() != null && stored.token().value().equals(rejected.value())) {
                write(file, new Entry(null, stored.lastIssueRequest()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot update the KIS token cache in " + directory + ": "
                    + e.getClass().getSimpleName(), e);
        } finally {
            lock.unlock();
        }
    }

    /** The file holding the app's token; named by a hash so the app key itself never lands on disk in clear. */
    public Path fileFor(String appKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(appKey.getBytes(StandardCharsets.UTF_8));
            return directory.resolve("kis-token-" + HexFormat.of().formatHex(digest, 0, 12) + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private boolean usable(KisAccessToken token) {
        return clock.instant().plus(refreshMargin).isBefore(token.expiresAt());
    }

    private FileChannel openLockFile(Path file) throws IOException {
        createDirectory();
        Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
        if (!Files.exists(lockFile)) {
            try {
                createOwnerOnly(lockFile);
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another thread or process created it first; either is fine
            }
        }
        return FileChannel.open(lockFile, StandardOpenOption.WRITE);
    }

    private Entry read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            JsonNode node = json.readTree(Files.readAllBytes(file));
            Instant last = node.hasNonNull("lastIssueRequest") ? Instant.parse(node.get("lastIssueRequest").asText())
                    : null;
            KisAccessToken token = node.hasNonNull("accessToken") && node.hasNonNull("expiresAt")
                    ? new KisAccessToken(node.get("accessToken").asText(), Instant.parse(node.get("expiresAt").asText()))
                    : null;
            return new Entry(token, last);
        } catch (IOException | RuntimeException e) {
            // A damaged cache file only costs a new token; the minute rule is then enforced by KIS itself.
            return null;
        }
    }

    private void write(Path file, Entry entry) throws IOException {
        createDirectory();
        ObjectNode node = json.createObjectNode();
        if (entry.token() != null) {
            node.put("accessToken", entry.token().value());
            node.put("expiresAt", entry.token().expiresAt().toString());
        }
        if (entry.lastIssueRequest() != null) {
            node.put("lastIssueRequest", entry.lastIssueRequest().toString());
        }
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        createOwnerOnly(temp);
        Files.write(temp, json.writeValueAsBytes(node), StandardOpenOption.TRUNCATE_EXISTING);
        try {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void createDirectory() throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        if (posix()) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
        } else {
            Files.createDirectories(directory);
        }
    }

    private static void createOwnerOnly(Path file) throws IOException {
        if (posix()) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
            // The umask may have narrowed the mode further but never widened it; set it exactly.
            Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
        } else {
            Files.createFile(file);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
