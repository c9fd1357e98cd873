package com.aegis.activities.kis.rest;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for KIS that answers fixed bodies per path, for answers the simulator never gives on its own (a field
 * of the wrong type, a token refused again after renewal).
 */
final class ScriptedKisServer implements AutoCloseable {

    record Scripted(int status, String body) {
    }

    private final HttpServer server;
    private final Map<String, Scripted> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    ScriptedKisServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            Scripted answer = answers.getOrDefault(path, new Scripted(404, "{}"));
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("content-type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        answer("/oauth2/tokenP", 200, "{\"access_token\":\"scripted-token\",\"token_type\":\"Bearer\","
                + "\"expires_in\":86400,\"access_token_token_expired\":\"2026-03-04 09:30:00\"}");
    }

    void answer(String path, int status, String body) {
        answers.put(path, new Scripted(status, body));
    }

    int hits(String path) {
        AtomicInteger count = hits.get(path);
        return count == null ? 0 : count.get();
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
