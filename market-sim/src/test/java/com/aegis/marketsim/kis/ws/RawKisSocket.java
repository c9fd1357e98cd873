package com.aegis.marketsim.kis.ws;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A bare WebSocket client that records every text frame, for testing the simulator at the wire level. */
final class RawKisSocket implements AutoCloseable {

    final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;

    RawKisSocket(URI endpoint) {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(endpoint, new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            received.add(partial.toString());
                            partial.setLength(0);
                        }
                        ws.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                        closed.complete(statusCode);
                        return null;
                    }

                    @Override
                    public void onError(WebSocket ws, Throwable error) {
                        closed.complete(-1);
                    }
                }).join();
    }

    static String registration(String approvalKey, String trType, String trId, String trKey) {
        return "{\"header\":{\"approval_key\":\"" + approvalKey + "\",\"custtype\":\"P\",\"tr_type\":\"" + trType
                + "\",\"content-type\":\"utf-8\"},\"body\":{\"input\":{\"tr_id\":\"" + trId + "\",\"tr_key\":\""
                + trKey + "\"}}}";
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    void pong(String text) {
        socket.sendPong(ByteBuffer.wrap(text.getBytes())).join();
    }

    String next() throws InterruptedException {
        String message = received.poll(5, TimeUnit.SECONDS);
        if (message == null) {
            throw new AssertionError("no frame within 5 s");
        }
        return message;
    }

    /** The next frame that is not a PINGPONG. */
    String nextNonPing() throws InterruptedException {
        while (true) {
            String message = next();
            if (!message.contains("\"PINGPONG\"")) {
                return message;
            }
        }
    }

    @Override
    public void close() {
        socket.abort();
    }
}
