package com.aegis.marketsim.kis.ws;

import com.aegis.marketsim.fault.FaultDecision;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated KIS real-time WebSocket on 127.0.0.1. Clients connect to {@code /tryitout} (or
 * {@code /tryitout/<TR_ID>}, as the official samples do), send {@code {"header":{approval_key,custtype,tr_type,
 * content-type},"body":{"input":{tr_id,tr_key}}}} and get KIS's JSON replies and data frames. The first valid message
 * binds the session to the approval key's app key; a second session for the same app key is refused with
 * {@code OPSP8996 ALREADY IN USE appkey}.
 */
public final class KisWebSocketSimulator implements AutoCloseable {

    /** The path official clients append to the WebSocket domain. */
    public static final String PATH = "/tryitout";
    static final ZoneId KST = ZoneId.of("Asia/Seoul");
    private static final int MAX_RECORDS_PER_FRAME = 999;
    private static final Logger log = LoggerFactory.getLogger(KisWebSocketSimulator.class);

    private final KisWebSocketSettings settings;
    private final ApprovalKeys approvalKeys;
    private final RealtimeFeed feed;
    private final ObjectMapper json = new ObjectMapper();
    private final EventLoopGroup acceptors = new NioEventLoopGroup(1);
    private final EventLoopGroup workers = new NioEventLoopGroup(2);
    private final Channel serverChannel;
    private final Set<Session> sessions = ConcurrentHashMap.newKeySet();
    private final Map<String, Session> sessionByAppKey = new ConcurrentHashMap<>();
    private final Map<Route, Set<Session>> subscribers = new ConcurrentHashMap<>();
    private final SplittableRandom keyRandom;
    private final RealtimeFeedListener feedRouter = new FeedRouter();
    private final AtomicLong frameSequence = new AtomicLong();
    private final AtomicLong dataFramesSent = new AtomicLong();
    private final AtomicLong recordsSent = new AtomicLong();
    private final AtomicLong pingPongsSent = new AtomicLong();
    private final AtomicLong pingPongAnswers = new AtomicLong();
    private volatile RealtimeFaultHook faultHook = RealtimeFaultHook.none();

    private KisWebSocketSimulator(KisWebSocketSettings settings, ApprovalKeys approvalKeys, RealtimeFeed feed)
            throws InterruptedException {
        this.settings = settings;
        this.approvalKeys = approvalKeys;
        this.feed = feed;
        this.keyRandom = new SplittableRandom(settings.keySeed());
        WebSocketServerProtocolConfig wsConfig = WebSocketServerProtocolConfig.newBuilder()
                .websocketPath(PATH).checkStartsWith(true).dropPongFrames(false).maxFramePayloadLength(65536)
                .build();
        ServerBootstrap bootstrap = new ServerBootstrap().group(acceptors, workers)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65536),
                                new WebSocketServerProtocolHandler(wsConfig), new SessionHandler());
                    }
                });
        try {
            this.serverChannel = bootstrap.bind("127.0.0.1", settings.port()).sync().channel();
        } catch (RuntimeException | InterruptedException e) {
            acceptors.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        }
        feed.addListener(feedRouter);
    }

    /**
     * Binds the server and starts routing {@code feed}'s records to subscribers.
     *
     * @throws IllegalStateException if the port cannot be bound (pick another port, or 0 for a free one)
     */
    public static KisWebSocketSimulator start(KisWebSocketSettings settings, ApprovalKeys approvalKeys,
                                              RealtimeFeed feed) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(approvalKeys, "approvalKeys");
        Objects.requireNonNull(feed, "feed");
        try {
            return new KisWebSocketSimulator(settings, approvalKeys, feed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding the KIS WebSocket simulator", e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot bind the KIS WebSocket simulator to 127.0.0.1:" + settings.port()
                    + " (" + e.getMessage() + "); choose a free port or 0", e);
        }
    }

    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** {@code ws://127.0.0.1:<port>/tryitout}, what a client uses as its real-time endpoint. */
    public URI endpoint() {
        return URI.create("ws://127.0.0.1:" + port() + PATH);
    }

    public void setFaultHook(RealtimeFaultHook hook) {
        this.faultHook = Objects.requireNonNull(hook, "hook");
    }

    /** Cuts every connection without a close frame, as a network failure would. */
    public void dropAllConnections() {
        sessions.forEach(session -> session.channel.close());
    }

    /** Sends {@code text} as-is to every open session (garbage, truncated frames, unknown TRs...). */
    public void sendRawToAll(String text) {
        sessions.forEach(session -> session.channel.writeAndFlush(new TextWebSocketFrame(text)));
    }

    /** Sends a PINGPONG to every session now instead of waiting for the next interval. */
    public void sendPingPongNow() {
        sessions.forEach(session -> session.channel.eventLoop().execute(() -> sendPingPong(session)));
    }

    public int sessionCount() {
        return sessions.size();
    }

    /** The registrations ({@code TR_ID:tr_key}) the session of {@code appKey} holds, in subscription order. */
    public List<String> registrationsOf(String appKey) {
        Session session = sessionByAppKey.get(appKey);
        if (session == null) {
            return List.of();
        }
        synchronized (session) {
            return session.registrations.keySet().stream().map(r -> r.tr().trId() + ":" + r.trKey()).toList();
        }
    }

    public long dataFramesSent() {
        return dataFramesSent.get();
    }

    public long recordsSent() {
        return recordsSent.get();
    }

    public long pingPongsSent() {
        return pingPongsSent.get();
    }

    /** PINGPONGs answered by clients, with a pong frame or by echoing the PINGPONG text. */
    public long pingPongAnswers() {
        return pingPongAnswers.get();
    }

    @Override
    public void close() {
        feed.removeListener(feedRouter);
        sessions.forEach(session -> session.channel.close());
        serverChannel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        acceptors.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
    }

    // ------------------------------------------------------------------ sessions

    private record Route(KisRealtimeTr tr, String trKey) {
    }

    private final class Session {
        final Channel channel;
        /** Set once by the first valid message; guarded by this. */
        String appKey;
        /** Guarded by this; the cipher encrypts this registration's frames when its TR is encrypted. */
        final Map<Route, FillNoticeCipher> registrations = new LinkedHashMap<>();
        /** Touched on the channel's event loop only. */
        int unansweredPings;
        ScheduledFuture<?> pingTask;

        Session(Channel channel) {
            this.channel = channel;
        }

        synchronized FillNoticeCipher cipherFor(Route route) {
            return registrations.get(route);
        }
    }

    private final class SessionHandler extends SimpleChannelInboundHandler<Object> {
        private Session session;

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
                session = new Session(ctx.channel());
                sessions.add(session);
                long periodMs = settings.pingInterval().toMillis();
                Session s = session;
                session.pingTask = ctx.channel().eventLoop()
                        .scheduleAtFixedRate(() -> sendPingPong(s), periodMs, periodMs, TimeUnit.MILLISECONDS);
                log.debug("KIS WebSocket session opened from {}", ctx.channel().remoteAddress());
            } else {
                super.userEventTriggered(ctx, evt);
            }
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof TextWebSocketFrame text) {
                handleText(session, text.text());
            } else if (msg instanceof PongWebSocketFrame) {
                pingAnswered(session);
            } else if (msg instanceof FullHttpRequest request) {
                FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                        HttpResponseStatus.NOT_FOUND, Unpooled.copiedBuffer(
                        "the KIS real-time service answers WebSocket upgrades on " + PATH + " only, not "
                                + request.uri(), StandardCharsets.UTF_8));
                response.headers().set(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            if (session != null) {
                endSession(session);
            }
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            log.warn("KIS WebSocket session from {} failed and is closed: {}", ctx.channel().remoteAddress(),
                    cause.toString());
            ctx.close();
        }
    }

    private void endSession(Session session) {
        sessions.remove(session);
        if (session.pingTask != null) {
            session.pingTask.cancel(false);
        }
        synchronized (session) {
            if (session.appKey != null) {
                sessionByAppKey.remove(session.appKey, session);
            }
            session.registrations.keySet().forEach(route -> unroute(route, session));
            session.registrations.clear();
        }
    }

    private void unroute(Route route, Session session) {
        subscribers.computeIfPresent(route, (r, set) -> {
            set.remove(session);
            return set.isEmpty() ? null : set;
        });
    }

    private void sendPingPong(Session session) {
        if (!session.channel.isActive()) {
            return;
        }
        int limit = settings.maxUnansweredPings();
        if (limit > 0 && session.unansweredPings >= limit) {
            log.info("closing KIS WebSocket session from {}: {} PINGPONGs unanswered",
                    session.channel.remoteAddress(), session.unansweredPings);
            session.channel.close();
            return;
        }
        ObjectNode root = json.createObjectNode();
        ZonedDateTime now = settings.clock().get().atZone(KST);
        root.putObject("header").put("tr_id", "PINGPONG").put("datetime",
                String.format("%04d%02d%02d%02d%02d%02d", now.getYear(), now.getMonthValue(), now.getDayOfMonth(),
                        now.getHour(), now.getMinute(), now.getSecond()));
        session.unansweredPings++;
        pingPongsSent.incrementAndGet();
        session.channel.writeAndFlush(new TextWebSocketFrame(root.toString()));
    }

    private void pingAnswered(Session session) {
        if (session != null) {
            session.channel.eventLoop().execute(() -> session.unansweredPings = 0);
            pingPongAnswers.incrementAndGet();
        }
    }

    // ------------------------------------------------------------------ subscription messages

    private void handleText(Session session, String text) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (Exception e) {
            reply(session, "", "", "9", "OPSP9999", "JSON PARSING ERROR : invalid json format");
            return;
        }
        if (root == null || !root.isObject()) {
            reply(session, "", "", "9", "OPSP9999", "JSON PARSING ERROR : invalid json format");
            return;
        }
        JsonNode header = root.get("header");
        if (header == null || !header.isObject()) {
            reply(session, "", "", "9", "OPSP9998", "JSON PARSING ERROR : header not found");
            return;
        }
        if ("PINGPONG".equals(header.path("tr_id").asText())) {
            pingAnswered(session);
            return;
        }
        JsonNode body = root.get("body");
        if (body == null || !body.isObject()) {
            reply(session, "", "", "9", "OPSP9992", "JSON PARSING ERROR : body not found");
            return;
        }
        JsonNode input = body.get("input");
        if (input == null || !input.isObject()) {
            reply(session, "", "", "9", "OPSP9991", "JSON PARSING ERROR : input not found");
            return;
        }
        String trId = input.path("tr_id").asText("");
        if (!input.hasNonNull("tr_key")) {
            reply(session, trId, "", "9", "OPSP9990", "JSON PARSING ERROR : tr_key not found");
            return;
        }
        String trKey = input.path("tr_key").asText();
        String appKey = approvalKeys.appKeyFor(header.path("approval_key").asText(null)).orElse(null);
        if (appKey == null) {
            reply(session, trId, trKey, "9", "OPSP0011", "invalid approval : NOT FOUND");
            return;
        }
        if (!bind(session, appKey)) {
            log.info("refused a second KIS WebSocket session for an app key already in use, from {}",
                    session.channel.remoteAddress());
            replyThenClose(session, trId, trKey, "9", "OPSP8996", "ALREADY IN USE appkey");
            return;
        }
        if (!header.hasNonNull("custtype")) {
            reply(session, trId, trKey, "9", "OPSP9997", "JSON PARSING ERROR : custtype not found");
            return;
        }
        String custType = header.path("custtype").asText();
        if (!custType.equals("P") && !custType.equals("B")) {
            reply(session, trId, trKey, "9", "OPSP8998", "JSON PARSING ERROR : invalid custtype");
            return;
        }
        String trType = header.path("tr_type").asText("");
        if (!trType.equals("1") && !trType.equals("2")) {
            reply(session, trId, trKey, "9", "OPSP8997", "JSON PARSING ERROR : invalid tr_type");
            return;
        }
        KisRealtimeTr tr = KisRealtimeTr.ofTrId(trId).orElse(null);
        if (tr == null) {
            reply(session, trId, trKey, "1", "OPSP8991", "SUBSCRIBE ERROR : invalid tr_id");
            return;
        }
        if (!validTrKey(tr, trKey)) {
            reply(session, trId, trKey, "1", "OPSP8992", "SUBSCRIBE ERROR : invalid tr_key");
            return;
        }
        Route route = new Route(tr, trKey);
        if (trType.equals("1")) {
            subscribe(session, route);
        } else {
            unsubscribe(session, route);
        }
    }

    private boolean bind(Session session, String appKey) {
        synchronized (session) {
            if (session.appKey != null) {
                return session.appKey.equals(appKey);
            }
            Session holder = sessionByAppKey.putIfAbsent(appKey, session);
            if (holder != null && holder != session) {
                return false;
            }
            session.appKey = appKey;
            return true;
        }
    }

    private static boolean validTrKey(KisRealtimeTr tr, String trKey) {
        if (tr.isFillNotice()) {
            return !trKey.isBlank() && trKey.length() <= 16 && trKey.chars().allMatch(c -> c > ' ' && c < 127);
        }
        return trKey.length() == 6 && trKey.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private void subscribe(Session session, Route route) {
        FillNoticeCipher cipher;
        synchronized (session) {
            if (session.registrations.containsKey(route)) {
                reply(session, route.tr().trId(), route.trKey(), "1", "OPSP0002", "ALREADY IN SUBSCRIBE");
                return;
            }
            if (session.registrations.size() >= settings.maxRegistrations()) {
                reply(session, route.tr().trId(), route.trKey(), "1", "OPSP0008", "MAX SUBSCRIBE OVER");
                return;
            }
            synchronized (keyRandom) {
                cipher = FillNoticeCipher.random(keyRandom);
            }
            session.registrations.put(route, cipher);
            subscribers.computeIfAbsent(route, r -> ConcurrentHashMap.newKeySet()).add(session);
        }
        ObjectNode root = controlReply(route.tr().trId(), route.trKey(), route.tr().encrypted() ? "Y" : "N",
                "0", "OPSP0000", "SUBSCRIBE SUCCESS");
        ((ObjectNode) root.get("body")).putObject("output").put("iv", cipher.iv()).put("key", cipher.key());
        session.channel.writeAndFlush(new TextWebSocketFrame(root.toString()));
    }

    private void unsubscribe(Session session, Route route) {
        synchronized (session) {
            if (session.registrations.remove(route) == null) {
                reply(session, route.tr().trId(), route.trKey(), "1", "OPSP0003", "UNSUBSCRIBE ERROR(not found!)");
                return;
            }
            unroute(route, session);
        }
        reply(session, route.tr().trId(), route.trKey(), "0", "OPSP0001", "UNSUBSCRIBE SUCCESS");
    }

    private ObjectNode controlReply(String trId, String trKey, String encrypt, String rtCd, String msgCd,
                                    String msg1) {
        ObjectNode root = json.createObjectNode();
        root.putObject("header").put("tr_id", trId).put("tr_key", trKey).put("encrypt", encrypt);
        root.putObject("body").put("rt_cd", rtCd).put("msg_cd", msgCd).put("msg1", msg1);
        return root;
    }

    private void reply(Session session, String trId, String trKey, String rtCd, String msgCd, String msg1) {
        session.channel.writeAndFlush(new TextWebSocketFrame(
                controlReply(trId, trKey, "N", rtCd, msgCd, msg1).toString()));
    }

    private void replyThenClose(Session session, String trId, String trKey, String rtCd, String msgCd, String msg1) {
        session.channel.writeAndFlush(new TextWebSocketFrame(controlReply(trId, trKey, "N", rtCd, msgCd, msg1)
                .toString())).addListener(ChannelFutureListener.CLOSE);
    }

    // ------------------------------------------------------------------ data frames

    private final class FeedRouter implements RealtimeFeedListener {
        @Override
        public void onTrades(List<RealtimeTrade> trades) {
            route(KisRealtimeTr.TRADE_TICK, trades, RealtimeTrade::symbol, RealtimeTrade::appendFields);
        }

        @Override
        public void onBooks(List<RealtimeBook> books) {
            route(KisRealtimeTr.ORDER_BOOK, books, RealtimeBook::symbol, RealtimeBook::appendFields);
        }

        @Override
        public void onFillNotices(List<RealtimeFillNotice> notices) {
            route(KisRealtimeTr.FILL_NOTICE_LIVE, notices, RealtimeFillNotice::customerId,
                    RealtimeFillNotice::appendFields);
            route(KisRealtimeTr.FILL_NOTICE_PAPER, notices, RealtimeFillNotice::customerId,
                    RealtimeFillNotice::appendFields);
        }
    }

    private interface FieldWriter<T> {
        void append(T record, StringBuilder out);
    }

    private <T> void route(KisRealtimeTr tr, List<T> records, Function<T, String> keyOf, FieldWriter<T> writer) {
        if (subscribers.isEmpty()) {
            return;
        }
        Map<String, List<T>> byKey = new LinkedHashMap<>();
        for (T record : records) {
            String key = keyOf.apply(record);
            Set<Session> targets = subscribers.get(new Route(tr, key));
            if (targets != null && !targets.isEmpty()) {
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(record);
            }
        }
        byKey.forEach((key, group) -> {
            Route route = new Route(tr, key);
            for (int from = 0; from < group.size(); from += MAX_RECORDS_PER_FRAME) {
                List<T> chunk = group.subList(from, Math.min(group.size(), from + MAX_RECORDS_PER_FRAME));
                StringBuilder payload = new StringBuilder(chunk.size() * 256);
                for (int i = 0; i < chunk.size(); i++) {
                    if (i > 0) {
                        payload.append('^');
                    }
                    writer.append(chunk.get(i), payload);
                }
                String plain = payload.toString();
                for (Session session : subscribers.getOrDefault(route, Set.of())) {
                    String body = plain;
                    if (tr.encrypted()) {
                        FillNoticeCipher cipher = session.cipherFor(route);
                        if (cipher == null) {
                            continue;
                        }
                        body = cipher.encrypt(plain);
                    }
                    String frame = (tr.encrypted() ? "1|" : "0|") + tr.trId() + "|"
                            + String.format("%03d", chunk.size()) + "|" + body;
                    deliver(session, tr, key, frame, chunk.size());
                }
            }
        });
    }

    private void deliver(Session session, KisRealtimeTr tr, String trKey, String frame, int records) {
        FaultDecision decision = faultHook.decide(tr, trKey, frameSequence.incrementAndGet());
        String toSend = frame;
        switch (decision.outcome()) {
            case ERROR:
                return;
            case OUTAGE:
                session.channel.close();
                return;
            case MALFORMED:
                toSend = "0|" + tr.trId() + "|001|" + "corrupted^payload";
                break;
            default:
                break;
        }
        TextWebSocketFrame wsFrame = new TextWebSocketFrame(toSend);
        long delayMs = decision.latency().toMillis();
        if (delayMs > 0) {
            session.channel.eventLoop().schedule(() -> session.channel.writeAndFlush(wsFrame), delayMs,
                    TimeUnit.MILLISECONDS);
        } else {
            session.channel.writeAndFlush(wsFrame);
        }
        dataFramesSent.incrementAndGet();
        recordsSent.addAndGet(records);
    }
}
