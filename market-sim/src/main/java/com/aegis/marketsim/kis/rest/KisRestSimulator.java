package com.aegis.marketsim.kis.rest;

import com.aegis.marketsim.providers.SimulatedHttpService;
import com.aegis.core.krx.TickSize;
import com.aegis.core.market.Side;
import com.aegis.core.market.Symbol;
import com.aegis.marketsim.fault.FaultDecision;
import com.aegis.marketsim.fault.FaultOutcome;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The simulated KIS Open API REST service on localhost. It speaks KIS's wire protocol: the same paths, headers
 * ({@code authorization: Bearer}, {@code appkey}, {@code appsecret}, {@code tr_id}, {@code custtype},
 * {@code tr_cont}), string-valued JSON envelopes ({@code rt_cd}, {@code msg_cd}, {@code msg1}, {@code output...}),
 * continuation keys ({@code CTX_AREA_FK100}/{@code NK100}) and error codes (EGW00103/105/121/123/133/201), and the
 * live or paper-trading TR IDs of its {@link KisDomain}. Each request first gets a fault decision.
 */
public final class KisRestSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KisRestSimulator.class);
    private static final ZoneId KST = ZoneId.of("Asia/Seoul");
    private static final DateTimeFormatter EXPIRY_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter YMD = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HHmmss");
    private static final String QUOTATIONS = "/uapi/domestic-stock/v1/quotations/";
    private static final String TRADING = "/uapi/domestic-stock/v1/trading/";

    /** Live TR IDs accepted per API path; the newer order TRs and their predecessors are both served. */
    private static final Map<String, Set<String>> LIVE_TR_IDS = Map.of(
            QUOTATIONS + "inquire-price", Set.of("FHKST01010100"),
            QUOTATIONS + "inquire-asking-price-exp-ccn", Set.of("FHKST01010200"),
            QUOTATIONS + "inquire-daily-itemchartprice", Set.of("FHKST03010100"),
            TRADING + "order-cash", Set.of("TTTC0012U", "TTTC0011U", "TTTC0802U", "TTTC0801U"),
            TRADING + "order-rvsecncl", Set.of("TTTC0013U", "TTTC0803U"),
            TRADING + "inquire-daily-ccld", Set.of("TTTC0081R", "CTSC9215R", "TTTC8001R", "CTSC9115R"),
            TRADING + "inquire-balance", Set.of("TTTC8434R"),
            TRADING + "inquire-psbl-order", Set.of("TTTC8908R"));
    /** KIS answers at most 100 bars per daily chart call. */
    private static final int DAILY_CHART_MAX_ROWS = 100;
    private static final Set<String> BUY_TR_IDS = Set.of("TTTC0012U", "TTTC0802U");

    private final KisSimulatorSettings settings;
    private final KisVenue venue;
    private final Clock clock;
    private volatile KisFaultPolicy faults;
    private final KisTokenAuthority tokens;
    private final KisRequestWindow window;
    private final Map<String, KisAppRegistration> apps = new HashMap<>();
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicLong requestSeq = new AtomicLong();
    private final Map<String, AtomicLong> requestsByOperation = new java.util.concurrent.ConcurrentHashMap<>();
    private final HttpServer server;
    private final ExecutorService executor;

    /** Switches the simulator to another fault policy while it runs; applies from the next request. */
    public void setFaultPolicy(KisFaultPolicy policy) {
        this.faults = java.util.Objects.requireNonNull(policy, "policy");
    }

    private KisRestSimulator(KisSimulatorSettings settings, KisVenue venue, Clock clock, KisFaultPolicy faults,
                             LongSupplier nanoTime) throws IOException {
        this.settings = settings;
        this.venue = venue;
        this.clock = clock;
        this.faults = faults;
        this.tokens = new KisTokenAuthority(clock, settings);
        this.window = new KisRequestWindow(settings.requestsPerSecond(), nanoTime);
        for (KisAppRegistration app : settings.apps()) {
            apps.put(app.appKey(), app);
        }
        SimulatedHttpService.disableNagle();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.port()), 256);
        this.executor = Executors.newFixedThreadPool(24, r -> {
            Thread thread = new Thread(r, "kis-rest-sim");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Starts the service. {@code clock} drives token lifetimes and order times (a test may move it); the per-second
     * call limit is measured on the JVM's monotonic clock because the callers' pace is real.
     */
    public static KisRestSimulator start(KisSimulatorSettings settings, KisVenue venue, Clock clock,
                                         KisFaultPolicy faults) {
        return start(settings, venue, clock, faults, System::nanoTime);
    }

    public static KisRestSimulator start(KisSimulatorSettings settings, KisVenue venue, Clock clock,
                                         KisFaultPolicy faults, LongSupplier nanoTime) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(faults, "faults");
        try {
            return new KisRestSimulator(settings, venue, clock, faults, nanoTime);
        } catch (IOException e) {
            throw new IllegalStateException("cannot bind the simulated KIS REST service to localhost port "
                    + settings.port() + ": " + e.getMessage() + " (use port 0 for a free one)", e);
        }
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public KisDomain domain() {
        return settings.domain();
    }

    /** Tokens and approval keys issued so far (the simulated WebSocket service checks approval keys here). */
    public KisTokenAuthority tokens() {
        return tokens;
    }

    /** The most API calls of the app admitted within any one-second window so far. */
    public int busiestSecond(String appKey) {
        return window.busiestSecond(appKey);
    }

    /** API calls of the app admitted (not refused with EGW00201) so far. */
    public int admittedCalls(String appKey) {
        return window.admittedCount(appKey);
    }

    /** Requests received for an operation (last path segment, e.g. {@code tokenP}), whatever their outcome. */
    public long requestsTo(String operation) {
        AtomicLong count = requestsByOperation.get(operation);
        return count == null ? 0L : count.get();
    }

    /** Calls refused with EGW00201 so far, all apps. */
    public long rateLimitedCalls() {
        return window.refused();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        long seq = requestSeq.incrementAndGet();
        String path = exchange.getRequestURI().getPath();
        String operation = path.substring(path.lastIndexOf('/') + 1);
        requestsByOperation.computeIfAbsent(operation, k -> new AtomicLong()).incrementAndGet();
        FaultDecision decision = faults.decide(operation, clock.instant(), seq);
        try {
            if (decision.outcome() == FaultOutcome.OUTAGE) {
                // An outage drops the connection without a byte, as an unreachable gateway does.
                exchange.close();
                return;
            }
            if (!decision.latency().isZero()) {
                Thread.sleep(decision.latency().toMillis());
            }
            if (decision.outcome() == FaultOutcome.ERROR) {
                send(exchange, 503, "text/html", "<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>",
                        Map.of());
                return;
            }
            Reply reply = route(exchange, path, decision);
            String body = decision.outcome() == FaultOutcome.MALFORMED ? malform(reply.body(), seq)
                    : json.writeValueAsString(reply.body());
            send(exchange, reply.status(), "application/json; charset=UTF-8", body, reply.headers());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
        } catch (RuntimeException e) {
            log.warn("simulated KIS request {} {} failed inside the simulator", exchange.getRequestMethod(), path, e);
            send(exchange, 500, "text/plain; charset=UTF-8", "Internal Server Error", Map.of());
        }
    }

    private Reply route(HttpExchange exchange, String path, FaultDecision decision) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        switch (path) {
            case "/oauth2/tokenP":
                return method.equals("POST") ? issueToken(readJson(exchange)) : notFound(path);
            case "/oauth2/revokeP":
                return method.equals("POST") ? revokeToken(readJson(exchange)) : notFound(path);
            case "/oauth2/Approval":
                return method.equals("POST") ? issueApprovalKey(readJson(exchange)) : notFound(path);
            default:
                break;
        }
        Set<String> liveTrIds = LIVE_TR_IDS.get(path);
        if (liveTrIds == null) {
            return notFound(path);
        }
        String appKey = header(exchange, "appkey");
        String appSecret = header(exchange, "appsecret");
        KisAppRegistration app = apps.get(appKey);
        if (app == null) {
            return apiError(500, KisMessages.INVALID_APP_KEY, KisMessages.INVALID_APP_KEY_TEXT);
        }
        if (!app.appSecret().equals(appSecret)) {
            return apiError(500, KisMessages.INVALID_APP_SECRET, KisMessages.INVALID_APP_SECRET_TEXT);
        }
        String authorization = header(exchange, "authorization");
        String token = authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7).trim() : "";
        switch (tokens.check(appKey, token)) {
            case UNKNOWN:
                return apiError(500, KisMessages.INVALID_TOKEN, KisMessages.INVALID_TOKEN_TEXT);
            case EXPIRED:
                return apiError(500, KisMessages.EXPIRED_TOKEN, KisMessages.EXPIRED_TOKEN_TEXT);
            default:
                break;
        }
        if (!window.admit(appKey)) {
            return apiError(500, KisMessages.RATE_EXCEEDED, KisMessages.RATE_EXCEEDED_TEXT);
        }
        String trId = header(exchange, "tr_id");
        String liveTrId = liveTrIds.stream().filter(id -> settings.domain().trId(id).equals(trId)).findFirst()
                .orElse(null);
        if (liveTrId == null) {
            return apiError(500, KisMessages.UNKNOWN_TR, KisMessages.UNKNOWN_TR_TEXT);
        }
        boolean isPost = liveTrId.endsWith("U");
        if (isPost != method.equals("POST") || (!isPost && !method.equals("GET"))) {
            return apiError(500, KisMessages.UNKNOWN_TR, KisMessages.UNKNOWN_TR_TEXT);
        }
        Map<String, String> fields = isPost ? upperCaseFields(readJson(exchange)) : query(exchange);
        ApiCall call = new ApiCall(app, trId, liveTrId, fields, header(exchange, "tr_cont"), decision);
        String operation = path.substring(path.lastIndexOf('/') + 1);
        return switch (operation) {
            case "inquire-price" -> inquirePrice(call);
            case "inquire-asking-price-exp-ccn" -> inquireAskingPrice(call);
            case "inquire-daily-itemchartprice" -> inquireDailyChart(call);
            case "order-cash" -> orderCash(call);
            case "order-rvsecncl" -> orderModifyOrCancel(call);
            case "inquire-daily-ccld" -> inquireDailyOrders(call);
            case "inquire-balance" -> inquireBalance(call);
            case "inquire-psbl-order" -> inquireBuyable(call);
            default -> notFound(path);
        };
    }

    // ---- OAuth ----

    private Reply issueToken(JsonNode body) {
        Optional<Reply> refusal = checkAppCredentials(body, "appsecret");
        if (refusal.isPresent()) {
            return refusal.get();
        }
        String appKey = body.path("appkey").asText();
        KisTokenAuthority.TokenGrant grant = tokens.requestToken(appKey);
        if (grant instanceof KisTokenAuthority.Throttled) {
            return oauthError(KisMessages.TOKEN_ISSUE_THROTTLED, KisMessages.TOKEN_ISSUE_THROTTLED_TEXT);
        }
        KisTokenAuthority.Granted granted = (KisTokenAuthority.Granted) grant;
        ObjectNode out = json.createObjectNode();
        out.put("access_token", granted.accessToken());
        out.put("access_token_token_expired", EXPIRY_FORMAT.format(granted.expiresAt().atZone(KST)));
        out.put("token_type", "Bearer");
        out.put("expires_in", Math.max(0L, Duration.between(clock.instant(), granted.expiresAt()).getSeconds()));
        return new Reply(200, out, Map.of());
    }

    private Reply revokeToken(JsonNode body) {
        Optional<Reply> refusal = checkAppCredentials(body, "appsecret");
        if (refusal.isPresent()) {
            return refusal.get();
        }
        boolean revoked = tokens.revoke(body.path("appkey").asText(), body.path("token").asText());
        if (!revoked) {
            return oauthError(KisMessages.INVALID_TOKEN, KisMessages.INVALID_TOKEN_TEXT);
        }
        ObjectNode out = json.createObjectNode();
        out.put("code", 200);
        out.put("message", "접근토큰 폐기에 성공하였습니다");
        return new Reply(200, out, Map.of());
    }

    private Reply issueApprovalKey(JsonNode body) {
        // KIS names the secret "secretkey" on this endpoint, unlike tokenP.
        Optional<Reply> refusal = checkAppCredentials(body, "secretkey");
        if (refusal.isPresent()) {
            return refusal.get();
        }
        ObjectNode out = json.createObjectNode();
        out.put("approval_key", tokens.issueApprovalKey(body.path("appkey").asText()));
        return new Reply(200, out, Map.of());
    }

    private Optional<Reply> checkAppCredentials(JsonNode body, String secretField) {
        if (!"client_credentials".equals(body.path("grant_type").asText("client_credentials"))) {
            return Optional.of(oauthError(KisMessages.INVALID_GRANT, KisMessages.INVALID_GRANT_TEXT));
        }
        KisAppRegistration app = apps.get(body.path("appkey").asText());
        if (app == null) {
            return Optional.of(oauthError(KisMessages.INVALID_APP_KEY, KisMessages.INVALID_APP_KEY_TEXT));
        }
        if (!app.appSecret().equals(body.path(secretField).asText())) {
            return Optional.of(oauthError(KisMessages.INVALID_APP_SECRET, KisMessages.INVALID_APP_SECRET_TEXT));
        }
        return Optional.empty();
    }

    // ---- Quotations ----

    private Reply inquirePrice(ApiCall call) {
        Optional<Symbol> symbol = symbol(call.fields().get("FID_INPUT_ISCD"));
        Optional<KisVenue.Quote> found = symbol.flatMap(venue::quote);
        if (found.isEmpty()) {
            return rejection(call, KisMessages.UNKNOWN_SYMBOL, KisMessages.UNKNOWN_SYMBOL_TEXT);
        }
        KisVenue.Quote q = found.get();
        ObjectNode out = json.createObjectNode();
        long change = q.price() - q.previousClose();
        out.put("iscd_stat_cls_code", "55");
        out.put("rprs_mrkt_kor_name", "KOSPI");
        out.put("bstp_kor_isnm", q.name());
        out.put("temp_stop_yn", "N");
        out.put("stck_prpr", Long.toString(q.price()));
        out.put("prdy_vrss", Long.toString(change));
        out.put("prdy_vrss_sign", changeSign(q.price(), q.previousClose(), q.upperLimit(), q.lowerLimit()));
        out.put("prdy_ctrt", percent(change, q.previousClose()));
        out.put("acml_tr_pbmn", Long.toString(q.accumulatedValue()));
        out.put("acml_vol", Long.toString(q.accumulatedVolume()));
        out.put("stck_oprc", Long.toString(q.open()));
        out.put("stck_hgpr", Long.toString(q.high()));
        out.put("stck_lwpr", Long.toString(q.low()));
        out.put("stck_mxpr", Long.toString(q.upperLimit()));
        out.put("stck_llam", Long.toString(q.lowerLimit()));
        out.put("stck_sdpr", Long.toString(q.previousClose()));
        out.put("aspr_unit", Long.toString(q.tickSize()));
        out.put("hts_deal_qty_unit_val", "1");
        out.put("stck_shrn_iscd", q.symbol().code());
        out.put("vi_cls_code", "N");
        return ok(call, KisMessages.INQUIRY_OK, KisMessages.INQUIRY_OK_TEXT, Map.of("output", out), "");
    }

    private Reply inquireAskingPrice(ApiCall call) {
        Optional<KisVenue.OrderBook> found = symbol(call.fields().get("FID_INPUT_ISCD")).flatMap(venue::orderBook);
        if (found.isEmpty()) {
            return rejection(call, KisMessages.UNKNOWN_SYMBOL, KisMessages.UNKNOWN_SYMBOL_TEXT);
        }
        KisVenue.OrderBook book = found.get();
        LocalTime asOf = book.time().minus(call.decision().staleBy());
        ObjectNode levels = json.createObjectNode();
        levels.put("aspr_acpt_hour", HMS.format(asOf));
        long totalAsk = 0;
        long totalBid = 0;
        for (int i = 0; i < 10; i++) {
            KisVenue.Level ask = i < book.asks().size() ? book.asks().get(i) : new KisVenue.Level(0, 0);
            KisVenue.Level bid = i < book.bids().size() ? book.bids().get(i) : new KisVenue.Level(0, 0);
            levels.put("askp" + (i + 1), Long.toString(ask.price()));
            levels.put("bidp" + (i + 1), Long.toString(bid.price()));
            levels.put("askp_rsqn" + (i + 1), Long.toString(ask.quantity()));
            levels.put("bidp_rsqn" + (i + 1), Long.toString(bid.quantity()));
            totalAsk += ask.quantity();
            totalBid += bid.quantity();
        }
        levels.put("total_askp_rsqn", Long.toString(totalAsk));
        levels.put("total_bidp_rsqn", Long.toString(totalBid));
        levels.put("ntby_aspr_rsqn", Long.toString(totalBid - totalAsk));
        ObjectNode expected = json.createObjectNode();
        expected.put("stck_prpr", Long.toString(book.lastPrice()));
        expected.put("antc_cnpr", Long.toString(book.expectedPrice()));
        expected.put("antc_vol", Long.toString(book.expectedVolume()));
        expected.put("stck_shrn_iscd", book.symbol().code());
        return ok(call, KisMessages.INQUIRY_OK, KisMessages.INQUIRY_OK_TEXT,
                Map.of("output1", levels, "output2", expected), "");
    }

    /**
     * 국내주식기간별시세 (FHKST03010100), daily period only: output1 the stock's summary, output2 at most
     * {@value #DAILY_CHART_MAX_ROWS} bars of the asked dates, newest first, as KIS answers.
     */
    private Reply inquireDailyChart(ApiCall call) {
        Map<String, String> f = call.fields();
        Optional<LocalDate> from = date(f.get("FID_INPUT_DATE_1"));
        Optional<LocalDate> to = date(f.get("FID_INPUT_DATE_2"));
        if (!"J".equals(f.get("FID_COND_MRKT_DIV_CODE")) || !"D".equals(f.get("FID_PERIOD_DIV_CODE"))
                || !Set.of("0", "1").contains(f.getOrDefault("FID_ORG_ADJ_PRC", "")) || from.isEmpty()
                || to.isEmpty() || from.get().isAfter(to.get())) {
            return rejection(call, KisMessages.INVALID_INPUT, KisMessages.INVALID_INPUT_TEXT);
        }
        Optional<KisVenue.DailyChart> found = symbol(f.get("FID_INPUT_ISCD"))
                .flatMap(s -> venue.dailyChart(s, from.get(), to.get()));
        if (found.isEmpty()) {
            return rejection(call, KisMessages.UNKNOWN_SYMBOL, KisMessages.UNKNOWN_SYMBOL_TEXT);
        }
        KisVenue.DailyChart chart = found.get();
        List<KisVenue.DayBar> bars = chart.bars();
        List<KisVenue.DayBar> newest = bars.subList(Math.max(0, bars.size() - DAILY_CHART_MAX_ROWS), bars.size());
        ObjectNode summary = json.createObjectNode();
        KisVenue.DayBar last = newest.isEmpty() ? null : newest.get(newest.size() - 1);
        long price = last == null ? 0L : last.close();
        long previousClose = last == null ? 0L : last.previousClose();
        summary.put("prdy_vrss", Long.toString(price - previousClose));
        summary.put("prdy_vrss_sign", last == null ? "3" : barSign(last));
        summary.put("prdy_ctrt", percent(price - previousClose, previousClose));
        summary.put("stck_prdy_clpr", Long.toString(previousClose));
        summary.put("acml_vol", Long.toString(last == null ? 0L : last.volume()));
        summary.put("acml_tr_pbmn", Long.toString(last == null ? 0L : last.tradedValue()));
        summary.put("hts_kor_isnm", chart.name());
        summary.put("stck_prpr", Long.toString(price));
        summary.put("stck_shrn_iscd", chart.symbol().code());
        summary.put("stck_oprc", Long.toString(last == null ? 0L : last.open()));
        summary.put("stck_hgpr", Long.toString(last == null ? 0L : last.high()));
        summary.put("stck_lwpr", Long.toString(last == null ? 0L : last.low()));
        summary.put("lstn_stcn", Long.toString(chart.listedShares()));
        // hts_avls is the market cap in 100 million KRW (억원).
        summary.put("hts_avls", Long.toString(price * chart.listedShares() / 100_000_000L));
        ArrayNode rows = json.createArrayNode();
        for (int i = newest.size() - 1; i >= 0; i--) {
            KisVenue.DayBar bar = newest.get(i);
            ObjectNode row = rows.addObject();
            row.put("stck_bsop_date", YMD.format(bar.date()));
            row.put("stck_clpr", Long.toString(bar.close()));
            row.put("stck_oprc", Long.toString(bar.open()));
            row.put("stck_hgpr", Long.toString(bar.high()));
            row.put("stck_lwpr", Long.toString(bar.low()));
            row.put("acml_vol", Long.toString(bar.volume()));
            row.put("acml_tr_pbmn", Long.toString(bar.tradedValue()));
            row.put("flng_cls_code", "00");
            row.put("prtt_rate", "0.00");
            row.put("mod_yn", "N");
            row.put("prdy_vrss_sign", barSign(bar));
            row.put("prdy_vrss", Long.toString(bar.change()));
            row.put("revl_issu_reas", "");
        }
        return ok(call, KisMessages.INQUIRY_OK, KisMessages.INQUIRY_OK_TEXT,
                Map.of("output1", summary, "output2", rows), "");
    }

    /** The change sign of a completed day; limit moves are judged against the ±30 % band of the previous close. */
    private static String barSign(KisVenue.DayBar bar) {
        long upper = TickSize.roundDown(bar.previousClose() * 13 / 10);
        long lower = TickSize.roundUp(bar.previousClose() * 7 / 10);
        return changeSign(bar.close(), bar.previousClose(), upper, lower);
    }

    // ---- Orders ----

    private Reply orderCash(ApiCall call) {
        Map<String, String> f = call.fields();
        if (!ownAccount(call)) {
            return rejection(call, KisMessages.UNKNOWN_ACCOUNT, KisMessages.UNKNOWN_ACCOUNT_TEXT);
        }
        Optional<Symbol> symbol = symbol(f.get("PDNO"));
        Optional<KisVenue.OrderKind> kind = KisVenue.OrderKind.fromCode(f.getOrDefault("ORD_DVSN", ""));
        Optional<Long> quantity = number(f.get("ORD_QTY"));
        // KIS prices an order without ORD_UNPR at the upper limit; the venue does the same for a market order.
        String unitPrice = f.getOrDefault("ORD_UNPR", "");
        Optional<Long> price = number(unitPrice.isBlank() ? "0" : unitPrice);
        if (symbol.isEmpty() || kind.isEmpty() || quantity.isEmpty() || price.isEmpty()) {
            return rejection(call, KisMessages.INVALID_INPUT, KisMessages.INVALID_INPUT_TEXT);
        }
        Side side = BUY_TR_IDS.contains(call.liveTrId()) ? Side.BUY : Side.SELL;
        KisVenue.OrderResult result = venue.placeOrder(new KisVenue.OrderRequest(call.app().account(), symbol.get(),
                side, kind.get(), price.get(), quantity.get()));
        return orderReply(call, result);
    }

    private Reply orderModifyOrCancel(ApiCall call) {
        Map<String, String> f = call.fields();
        if (!ownAccount(call)) {
            return rejection(call, KisMessages.UNKNOWN_ACCOUNT, KisMessages.UNKNOWN_ACCOUNT_TEXT);
        }
        String originalOrderNo = f.getOrDefault("ORGN_ODNO", "");
        String action = f.getOrDefault("RVSE_CNCL_DVSN_CD", "");
        if (originalOrderNo.isEmpty() || !(action.equals("01") || action.equals("02"))) {
            return rejection(call, KisMessages.INVALID_INPUT, KisMessages.INVALID_INPUT_TEXT);
        }
        String paddedOrderNo = originalOrderNo.length() < 10
                ? "0".repeat(10 - originalOrderNo.length()) + originalOrderNo : originalOrderNo;
        if (action.equals("02")) {
            return orderReply(call, venue.cancel(call.app().account(), paddedOrderNo));
        }
        Optional<KisVenue.OrderKind> kind = KisVenue.OrderKind.fromCode(f.getOrDefault("ORD_DVSN", ""));
        Optional<Long> quantity = number(f.get("ORD_QTY"));
        Optional<Long> price = number(f.get("ORD_UNPR"));
        boolean wholeRemainder = "Y".equals(f.get("QTY_ALL_ORD_YN"));
        if (kind.isEmpty() || price.isEmpty() || (quantity.isEmpty() && !wholeRemainder)) {
            return rejection(call, KisMessages.INVALID_INPUT, KisMessages.INVALID_INPUT_TEXT);
        }
        long newQuantity = wholeRemainder ? remainingOf(call.app().account(), paddedOrderNo) : quantity.get();
        return orderReply(call, venue.modify(call.app().account(), paddedOrderNo, kind.get(), price.get(),
                newQuantity));
    }

    private long remainingOf(KisAccount account, String orderNo) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), KST);
        return venue.dailyOrders(account, today.minusDays(7), today).stream()
                .filter(r -> r.orderNo().equals(orderNo)).mapToLong(KisVenue.OrderRecord::remainingQuantity)
                .findFirst().orElse(0L);
    }

    private Reply orderReply(ApiCall call, KisVenue.OrderResult result) {
        if (result instanceof KisVenue.Rejected rejected) {
            return rejection(call, rejected.messageCode(), rejected.message());
        }
        KisVenue.Accepted accepted = (KisVenue.Accepted) result;
        ObjectNode out = json.createObjectNode();
        out.put("KRX_FWDG_ORD_ORGNO", accepted.branchNo());
        out.put("ODNO", accepted.orderNo());
        out.put("ORD_TMD", HMS.format(accepted.time()));
        return ok(call, KisMessages.ORDER_SENT, KisMessages.ORDER_SENT_TEXT, Map.of("output", out), "");
    }

    // ---- Account inquiries ----

    private Reply inquireDailyOrders(ApiCall call) {
        Map<String, String> f = call.fields();
        if (!ownAccount(call)) {
            return rejection(call, KisMessages.UNKNOWN_ACCOUNT, KisMessages.UNKNOWN_ACCOUNT_TEXT);
        }
        Optional<LocalDate> from = date(f.get("INQR_STRT_DT"));
        Optional<LocalDate> to = date(f.get("INQR_END_DT"));
        if (from.isEmpty() || to.isEmpty()) {
            return rejection(call, KisMessages.INVALID_INPUT, KisMessages.INVALID_INPUT_TEXT);
        }
        String sideFilter = f.getOrDefault("SLL_BUY_DVSN_CD", "00");
        String fillFilter = f.getOrDefault("CCLD_DVSN", "00");
        String symbolFilter = f.getOrDefault("PDNO", "");
        String orderFilter = f.getOrDefault("ODNO", "");
        List<KisVenue.OrderRecord> rows = new ArrayList<>();
        for (KisVenue.OrderRecord r : venue.dailyOrders(call.app().account(), from.get(), to.get())) {
            boolean sideOk = sideFilter.equals("00") || (sideFilter.equals("01") == (r.side() == Side.SELL));
            boolean fillOk = fillFilter.equals("00") || (fillFilter.equals("01") ? r.filledQuantity() > 0
                    : r.remainingQuantity() > 0);
            boolean symbolOk = symbolFilter.isEmpty() || symbolFilter.equals(r.symbol().code());
            boolean orderOk = orderFilter.isEmpty() || orderFilter.equals(r.orderNo());
            if (sideOk && fillOk && symbolOk && orderOk) {
                rows.add(r);
            }
        }
        if (!"01".equals(f.get("INQR_DVSN"))) {
            java.util.Collections.reverse(rows);
        }
        Page page = page(f, rows.size(), settings.dailyOrdersPageSize());
        ArrayNode list = json.createArrayNode();
        long totalOrdered = 0;
        long totalFilled = 0;
        long totalAmount = 0;
        for (KisVenue.OrderRecord r : rows) {
            totalOrdered += r.orderQuantity();
            totalFilled += r.filledQuantity();
            totalAmount += r.filledAmount();
        }
        for (KisVenue.OrderRecord r : rows.subList(page.from(), page.to())) {
            ObjectNode row = list.addObject();
            row.put("ord_dt", YMD.format(r.date()));
            row.put("ord_gno_brno", r.branchNo());
            row.put("odno", r.orderNo());
            row.put("orgn_odno", r.originalOrderNo());
            row.put("ord_dvsn_name", r.kind() == KisVenue.OrderKind.MARKET ? "시장가" : "지정가");
            row.put("sll_buy_dvsn_cd", r.side() == Side.SELL ? "01" : "02");
            row.put("sll_buy_dvsn_cd_name", (r.cancelOrder() ? "" : "현금") + (r.side() == Side.SELL ? "매도" : "매수")
                    + (r.cancelOrder() ? "취소" : ""));
            row.put("pdno", r.symbol().code());
            row.put("prdt_name", r.name());
            row.put("ord_qty", Long.toString(r.orderQuantity()));
            row.put("ord_unpr", Long.toString(r.orderPrice()));
            row.put("ord_tmd", HMS.format(r.time()));
            row.put("tot_ccld_qty", Long.toString(r.filledQuantity()));
            row.put("avg_prvs", Long.toString(r.averageFillPrice()));
            row.put("cncl_yn", r.cancelOrder() ? "Y" : "N");
            row.put("tot_ccld_amt", Long.toString(r.filledAmount()));
            row.put("ord_dvsn_cd", r.kind().code());
            row.put("cnc_cfrm_qty", Long.toString(r.cancelledQuantity()));
            row.put("rmn_qty", Long.toString(r.remainingQuantity()));
            row.put("rjct_qty", "0");
            row.put("ccld_cndt_name", "없음");
            row.put("excg_id_dvsn_cd", "KRX");
        }
        ObjectNode totals = json.createObjectNode();
        totals.put("tot_ord_qty", Long.toString(totalOrdered));
        totals.put("tot_ccld_qty", Long.toString(totalFilled));
        totals.put("tot_ccld_amt", Long.toString(totalAmount));
        totals.put("prsm_tlex_smtl", "0");
        totals.put("pchs_avg_pric", totalFilled == 0 ? "0.0000" : String.format(Locale.ROOT, "%.4f",
                (double) totalAmount / totalFilled));
        return paged(call, Map.of("output1", list, "output2", totals), page);
    }

    private Reply inquireBalance(ApiCall call) {
        if (!ownAccount(call)) {
            return rejection(call, KisMessages.UNKNOWN_ACCOUNT, KisMessages.UNKNOWN_ACCOUNT_TEXT);
        }
        Optional<KisVenue.Balance> found = venue.balance(call.app().account());
        if (found.isEmpty()) {
            return rejection(call, KisMessages.UNKNOWN_ACCOUNT, KisMessages.UNKNOWN_ACCOUNT_TEXT);
        }
        KisVenue.Balance balance = found.get();
        List<KisVenue.Holding> holdings = balance.holdings();
        Page page = page(call.fields(), holdings.size(), settings.balancePageSize());
        ArrayNode list = json.createArrayNode();
        for (KisVenue.Holding h : holdings.subList(page.from(), page.to())) {
            ObjectNode row = list.addObject();
            long profit = h.evaluationAmount() - h.purchaseAmount();
            row.put("pdno", h.symbol().code());
            row.put("prdt_name", h.name());
            row.put("trad_dvsn_name", "현금");
            row.put("thdt_buyqty", Long.toString(h.todayBoughtQuantity()));
            row.put("thdt_sll_qty", Long.toString(h.todaySoldQuantity()));
            row.put("hldg_qty", Long.toString(h.quantity()));
            row.put("ord_psbl_qty", Long.toString(h.orderableQuantity()));
            row.put("pchs_avg_pric", String.format(Locale.ROOT, "%.4f", (double) h.averagePrice()));
            row.put("pchs_amt", Long.toString(h.purchaseAmount()));
            row.put("prpr", Long.toString(h.currentPrice()));
            row.put("evlu_amt", Long.toString(h.evaluationAmount()));
            row.put("evlu_pfls_amt", Long.toString(profit));
            row.put("evlu_pfls_rt", percent(profit, h.purchaseAmount()));
        }
        long securities = holdings.stream().mapToLong(KisVenue.Holding::evaluationAmount).sum();
        long purchases = holdings.stream().mapToLong(KisVenue.Holding::purchaseAmount).sum();
        ObjectNode summary = json.createObjectNode();
        summary.put("dnca_tot_amt", Long.toString(balance.deposit()));
        summary.put("nxdy_excc_amt", Long.toString(balance.deposit()));
        summary.put("prvs_rcdl_excc_amt", Long.toString(balance.deposit()));
        summary.put("thdt_buy_amt", Long.toString(balance.todayBuyAmount()));
        summary.put("thdt_sll_amt", Long.toString(balance.todaySellAmount()));
        summary.put("scts_evlu_amt", Long.toString(securities));
        summary.put("tot_evlu_amt", Long.toString(balance.deposit() + securities));
        summary.put("nass_amt", Long.toString(balance.deposit() + securities));
        summary.put("pchs_amt_smtl_amt", Long.toString(purchases));
        summary.put("evlu_amt_smtl_amt", Long.toString(securities));
        summary.put("evlu_pfls_smtl_amt", Long.toString(securities - purchases));
        ArrayNode output2 = json.createArrayNode();
        output2.add(summary);
        return paged(call, Map.of("output1", list, "output2", output2), page);
    }

    private Reply inquireBuyable(ApiCall call) {
        Map<String, String> f = call.fields();
        if (!ownAccount(call)) {
            return rejection(call, KisMessages.UNKNOWN_ACCOUNT, KisMessages.UNKNOWN_ACCOUNT_TEXT);
        }
        Optional<Symbol> symbol = symbol(f.get("PDNO"));
        Optional<KisVenue.OrderKind> kind = KisVenue.OrderKind.fromCode(f.getOrDefault("ORD_DVSN", ""));
        String unitPrice = f.getOrDefault("ORD_UNPR", "");
        Optional<Long> price = number(unitPrice.isBlank() ? "0" : unitPrice);
        if (symbol.isEmpty() || kind.isEmpty() || price.isEmpty()) {
            return rejection(call, KisMessages.INVALID_INPUT, KisMessages.INVALID_INPUT_TEXT);
        }
        Optional<KisVenue.BuyingPower> found = venue.buyable(call.app().account(), symbol.get(), kind.get(),
                price.get());
        if (found.isEmpty()) {
            return rejection(call, KisMessages.UNKNOWN_SYMBOL, KisMessages.UNKNOWN_SYMBOL_TEXT);
        }
        KisVenue.BuyingPower power = found.get();
        ObjectNode out = json.createObjectNode();
        out.put("ord_psbl_cash", Long.toString(power.orderableCash()));
        out.put("ord_psbl_sbst", "0");
        out.put("ruse_psbl_amt", "0");
        out.put("psbl_qty_calc_unpr", Long.toString(power.calculationPrice()));
        out.put("nrcvb_buy_amt", Long.toString(power.maxQuantity() * power.calculationPrice()));
        out.put("nrcvb_buy_qty", Long.toString(power.maxQuantity()));
        out.put("max_buy_amt", Long.toString(power.maxQuantity() * power.calculationPrice()));
        out.put("max_buy_qty", Long.toString(power.maxQuantity()));
        out.put("cma_evlu_amt", "0");
        return ok(call, KisMessages.INQUIRY_OK, KisMessages.INQUIRY_OK_TEXT, Map.of("output", out), "");
    }

    // ---- Envelopes ----

    private record ApiCall(KisAppRegistration app, String trId, String liveTrId, Map<String, String> fields,
                           String trCont, FaultDecision decision) {
    }

    private record Reply(int status, JsonNode body, Map<String, String> headers) {
    }

    private record Page(int from, int to, boolean more) {
    }

    private Page page(Map<String, String> fields, int total, int size) {
        int from = number(fields.getOrDefault("CTX_AREA_NK100", "").trim()).map(Long::intValue).orElse(0);
        from = Math.max(0, Math.min(from, total));
        int to = Math.min(total, from + size);
        return new Page(from, to, to < total);
    }

    private Reply paged(ApiCall call, Map<String, JsonNode> outputs, Page page) {
        ObjectNode body = envelope("0", KisMessages.INQUIRY_OK, KisMessages.INQUIRY_OK_TEXT);
        body.put("ctx_area_fk100", call.fields().getOrDefault("CTX_AREA_FK100", ""));
        body.put("ctx_area_nk100", page.more() ? Integer.toString(page.to()) : "");
        outputs.forEach(body::set);
        return new Reply(200, body, Map.of("tr_id", call.trId(), "tr_cont", page.more() ? "M" : "D"));
    }

    private Reply ok(ApiCall call, String code, String message, Map<String, JsonNode> outputs, String trCont) {
        ObjectNode body = envelope("0", code, message);
        outputs.forEach(body::set);
        return new Reply(200, body, Map.of("tr_id", call.trId(), "tr_cont", trCont));
    }

    /** A business refusal: HTTP 200 with rt_cd 1, as KIS answers an order it will not take. */
    private Reply rejection(ApiCall call, String code, String message) {
        return new Reply(200, envelope("1", code, message), Map.of("tr_id", call.trId(), "tr_cont", ""));
    }

    private Reply apiError(int status, String code, String message) {
        return new Reply(status, envelope("1", code, message), Map.of());
    }

    private Reply oauthError(String code, String message) {
        ObjectNode body = json.createObjectNode();
        body.put("error_description", message);
        body.put("error_code", code);
        return new Reply(403, body, Map.of());
    }

    private Reply notFound(String path) {
        ObjectNode body = envelope("1", "EGW00004", "존재하지 않는 API입니다.");
        return new Reply(404, body, Map.of());
    }

    private ObjectNode envelope(String rtCd, String code, String message) {
        ObjectNode body = json.createObjectNode();
        body.put("rt_cd", rtCd);
        body.put("msg_cd", code);
        body.put("msg1", message);
        return body;
    }

    /**
     * A broken body for the MALFORMED fault, one of three kinds in turn: cut off half-way, containers and numbers
     * replaced by strings (wrong types), or the envelope and outputs missing.
     */
    private String malform(JsonNode body, long seq) throws JsonProcessingException {
        String whole = json.writeValueAsString(body);
        switch ((int) (seq % 3)) {
            case 0:
                return whole.substring(0, whole.length() / 2);
            case 1: {
                ObjectNode copy = body.deepCopy();
                Iterator<Map.Entry<String, JsonNode>> fields = copy.fields();
                List<String> names = new ArrayList<>();
                fields.forEachRemaining(e -> {
                    if (e.getValue().isContainerNode() || e.getValue().isNumber()) {
                        names.add(e.getKey());
                    }
                });
                names.forEach(name -> copy.set(name, TextNode.valueOf("N/A")));
                if (names.isEmpty()) {
                    copy.set("rt_cd", json.createArrayNode());
                }
                return json.writeValueAsString(copy);
            }
            default: {
                ObjectNode copy = body.deepCopy();
                copy.remove(List.of("rt_cd", "output", "output1", "output2", "access_token", "approval_key",
                        "expires_in"));
                return json.writeValueAsString(copy);
            }
        }
    }

    // ---- Parsing ----

    private boolean ownAccount(ApiCall call) {
        KisAccount account = call.app().account();
        return account.cano().equals(call.fields().get("CANO"))
                && account.productCode().equals(call.fields().get("ACNT_PRDT_CD"));
    }

    private JsonNode readJson(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readAllBytes();
            if (bytes.length == 0) {
                return json.createObjectNode();
            }
            try {
                JsonNode node = json.readTree(bytes);
                return node != null && node.isObject() ? node : json.createObjectNode();
            } catch (JsonProcessingException e) {
                return json.createObjectNode();
            }
        }
    }

    private static Map<String, String> upperCaseFields(JsonNode body) {
        Map<String, String> fields = new HashMap<>();
        body.fields().forEachRemaining(e -> fields.put(e.getKey().toUpperCase(Locale.ROOT), e.getValue().asText()));
        return fields;
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> fields = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return fields;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            fields.put(key.toUpperCase(Locale.ROOT), value);
        }
        return fields;
    }

    private static String header(HttpExchange exchange, String name) {
        String value = exchange.getRequestHeaders().getFirst(name);
        return value == null ? "" : value;
    }

    private static Optional<Symbol> symbol(String code) {
        try {
            return code == null ? Optional.empty() : Optional.of(Symbol.of(code.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> number(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> date(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(LocalDate.parse(text.trim(), YMD));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** KIS's 전일 대비 부호: 1 upper limit, 2 up, 3 unchanged, 4 lower limit, 5 down. */
    private static String changeSign(long price, long previousClose, long upper, long lower) {
        if (price == upper) {
            return "1";
        }
        if (price == lower) {
            return "4";
        }
        return price > previousClose ? "2" : price < previousClose ? "5" : "3";
    }

    private static String percent(long change, long base) {
        return base == 0 ? "0.00" : String.format(Locale.ROOT, "%.2f", change * 100.0 / base);
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body,
                             Map<String, String> headers) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("content-type", contentType);
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
