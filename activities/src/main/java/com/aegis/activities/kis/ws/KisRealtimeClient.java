package com.aegis.activities.kis.ws;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The KIS real-time WebSocket session. Registrations are declared with {@link #subscribe}/{@link #unsubscribe} (or
 * {@link #replaceRegistrations} for a rotation) and survive reconnects: after a dropped socket the client waits
 * ({@link KisRealtimeSettings#backoffBefore}), reconnects and sends every current registration again. Data frames
 * are decoded into {@link KisTradeTick}, {@link KisOrderBook} and {@link KisFillNotice} and handed to the listeners
 * of their TR on the reader thread. PINGPONG frames are answered with a pong. A frame that cannot be read is counted,
 * reported to {@link KisSessionListener#onMalformedFrame} and skipped; neither it nor a failing listener stops the
 * reader. The approval key is sent in registration messages only and never logged.
 */
public final class KisRealtimeClient implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KisRealtimeClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> SESSION_REFUSALS = Set.of("OPSP8996", "OPSP0011", "OPSP0010", "OPSP9994");

    private final KisRealtimeSettings settings;
    private final Supplier<String> approvalKey;
    private final HttpClient http;
    private final ScheduledExecutorService scheduler;

    private final Object lock = new Object();
    /** Guarded by lock: what the caller wants registered, in order. */
    private final LinkedHashMap<Registration, Boolean> registrations = new LinkedHashMap<>();
    private final Map<Registration, KisPayloadCipher> ciphers = new ConcurrentHashMap<>();
    /** Guarded by lock. */
    private WebSocket socket;
    /** Guarded by lock: bumped per connection attempt, so callbacks of an old socket are ignored. */
    private long generation;
    /** Guarded by lock. */
    private int failedAttempts;
    /** Guarded by lock: sends on one socket must not overlap. */
    private CompletableFuture<?> sendChain = CompletableFuture.completedFuture(null);
    private volatile ConnectionState state = ConnectionState.IDLE;
    private volatile boolean everConnected;
    /** OPSP8996 replies since the last accepted registration. */
    private final AtomicLong appKeyInUseReplies = new AtomicLong();

    private final List<Consumer<KisTradeTick>> tradeListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<KisOrderBook>> bookListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<KisFillNotice>> fillListeners = new CopyOnWriteArrayList<>();
    private final List<KisSessionListener> sessionListeners = new CopyOnWriteArrayList<>();

    private final AtomicLong framesReceived = new AtomicLong();
    private final AtomicLong recordsDelivered = new AtomicLong();
    private final AtomicLong malformedFrames = new AtomicLong();
    private final AtomicLong listenerFailures = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong pingPongsAnswered = new AtomicLong();

    /**
     * @param approvalKey supplies the WebSocket approval key (from {@code POST /oauth2/Approval}); asked again on
     *                    every connection attempt, so a refreshed key is picked up after a reconnect
     */
    public KisRealtimeClient(KisRealtimeSettings settings, Supplier<String> approvalKey) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.approvalKey = Objects.requireNonNull(approvalKey, "approvalKey");
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kis-realtime-reconnect");
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
    }

    // ------------------------------------------------------------------ listeners

    public void addTradeListener(Consumer<KisTradeTick> listener) {
        tradeListeners.add(listener);
    }

    public void addOrderBookListener(Consumer<KisOrderBook> listener) {
        bookListeners.add(listener);
    }

    public void addFillNoticeListener(Consumer<KisFillNotice> listener) {
        fillListeners.add(listener);
    }

    public void addSessionListener(KisSessionListener listener) {
        sessionListeners.add(listener);
    }

    // ------------------------------------------------------------------ lifecycle

    /** Opens the session (asynchronously); state changes are reported to the session listeners. */
    public void connect() {
        synchronized (lock) {
            if (state == ConnectionState.CLOSED) {
                throw new IllegalStateException("this KIS real-time client is closed; create a new one");
            }
            if (state == ConnectionState.CONNECTING || state == ConnectionState.CONNECTED) {
                return;
            }
            failedAttempts = 0;
            appKeyInUseReplies.set(0);
            openSocket();
        }
    }

    /** Guarded by lock. */
    private void openSocket() {
        long attempt = ++generation;
        setState(ConnectionState.CONNECTING, "connecting to " + settings.endpoint());
        http.newWebSocketBuilder().connectTimeout(settings.connectTimeout())
                .buildAsync(settings.endpoint(), new Reader(attempt))
                .whenComplete((ws, error) -> {
                    if (error != null) {
                        connectionLost(attempt, "cannot connect to " + settings.endpoint() + ": "
                                + rootMessage(error));
                    } else {
                        opened(attempt, ws);
                    }
                });
    }

    private void opened(long attempt, WebSocket ws) {
        synchronized (lock) {
            if (attempt != generation || state == ConnectionState.CLOSED || state == ConnectionState.REFUSED) {
                ws.abort();
                return;
            }
            socket = ws;
            failedAttempts = 0;
            sendChain = CompletableFuture.completedFuture(null);
            if (everConnected) {
                reconnects.incrementAndGet();
            }
            everConnected = true;
            setState(ConnectionState.CONNECTED, "connected to " + settings.endpoint() + "; registering "
                    + registrations.size());
            for (Registration registration : registrations.keySet()) {
                sendRegistration(ws, registration, true);
            }
        }
    }

    private void connectionLost(long attempt, String reason) {
        synchronized (lock) {
            if (attempt != generation || state == ConnectionState.CLOSED || state == ConnectionState.REFUSED) {
                return;
            }
            socket = null;
            Duration wait = settings.backoffBefore(failedAttempts++);
            setState(ConnectionState.BACKING_OFF, reason + "; reconnecting in " + wait.toMillis() + " ms");
            long next = ++generation;
            scheduler.schedule(() -> {
                synchronized (lock) {
                    if (next == generation && state == ConnectionState.BACKING_OFF) {
                        openSocket();
                    }
                }
            }, wait.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void refuseSession(String reason) {
        WebSocket ws;
        synchronized (lock) {
            if (state == ConnectionState.CLOSED) {
                return;
            }
            generation++;
            ws = socket;
            socket = null;
            setState(ConnectionState.REFUSED, reason);
        }
        if (ws != null) {
            ws.abort();
        }
    }

    @Override
    public void close() {
        WebSocket ws;
        synchronized (lock) {
            if (state == ConnectionState.CLOSED) {
                return;
            }
            generation++;
            ws = socket;
            socket = null;
            setState(ConnectionState.CLOSED, "closed by the application");
        }
        if (ws != null) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(1, TimeUnit.SECONDS)
                    .whenComplete((closed, error) -> ws.abort());
        }
        scheduler.shutdownNow();
    }

    private void setState(ConnectionState newState, String detail) {
        state = newState;
        if (newState == ConnectionState.BACKING_OFF || newState == ConnectionState.REFUSED) {
            log.warn("KIS real-time session {}: {}", newState, detail);
        } else {
            log.info("KIS real-time session {}: {}", newState, detail);
        }
        for (KisSessionListener listener : sessionListeners) {
            try {
                listener.onConnectionState(newState, detail);
            } catch (RuntimeException e) {
                listenerFailures.incrementAndGet();
                log.warn("a session listener failed on state {}: {}", newState, e.toString());
            }
        }
    }

    // ------------------------------------------------------------------ registrations

    /**
     * Registers {@code tr} for {@code trKey} now (if connected) and after every reconnect.
     *
     * @throws RegistrationLimitExceededException when the session already holds the maximum number of registrations
     */
    public void subscribe(KisRealtimeTr tr, String trKey) {
        subscribe(new Registration(tr, trKey));
    }

    public void subscribe(Registration registration) {
        synchronized (lock) {
            if (registrations.containsKey(registration)) {
                return;
            }
            if (registrations.size() >= settings.maxRegistrations()) {
                throw new RegistrationLimitExceededException("cannot register " + registration + ": the session"
                        + " already holds " + registrations.size() + " of " + settings.maxRegistrations()
                        + " registrations (KIS counts every TR of every symbol); unsubscribe something first or let"
                        + " WatchlistRotation choose");
            }
            registrations.put(registration, Boolean.TRUE);
            if (socket != null) {
                sendRegistration(socket, registration, true);
            }
        }
    }

    public void unsubscribe(KisRealtimeTr tr, String trKey) {
        unsubscribe(new Registration(tr, trKey));
    }

    public void unsubscribe(Registration registration) {
        synchronized (lock) {
            if (registrations.remove(registration) == null) {
                return;
            }
            ciphers.remove(registration);
            if (socket != null) {
                sendRegistration(socket, registration, false);
            }
        }
    }

    /**
     * Makes {@code target} the session's registrations: releases what is no longer wanted first, then registers what
     * is new, so the server never sees more than the limit.
     *
     * @throws RegistrationLimitExceededException if {@code target} itself is over the limit (nothing is changed)
     */
    public void replaceRegistrations(Set<Registration> target) {
        synchronized (lock) {
            if (target.size() > settings.maxRegistrations()) {
                throw new RegistrationLimitExceededException("cannot hold " + target.size() + " registrations: the"
                        + " session allows " + settings.maxRegistrations());
            }
            for (Registration current : List.copyOf(registrations.keySet())) {
                if (!target.contains(current)) {
                    unsubscribe(current);
                }
            }
            for (Registration wanted : target) {
                subscribe(wanted);
            }
        }
    }

    /** The current registrations, in the order they were made. */
    public Set<Registration> registrations() {
        synchronized (lock) {
            return new LinkedHashSet<>(registrations.keySet());
        }
    }

    /** Guarded by lock. */
    private void sendRegistration(WebSocket ws, Registration registration, boolean register) {
        ObjectNode message = JSON.createObjectNode();
        message.putObject("header").put("approval_key", approvalKey.get()).put("custtype", settings.customerType())
                .put("tr_type", register ? "1" : "2").put("content-type", "utf-8");
        message.putObject("body").putObject("input").put("tr_id", registration.tr().trId())
                .put("tr_key", registration.trKey());
        String text = message.toString();
        enqueueSend(ws, () -> ws.sendText(text, true));
    }

    /** Guarded by lock: java.net.http allows one outstanding send per socket, so sends are chained. */
    private void enqueueSend(WebSocket ws, Supplier<CompletableFuture<WebSocket>> send) {
        sendChain = sendChain.handle((r, e) -> null).thenCompose(ignored -> {
            if (ws.isOutputClosed()) {
                return CompletableFuture.completedFuture(null);
            }
            return send.get().exceptionally(error -> {
                log.warn("sending to the KIS real-time socket failed: {}", rootMessage(error));
                return null;
            });
        });
    }

    // ------------------------------------------------------------------ state and counters

    public ConnectionState state() {
        return state;
    }

    public long framesReceived() {
        return framesReceived.get();
    }

    /** Trade, book and fill-notice records handed to listeners. */
    public long recordsDelivered() {
        return recordsDelivered.get();
    }

    /** Frames skipped because they could not be read. */
    public long malformedFrames() {
        return malformedFrames.get();
    }

    /** Listener calls that threw (the record was still delivered to the other listeners). */
    public long listenerFailures() {
        return listenerFailures.get();
    }

    /** Successful reconnections after a lost connection. */
    public long reconnects() {
        return reconnects.get();
    }

    public long pingPongsAnswered() {
        return pingPongsAnswered.get();
    }

    // ------------------------------------------------------------------ reading

    private final class Reader implements WebSocket.Listener {
        private final long attempt;
        private final StringBuilder partial = new StringBuilder();

        Reader(long attempt) {
            this.attempt = attempt;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    handleFrame(webSocket, attempt, text);
                } catch (RuntimeException e) {
                    malformed(new KisMalformedFrameException("frame handling failed unexpectedly: " + e, e));
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            if (last) {
                malformed(new KisMalformedFrameException("binary frames are not part of the KIS real-time protocol"));
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            connectionLost(attempt, "the server closed the connection (" + statusCode
                    + (reason.isEmpty() ? "" : " " + reason) + ")");
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            connectionLost(attempt, "the connection failed: " + rootMessage(error));
        }
    }

    private void handleFrame(WebSocket ws, long attempt, String text) {
        framesReceived.incrementAndGet();
        KisFrame frame;
        try {
            frame = KisFrameParser.parse(text);
        } catch (KisMalformedFrameException e) {
            malformed(e);
            return;
        }
        if (frame instanceof KisFrame.PingPong ping) {
            answerPingPong(ws, ping.raw());
        } else if (frame instanceof KisFrame.Control control) {
            handleControl(ws, attempt, control);
        } else if (frame instanceof KisFrame.Data data) {
            try {
                handleData(data);
            } catch (KisMalformedFrameException e) {
                malformed(e);
            }
        }
    }

    private void answerPingPong(WebSocket ws, String raw) {
        byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
        synchronized (lock) {
            if (ws != socket) {
                return;
            }
            // A pong carries at most 125 bytes; longer PINGPONGs are echoed as text, which KIS also accepts.
            if (bytes.length <= 125) {
                enqueueSend(ws, () -> ws.sendPong(ByteBuffer.wrap(bytes)));
            } else {
                enqueueSend(ws, () -> ws.sendText(raw, true));
            }
        }
        pingPongsAnswered.incrementAndGet();
    }

    private void handleControl(WebSocket ws, long attempt, KisFrame.Control control) {
        if (control.msgCd().equals("OPSP8996")
                && appKeyInUseReplies.incrementAndGet() <= settings.appKeyInUseRetries()) {
            // Right after a drop the server may still hold the old session for this app key: try again later.
            connectionLost(attempt, "the server still holds a session for this app key (OPSP8996 ALREADY IN USE"
                    + " appkey)");
            ws.abort();
            return;
        }
        if (SESSION_REFUSALS.contains(control.msgCd())) {
            refuseSession("the server refused the session: " + control.msgCd() + " " + control.msg1()
                    + (control.msgCd().equals("OPSP8996")
                    ? " (another session holds this app key: stop it, then call connect())"
                    : " (issue a new approval key via /oauth2/Approval, then call connect())"));
            return;
        }
        KisRealtimeTr tr = KisRealtimeTr.ofTrId(control.trId()).orElse(null);
        Registration registration;
        try {
            registration = tr == null ? null : new Registration(tr, control.trKey());
        } catch (IllegalArgumentException e) {
            registration = null;
        }
        if (registration == null) {
            log.warn("KIS real-time reply for an unknown registration {}:{}: {} {}", control.trId(),
                    control.trKey(), control.msgCd(), control.msg1());
            return;
        }
        boolean unsubscribeReply = control.msg1().startsWith("UNSUBSCRIBE") || control.msgCd().equals("OPSP0001")
                || control.msgCd().equals("OPSP0003");
        if (unsubscribeReply) {
            log.debug("KIS released {}: {} {}", registration, control.msgCd(), control.msg1());
            return;
        }
        boolean accepted = control.ok() || control.msgCd().equals("OPSP0002");
        if (accepted) {
            appKeyInUseReplies.set(0);
        }
        if (control.ok() && control.key().isPresent() && control.iv().isPresent()) {
            try {
                ciphers.put(registration, new KisPayloadCipher(control.key().get(), control.iv().get()));
            } catch (IllegalArgumentException e) {
                malformed(new KisMalformedFrameException("reply for " + registration + " carries an unusable"
                        + " AES key: " + e.getMessage()));
            }
        }
        if (!accepted) {
            synchronized (lock) {
                registrations.remove(registration);
            }
            log.warn("KIS refused registration {}: {} {}", registration, control.msgCd(), control.msg1());
        }
        RegistrationReply reply = new RegistrationReply(registration, accepted, control.msgCd(), control.msg1());
        for (KisSessionListener listener : sessionListeners) {
            try {
                listener.onRegistrationReply(reply);
            } catch (RuntimeException e) {
                listenerFailures.incrementAndGet();
                log.warn("a session listener failed on the reply for {}: {}", registration, e.toString());
            }
        }
    }

    private void handleData(KisFrame.Data data) {
        KisRealtimeTr tr = KisRealtimeTr.ofTrId(data.trId()).orElseThrow(() -> new KisMalformedFrameException(
                "data frame for TR " + data.trId() + ", which this client does not decode"));
        String payload = data.encrypted() ? decrypt(tr, data.payload()) : data.payload();
        switch (tr) {
            case TRADE_TICK -> deliver(KisFrameParser.records(tr, data.recordCount(), payload, KisTradeTick::read),
                    tradeListeners);
            case ORDER_BOOK -> deliver(KisFrameParser.records(tr, data.recordCount(), payload, KisOrderBook::read),
                    bookListeners);
            case FILL_NOTICE_LIVE, FILL_NOTICE_PAPER -> deliver(
                    KisFrameParser.records(tr, data.recordCount(), payload, KisFillNotice::read), fillListeners);
        }
    }

    /** The frame names only its TR, so every key held for that TR is tried until one decrypts it. */
    private String decrypt(KisRealtimeTr tr, String payload) {
        List<KisPayloadCipher> candidates = new ArrayList<>();
        ciphers.forEach((registration, cipher) -> {
            if (registration.tr() == tr) {
                candidates.add(cipher);
            }
        });
        if (candidates.isEmpty()) {
            throw new KisMalformedFrameException("encrypted " + tr.trId() + " frame arrived but no subscription"
                    + " reply has given this session a key for it");
        }
        KisMalformedFrameException last = null;
        for (KisPayloadCipher cipher : candidates) {
            try {
                return cipher.decrypt(payload);
            } catch (KisMalformedFrameException e) {
                last = e;
            }
        }
        throw new KisMalformedFrameException(tr.trId() + ": " + last.getMessage());
    }

    private <T> void deliver(List<T> records, List<Consumer<T>> listeners) {
        for (T record : records) {
            recordsDelivered.incrementAndGet();
            for (Consumer<T> listener : listeners) {
                try {
                    listener.accept(record);
                } catch (RuntimeException e) {
                    listenerFailures.incrementAndGet();
                    log.warn("a real-time listener failed on {}: {}", record.getClass().getSimpleName(),
                            e.toString());
                }
            }
        }
    }

    private void malformed(KisMalformedFrameException problem) {
        long count = malformedFrames.incrementAndGet();
        log.warn("skipped malformed KIS real-time frame #{}: {}", count, problem.getMessage());
        for (KisSessionListener listener : sessionListeners) {
            try {
                listener.onMalformedFrame(problem);
            } catch (RuntimeException e) {
                listenerFailures.incrementAndGet();
            }
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
