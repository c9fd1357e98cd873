package com.aegis.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.Set;

/** Bind tests run before a component starts, so a taken port is reported in our words, not in a server's stack trace. */
final class Ports {

    private Ports() {
    }

    /**
     * Fails with the user's message when {@code host:port} cannot be bound. {@code host} null tests the wildcard
     * address, for servers that listen on every interface.
     */
    static void requireFree(String component, String host, String displayHost, int port, String setting) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            InetSocketAddress address = host == null
                    ? new InetSocketAddress(port)
                    : new InetSocketAddress(InetAddress.getByName(host), port);
            socket.bind(address);
        } catch (UnknownHostException e) {
            throw new LocalStackException("Cannot start " + component + " on " + displayHost + ":" + port
                    + ": the host '" + displayHost + "' is unknown. Set " + Settings.describe(Settings.HOST)
                    + " to a loopback address such as 127.0.0.1.", e);
        } catch (IOException e) {
            throw new LocalStackException("Cannot start " + component + " on " + displayHost + ":" + port
                    + ": the port is already in use. Set " + Settings.describe(setting) + " to a free port.", e);
        }
    }

    /** A port nobody listens on right now, distinct from {@code taken}; the caller binds it moments later. */
    static int pickFree(String host, Set<Integer> taken) {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(false);
                socket.bind(new InetSocketAddress(InetAddress.getByName(host), 0));
                int port = socket.getLocalPort();
                if (!taken.contains(port)) {
                    return port;
                }
            } catch (IOException e) {
                throw new LocalStackException("Cannot pick a free port on " + host + ": " + e.getMessage()
                        + ". Set " + Settings.describe(Settings.HOST) + " to a loopback address such as 127.0.0.1.",
                        e);
            }
        }
        throw new LocalStackException("Cannot pick a free port on " + host + " after 20 attempts. Set the ports"
                + " explicitly (" + Settings.describe(Settings.TEMPORAL_PORT) + " and the other aegis.local.*-port"
                + " settings).");
    }
}
