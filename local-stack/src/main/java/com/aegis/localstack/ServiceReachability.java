package com.aegis.localstack;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Start-up checks for the real services of the production profile. Each check fails within its timeout (plus a
 * moment to close the client) with a {@link LocalStackException} that names the component, the address and the
 * setting to change, e.g. "PostgreSQL is not reachable at db.example:5432 (connection refused). Check
 * aegis.postgres.url (AEGIS_POSTGRES_URL)." A plain TCP connect runs first, so a wrong host or port is reported in
 * those words instead of as a client library's retry loop.
 *
 * <p>{@code setting} may be a property name ({@code aegis.postgres.url}) or already spelled with its environment
 * variable ({@code aegis.postgres.url (AEGIS_POSTGRES_URL)}); the variable is added when missing.
 */
public final class ServiceReachability {

    private ServiceReachability() {
    }

    /** Fails unless something accepts a TCP connection at {@code host:port} within {@code timeout}. */
    public static void requireTcp(String component, String host, int port, String setting, Duration timeout) {
        String address = host + ":" + port;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis(timeout));
        } catch (IOException e) {
            throw unreachable(component, address, reason(e, timeout), setting, e);
        }
    }

    /** Opens a connection with the given credentials and runs {@code select 1}. */
    public static void requireJdbc(String jdbcUrl, String user, String password, String setting, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String address = jdbcAddress(jdbcUrl);
        if (address != null) {
            int colon = address.lastIndexOf(':');
            requireTcp(PostgresComponent.NAME, address.substring(0, colon),
                    Integer.parseInt(address.substring(colon + 1)), setting, timeout);
        }
        int seconds = (int) Math.max(1, TimeUnit.NANOSECONDS.toSeconds(remaining(deadline)));
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password == null ? "" : password);
        properties.setProperty("connectTimeout", Integer.toString(seconds));
        properties.setProperty("loginTimeout", Integer.toString(seconds));
        properties.setProperty("socketTimeout", Integer.toString(seconds));
        String shown = address != null ? address : jdbcUrl;
        try (Connection connection = DriverManager.getConnection(jdbcUrl, properties);
             Statement statement = connection.createStatement()) {
            statement.execute("select 1");
        } catch (SQLException e) {
            throw new LocalStackException(PostgresComponent.NAME + " at " + shown + " refused the connection for user '"
                    + user + "' (" + Failures.rootMessage(e) + "). Check " + Settings.describe(setting)
                    + " and the user and password that go with it.", e);
        }
    }

    /** Connects with Lettuce and sends PING. */
    public static void requireRedis(String redisUri, String setting, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RedisURI uri;
        try {
            uri = RedisURI.create(redisUri);
        } catch (RuntimeException e) {
            throw new LocalStackException(RedisComponent.NAME + " address '" + redisUri + "' is not a Redis URI ("
                    + Failures.rootMessage(e) + "). Check " + Settings.describe(setting)
                    + "; it looks like redis://host:6379.", e);
        }
        String address = uri.getHost() + ":" + uri.getPort();
        requireTcp(RedisComponent.NAME, uri.getHost(), uri.getPort(), setting, timeout);
        Duration left = Duration.ofNanos(Math.max(remaining(deadline), TimeUnit.MILLISECONDS.toNanos(500)));
        uri.setTimeout(left);
        RedisClient client = RedisClient.create(uri);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            String reply = connection.sync().ping();
            if (!"PONG".equals(reply)) {
                throw new LocalStackException(RedisComponent.NAME + " at " + address + " answered PING with '"
                        + reply + "'. Check " + Settings.describe(setting) + ".");
            }
        } catch (LocalStackException e) {
            throw e;
        } catch (RuntimeException e) {
            throw unreachable(RedisComponent.NAME, address, Failures.rootMessage(e), setting, e);
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        }
    }

    /** Asks the cluster for its brokers with an AdminClient bounded by {@code timeout}. */
    public static void requireKafka(String bootstrap, String setting, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        requireAnyBootstrapTcp(bootstrap, setting, timeout);
        int millis = (int) Math.max(500, TimeUnit.NANOSECONDS.toMillis(remaining(deadline)));
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis,
                AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, (long) millis,
                AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, (long) millis);
        Admin admin;
        try {
            admin = Admin.create(config);
        } catch (RuntimeException e) {
            throw new LocalStackException(KafkaComponent.NAME + " bootstrap address '" + bootstrap + "' is not usable ("
                    + Failures.rootMessage(e) + "). Check " + Settings.describe(setting)
                    + "; it looks like host1:9092,host2:9092.", e);
        }
        try {
            int brokers = admin.describeCluster(new DescribeClusterOptions().timeoutMs(millis))
                    .nodes().get(millis, TimeUnit.MILLISECONDS).size();
            if (brokers == 0) {
                throw new LocalStackException(KafkaComponent.NAME + " at " + bootstrap + " reports no live brokers."
                        + " Check " + Settings.describe(setting) + ".");
            }
        } catch (ExecutionException | TimeoutException e) {
            throw unreachable(KafkaComponent.NAME, bootstrap, Failures.rootMessage(e), setting, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(KafkaComponent.NAME, bootstrap, "interrupted while waiting", setting, e);
        } finally {
            admin.close(Duration.ZERO);
        }
    }

    /** Calls getSystemInfo, then describeNamespace for {@code namespace}. */
    public static void requireTemporal(String target, String namespace, String setting, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String[] hostPort = splitHostPort(target, 7233);
        if (hostPort == null) {
            throw new LocalStackException(TemporalComponent.NAME + " target '" + target + "' is not host:port. Check "
                    + Settings.describe(setting) + "; it looks like temporal.example:7233.");
        }
        requireTcp(TemporalComponent.NAME, hostPort[0], Integer.parseInt(hostPort[1]), setting, timeout);
        long millis = Math.max(500, TimeUnit.NANOSECONDS.toMillis(remaining(deadline)));
        WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
                .setTarget(target)
                .setRpcTimeout(Duration.ofMillis(millis))
                .build());
        try {
            stubs.blockingStub().withDeadlineAfter(millis, TimeUnit.MILLISECONDS)
                    .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
            long left = Math.max(500, TimeUnit.NANOSECONDS.toMillis(remaining(deadline)));
            stubs.blockingStub().withDeadlineAfter(left, TimeUnit.MILLISECONDS)
                    .describeNamespace(DescribeNamespaceRequest.newBuilder().setNamespace(namespace).build());
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                throw new LocalStackException(TemporalComponent.NAME + " at " + target + " has no namespace '"
                        + namespace + "'. Create it (temporal operator namespace create " + namespace
                        + ") or check " + Settings.describe(setting) + " and the namespace setting.", e);
            }
            throw unreachable(TemporalComponent.NAME, target, describe(e.getStatus()), setting, e);
        } finally {
            stubs.shutdownNow();
        }
    }

    private static void requireAnyBootstrapTcp(String bootstrap, String setting, Duration timeout) {
        LocalStackException last = null;
        for (String server : bootstrap.split(",")) {
            String[] hostPort = splitHostPort(server.trim(), 9092);
            if (hostPort == null) {
                throw new LocalStackException(KafkaComponent.NAME + " bootstrap address '" + server.trim()
                        + "' is not host:port. Check " + Settings.describe(setting)
                        + "; it looks like host1:9092,host2:9092.");
            }
            try {
                requireTcp(KafkaComponent.NAME, hostPort[0], Integer.parseInt(hostPort[1]), setting, timeout);
                return;
            } catch (LocalStackException e) {
                last = e;
            }
        }
        if (last == null) {
            throw new LocalStackException(KafkaComponent.NAME + " bootstrap address is empty. Set "
                    + Settings.describe(setting) + ", e.g. host1:9092.");
        }
        throw last;
    }

    /** "host:port" of the first host in a PostgreSQL JDBC URL, or null when the URL has another shape. */
    static String jdbcAddress(String jdbcUrl) {
        String prefix = "jdbc:postgresql://";
        if (jdbcUrl == null || !jdbcUrl.startsWith(prefix)) {
            return null;
        }
        String rest = jdbcUrl.substring(prefix.length());
        int end = rest.length();
        for (char stop : new char[] {'/', '?', ','}) {
            int at = rest.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        String[] hostPort = splitHostPort(rest.substring(0, end), 5432);
        return hostPort == null ? null : hostPort[0] + ":" + hostPort[1];
    }

    /** {host, port}; IPv6 literals in brackets are accepted; null when it cannot be read. */
    private static String[] splitHostPort(String text, int defaultPort) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create("tcp://" + text.trim());
            String host = uri.getHost();
            if (host == null) {
                return null;
            }
            int port = uri.getPort() == -1 ? defaultPort : uri.getPort();
            return new String[] {host, Integer.toString(port)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static LocalStackException unreachable(String component, String address, String reason, String setting,
                                                   Throwable cause) {
        return new LocalStackException(component + " is not reachable at " + address + " (" + reason + "). Check "
                + Settings.describe(setting) + ".", cause);
    }

    private static String reason(IOException e, Duration timeout) {
        if (e instanceof ConnectException) {
            String message = e.getMessage();
            return message != null && message.toLowerCase().contains("refused") ? "connection refused"
                    : "cannot connect: " + message;
        }
        if (e instanceof SocketTimeoutException) {
            return "no answer within " + timeout.toMillis() + " ms";
        }
        if (e instanceof UnknownHostException) {
            return "unknown host";
        }
        if (e instanceof NoRouteToHostException) {
            return "no route to host";
        }
        return Failures.rootMessage(e);
    }

    private static String describe(Status status) {
        return status.getDescription() == null
                ? status.getCode().toString()
                : status.getCode() + ": " + status.getDescription();
    }

    private static int timeoutMillis(Duration timeout) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }
}
