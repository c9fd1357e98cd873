package com.aegis.activities.kis.rest;

import com.aegis.core.market.Side;
import com.aegis.core.market.Symbol;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The KIS Open API REST client for one app and account: every call waits its turn at the account's rate limiter,
 * carries a cached access token, and turns KIS's answer into a typed value or a {@link KisException}. A call refused
 * with EGW00201 is retried with exponential backoff; an expired or unknown token (EGW00123/EGW00121) is replaced
 * once and the call repeated; business refusals are thrown at once, not retried. Orders are never re-sent after a
 * timeout or dropped connection, because KIS may have taken them.
 */
public final class KisRestClient {

    private static final Logger log = LoggerFactory.getLogger(KisRestClient.class);
    private static final ZoneId KST = ZoneId.of("Asia/Seoul");
    private static final DateTimeFormatter YMD = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HHmmss");
    private static final String QUOTATIONS = "/uapi/domestic-stock/v1/quotations/";
    private static final String TRADING = "/uapi/domestic-stock/v1/trading/";
    private static final int MAX_PAGES = 500;

    private final KisEnvironment environment;
    private final KisCredentials credentials;
    private final KisTokenCache tokenCache;
    private final KisRateLimiter rateLimiter;
    private final KisProtocolErrorCounter protocolErrors;
    private final KisClientSettings settings;
    private final Clock clock;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    public KisRestClient(KisEnvironment environment, KisCredentials credentials, KisTokenCache tokenCache,
                         KisRateLimiter rateLimiter, KisProtocolErrorCounter protocolErrors,
                         KisClientSettings settings, Clock clock) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.tokenCache = Objects.requireNonNull(tokenCache, "tokenCache");
        this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
        this.protocolErrors = Objects.requireNonNull(protocolErrors, "protocolErrors");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .build();
    }

    /**
     * A client with the environment's per-second limit, the default timeouts, its own protocol-error counter and the
     * system clock; access tokens are cached in {@code tokenDirectory}.
     */
    public static KisRestClient standard(KisEnvironment environment, KisCredentials credentials,
                                         java.nio.file.Path tokenDirectory) {
        return new KisRestClient(environment, credentials, KisTokenCache.inDirectory(tokenDirectory),
                KisRateLimiter.forEnvironment(environment), new KisProtocolErrorCounter(), KisClientSettings.defaults(),
                Clock.systemUTC());
    }

    public KisEnvironment environment() {
        return environment;
    }

    // ---- OAuth ----

    /** The cached access token, issuing one (POST /oauth2/tokenP) only when none is usable. */
    public KisAccessToken accessToken() {
        return tokenCache.token(credentials.appKey(), this::issueToken);
    }

    /** A WebSocket approval key (POST /oauth2/Approval); KIS issues a fresh one per request. */
    public String approvalKey() {
        ObjectNode body = json.createObjectNode();
        body.put("grant_type", "client_credentials");
        body.put("appkey", credentials.appKey());
        body.put("secretkey", credentials.appSecret());
        JsonNode answer = postOauth("/oauth2/Approval", body);
        return requireText(answer, "approval_key", "/oauth2/Approval");
    }

    /** Revokes the cached token at KIS (POST /oauth2/revokeP) and forgets it. */
    public void revokeToken() {
        KisAccessToken token = accessToken();
        ObjectNode body = json.createObjectNode();
        body.put("appkey", credentials.appKey());
        body.put("appsecret", credentials.appSecret());
        body.put("token", token.value());
        postOauth("/oauth2/revokeP", body);
        tokenCache.invalidate(credentials.appKey(), token);
    }

    private KisAccessToken issueToken() {
        ObjectNode body = json.createObjectNode();
        body.put("grant_type", "client_credentials");
        body.put("appkey", credentials.appKey());
        body.put("appsecret", credentials.appSecret());
        JsonNode answer = postOauth("/oauth2/tokenP", body);
        String token = requireText(answer, "access_token", "/oauth2/tokenP");
        long expiresIn = requireLong(answer, "expires_in", "/oauth2/tokenP");
        if (token.isBlank() || expiresIn <= 0) {
            throw protocol("/oauth2/tokenP answered an empty access_token or a non-positive expires_in", null);
        }
        log.info("KIS access token issued for account {}, valid for {} s", credentials.accountLabel(), expiresIn);
        return new KisAccessToken(token, clock.instant().plusSeconds(expiresIn));
    }

    private JsonNode postOauth(String path, ObjectNode body) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(environment.resolve(path))
                    .timeout(settings.requestTimeout())
                    .header("content-type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the KIS " + path + " request", e);
        }
        HttpResponse<String> response = send(request, path, "", false);
        JsonNode node = parse(response, path, "");
        if (response.statusCode() == 200) {
            return node;
        }
        String code = node.path("error_code").asText(node.path("msg_cd").asText(""));
        String message = node.path("error_description").asText(node.path("msg1").asText(""));
        log.warn("KIS {} refused for account {}: HTTP {} {} {}", path, credentials.accountLabel(),
                response.statusCode(), code, message);
        throw mapError(code, message, path, "", response.statusCode());
    }

    // ---- Quotations ----

    public KisPriceQuote inquirePrice(Symbol symbol) {
        String path = QUOTATIONS + "inquire-price";
        Map<String, String> query = new LinkedHashMap<>();
        query.put("FID_COND_MRKT_DIV_CODE", "J");
        query.put("FID_INPUT_ISCD", symbol.code());
        Answer answer = call("GET", path, "FHKST01010100", query, "");
        JsonNode out = requireObject(answer.body(), "output", answer.context());
        String ctx = answer.context();
        return new KisPriceQuote(symbol, requireLong(out, "stck_prpr", ctx), requireLong(out, "prdy_vrss", ctx),
                requireLong(out, "stck_oprc", ctx), requireLong(out, "stck_hgpr", ctx),
                requireLong(out, "stck_lwpr", ctx), requireLong(out, "stck_sdpr", ctx),
                requireLong(out, "stck_mxpr", ctx), requireLong(out, "stck_llam", ctx),
                requireLong(out, "acml_vol", ctx), requireLong(out, "acml_tr_pbmn", ctx),
                requireLong(out, "aspr_unit", ctx));
    }

    public KisAskingPrice inquireAskingPrice(Symbol symbol) {
        String path = QUOTATIONS + "inquire-asking-price-exp-ccn";
        Map<String, String> query = new LinkedHashMap<>();
        query.put("FID_COND_MRKT_DIV_CODE", "J");
        query.put("FID_INPUT_ISCD", symbol.code());
        Answer answer = call("GET", path, "FHKST01010200", query, "");
        String ctx = answer.context();
        JsonNode levels = requireObject(answer.body(), "output1", ctx);
        JsonNode expected = requireObject(answer.body(), "output2", ctx);
        List<KisAskingPrice.Level> asks = new ArrayList<>();
        List<KisAskingPrice.Level> bids = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            long askPrice = requireLong(levels, "askp" + i, ctx);
            long bidPrice = requireLong(levels, "bidp" + i, ctx);
            if (askPrice > 0) {
                asks.add(new KisAskingPrice.Level(askPrice, requireLong(levels, "askp_rsqn" + i, ctx)));
            }
            if (bidPrice > 0) {
                bids.add(new KisAskingPrice.Level(bidPrice, requireLong(levels, "bidp_rsqn" + i, ctx)));
            }
        }
        return new KisAskingPrice(symbol, requireTime(levels, "aspr_acpt_hour", ctx), asks, bids,
                requireLong(levels, "total_askp_rsqn", ctx), requireLong(levels, "total_bidp_rsqn", ctx),
                requireLong(expected, "stck_prpr", ctx), requireLong(expected, "antc_cnpr", ctx),
                requireLong(expected, "antc_vol", ctx));
    }

    /**
     * 국내주식기간별시세 (FHKST03010100, inquire-daily-itemchartprice): daily bars of {@code symbol} with trade dates
     * from {@code from} to {@code to}, oldest first, prices not adjusted for splits. KIS answers at most the newest
     * 100 bars of the period; ask for shorter periods to get more.
     */
    public KisDailyChart dailyChart(Symbol symbol, LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("daily chart period of " + symbol + " starts " + from
                    + " after it ends " + to);
        }
        String path = QUOTATIONS + "inquire-daily-itemchartprice";
        Map<String, String> query = new LinkedHashMap<>();
        query.put("FID_COND_MRKT_DIV_CODE", "J");
        query.put("FID_INPUT_ISCD", symbol.code());
        query.put("FID_INPUT_DATE_1", YMD.format(from));
        query.put("FID_INPUT_DATE_2", YMD.format(to));
        query.put("FID_PERIOD_DIV_CODE", "D");
        query.put("FID_ORG_ADJ_PRC", "1");
        Answer answer = call("GET", path, "FHKST03010100", query, "");
        String ctx = answer.context() + " " + symbol.code();
        JsonNode summary = requireObject(answer.body(), "output1", ctx);
        List<KisDailyBar> bars = new ArrayList<>();
        for (JsonNode row : requireArray(answer.body(), "output2", ctx)) {
            // KIS pads a period without data with empty rows; a row without a business date is no bar.
            if (!row.isObject() || row.path("stck_bsop_date").asText("").isBlank()) {
                continue;
            }
            bars.add(new KisDailyBar(parseDate(requireText(row, "stck_bsop_date", ctx), "stck_bsop_date", ctx),
                    requireLong(row, "stck_oprc", ctx), requireLong(row, "stck_hgpr", ctx),
                    requireLong(row, "stck_lwpr", ctx), requireLong(row, "stck_clpr", ctx),
                    requireLong(row, "acml_vol", ctx), requireLong(row, "acml_tr_pbmn", ctx),
                    requireLong(row, "prdy_vrss", ctx)));
        }
        bars.sort((a, b) -> a.date().compareTo(b.date()));
        return new KisDailyChart(symbol, summary.path("hts_kor_isnm").asText("").trim(),
                requireLong(summary, "lstn_stcn", ctx), bars);
    }

    // ---- Orders ----

    /** order-cash: TTTC0012U (buy) / TTTC0011U (sell), V... on the paper domain. */
    public KisOrderAck placeOrder(KisCashOrder order) {
        Map<String, String> body = accountFields();
        body.put("PDNO", order.symbol().code());
        body.put("ORD_DVSN", order.type().code());
        body.put("ORD_QTY", Long.toString(order.quantity()));
        body.put("ORD_UNPR", Long.toString(order.price()));
        body.put("EXCG_ID_DVSN_CD", "KRX");
        body.put("SLL_TYPE", order.side() == Side.SELL ? "01" : "");
        body.put("CNDT_PRIC", "");
        String trId = order.side() == Side.BUY ? "TTTC0012U" : "TTTC0011U";
        return orderAck(call("POST", TRADING + "order-cash", trId, body, ""));
    }

    /** order-rvsecncl (01 정정): a new price and quantity for the open order; KIS answers with a new order number. */
    public KisOrderAck modifyOrder(KisOrderNumber original, String branchNumber, KisOrderType type, long newPrice,
                                   long newQuantity) {
        Map<String, String> body = revisionFields(original, branchNumber, type, "01");
        body.put("ORD_QTY", Long.toString(newQuantity));
        body.put("ORD_UNPR", Long.toString(type == KisOrderType.MARKET ? 0L : newPrice));
        body.put("QTY_ALL_ORD_YN", "N");
        return orderAck(call("POST", TRADING + "order-rvsecncl", "TTTC0013U", body, ""));
    }

    /**
     * order-rvsecncl (01 정정) of the whole open quantity at a new price (QTY_ALL_ORD_YN=Y): KIS takes whatever is
     * open when the request arrives, so a fill in between cannot make the quantity wrong.
     */
    public KisOrderAck modifyWholeRemainder(KisOrderNumber original, String branchNumber, KisOrderType type,
                                            long newPrice) {
        Map<String, String> body = revisionFields(original, branchNumber, type, "01");
        body.put("ORD_QTY", "0");
        body.put("ORD_UNPR", Long.toString(type == KisOrderType.MARKET ? 0L : newPrice));
        body.put("QTY_ALL_ORD_YN", "Y");
        return orderAck(call("POST", TRADING + "order-rvsecncl", "TTTC0013U", body, ""));
    }

    /** order-rvsecncl (02 취소) of the whole open quantity. */
    public KisOrderAck cancelOrder(KisOrderNumber original, String branchNumber) {
        Map<String, String> body = revisionFields(original, branchNumber, KisOrderType.LIMIT, "02");
        body.put("ORD_QTY", "0");
        body.put("ORD_UNPR", "0");
        body.put("QTY_ALL_ORD_YN", "Y");
        return orderAck(call("POST", TRADING + "order-rvsecncl", "TTTC0013U", body, ""));
    }

    private Map<String, String> revisionFields(KisOrderNumber original, String branchNumber, KisOrderType type,
                                               String action) {
        Map<String, String> body = accountFields();
        body.put("KRX_FWDG_ORD_ORGNO", branchNumber);
        body.put("ORGN_ODNO", original.value());
        body.put("ORD_DVSN", type.code());
        body.put("RVSE_CNCL_DVSN_CD", action);
        body.put("EXCG_ID_DVSN_CD", "KRX");
        return body;
    }

    private KisOrderAck orderAck(Answer answer) {
        String ctx = answer.context();
        JsonNode out = requireObject(answer.body(), "output", ctx);
        String orderNo = firstText(out, ctx, "ODNO", "odno");
        String branch = firstText(out, ctx, "KRX_FWDG_ORD_ORGNO", "krx_fwdg_ord_orgno");
        String time = firstText(out, ctx, "ORD_TMD", "ord_tmd");
        if (orderNo.isBlank()) {
            throw protocol(ctx + " answered success without an order number (ODNO)", null);
        }
        return new KisOrderAck(new KisOrderNumber(orderNo), branch, parseTime(time, "ORD_TMD", ctx));
    }

    // ---- Account inquiries ----

    /** inquire-daily-ccld, all pages, oldest first. Periods starting over three months ago use CTSC9215R. */
    public List<KisDailyOrder> dailyOrders(LocalDate from, LocalDate to) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), KST);
        String trId = from.isBefore(today.minusMonths(3)) ? "CTSC9215R" : "TTTC0081R";
        Map<String, String> query = accountFields();
        query.put("INQR_STRT_DT", YMD.format(from));
        query.put("INQR_END_DT", YMD.format(to));
        query.put("SLL_BUY_DVSN_CD", "00");
        query.put("INQR_DVSN", "01");
        query.put("PDNO", "");
        query.put("CCLD_DVSN", "00");
        query.put("ORD_GNO_BRNO", "");
        query.put("ODNO", "");
        query.put("INQR_DVSN_3", "00");
        query.put("INQR_DVSN_1", "");
        query.put("EXCG_ID_DVSN_CD", "KRX");
        List<KisDailyOrder> orders = new ArrayList<>();
        for (Answer page : pages(TRADING + "inquire-daily-ccld", trId, query)) {
            String ctx = page.context();
            for (JsonNode row : requireArray(page.body(), "output1", ctx)) {
                String original = row.path("orgn_odno").asText("").trim();
                String sideCode = requireText(row, "sll_buy_dvsn_cd", ctx);
                orders.add(new KisDailyOrder(parseDate(requireText(row, "ord_dt", ctx), "ord_dt", ctx),
                        requireTime(row, "ord_tmd", ctx), new KisOrderNumber(requireText(row, "odno", ctx)),
                        original.isEmpty() ? Optional.empty() : Optional.of(new KisOrderNumber(original)),
                        parseSymbol(requireText(row, "pdno", ctx), ctx),
                        "01".equals(sideCode) ? Side.SELL : Side.BUY,
                        requireLong(row, "ord_qty", ctx), requireLong(row, "ord_unpr", ctx),
                        requireLong(row, "tot_ccld_qty", ctx), requireLong(row, "avg_prvs", ctx),
                        requireLong(row, "tot_ccld_amt", ctx), requireLong(row, "cnc_cfrm_qty", ctx),
                        requireLong(row, "rmn_qty", ctx), "Y".equals(row.path("cncl_yn").asText("N"))));
            }
        }
        return orders;
    }

    /** inquire-balance (TTTC8434R), all pages. */
    public KisBalance balance() {
        Map<String, String> query = accountFields();
        query.put("AFHR_FLPR_YN", "N");
        query.put("OFL_YN", "");
        query.put("INQR_DVSN", "02");
        query.put("UNPR_DVSN", "01");
        query.put("FUND_STTL_ICLD_YN", "N");
        query.put("FNCG_AMT_AUTO_RDPT_YN", "N");
        query.put("PRCS_DVSN", "00");
        List<KisHolding> holdings = new ArrayList<>();
        JsonNode summary = null;
        String summaryContext = "";
        for (Answer page : pages(TRADING + "inquire-balance", "TTTC8434R", query)) {
            String ctx = page.context();
            for (JsonNode row : requireArray(page.body(), "output1", ctx)) {
                holdings.add(new KisHolding(parseSymbol(requireText(row, "pdno", ctx), ctx),
                        row.path("prdt_name").asText(""), requireLong(row, "hldg_qty", ctx),
                        requireLong(row, "ord_psbl_qty", ctx), requireLong(row, "pchs_avg_pric", ctx),
                        requireLong(row, "pchs_amt", ctx), requireLong(row, "prpr", ctx),
                        requireLong(row, "evlu_amt", ctx), requireLong(row, "evlu_pfls_amt", ctx)));
            }
            JsonNode output2 = requireArray(page.body(), "output2", ctx);
            if (output2.size() > 0) {
                summary = output2.get(0);
                summaryContext = ctx;
            }
        }
        if (summary == null || !summary.isObject()) {
            throw protocol(summaryContext + " inquire-balance answered without the account summary (output2)", null);
        }
        return new KisBalance(holdings, requireLong(summary, "dnca_tot_amt", summaryContext),
                requireLong(summary, "prvs_rcdl_excc_amt", summaryContext),
                requireLong(summary, "scts_evlu_amt", summaryContext),
                requireLong(summary, "tot_evlu_amt", summaryContext));
    }

    /** inquire-psbl-order (TTTC8908R): how much of {@code symbol} the account can buy at {@code price}. */
    public KisBuyingPower buyingPower(Symbol symbol, KisOrderType type, long price) {
        Map<String, String> query = accountFields();
        query.put("PDNO", symbol.code());
        query.put("ORD_UNPR", type == KisOrderType.MARKET ? "" : Long.toString(price));
        query.put("ORD_DVSN", type.code());
        query.put("CMA_EVLU_AMT_ICLD_YN", "N");
        query.put("OVRS_ICLD_YN", "N");
        Answer answer = call("GET", TRADING + "inquire-psbl-order", "TTTC8908R", query, "");
        String ctx = answer.context();
        JsonNode out = requireObject(answer.body(), "output", ctx);
        return new KisBuyingPower(requireLong(out, "ord_psbl_cash", ctx), requireLong(out, "psbl_qty_calc_unpr", ctx),
                requireLong(out, "nrcvb_buy_qty", ctx), requireLong(out, "nrcvb_buy_amt", ctx));
    }

    private Map<String, String> accountFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("CANO", credentials.accountNumber());
        fields.put("ACNT_PRDT_CD", credentials.productCode());
        return fields;
    }

    // ---- Transport ----

    private record Answer(JsonNode body, String trCont, String context) {
    }

    private List<Answer> pages(String path, String liveTrId, Map<String, String> query) {
        List<Answer> pages = new ArrayList<>();
        String fk = "";
        String nk = "";
        String trCont = "";
        while (true) {
            Map<String, String> pageQuery = new LinkedHashMap<>(query);
            pageQuery.put("CTX_AREA_FK100", fk);
            pageQuery.put("CTX_AREA_NK100", nk);
            Answer answer = call("GET", path, liveTrId, pageQuery, trCont);
            pages.add(answer);
            if (!("M".equals(answer.trCont()) || "F".equals(answer.trCont()))) {
                return pages;
            }
            if (pages.size() >= MAX_PAGES) {
                throw protocol(answer.context() + " kept announcing more pages after " + MAX_PAGES, null);
            }
            fk = answer.body().path("ctx_area_fk100").asText("");
            nk = answer.body().path("ctx_area_nk100").asText("");
            trCont = "N";
        }
    }

    private Answer call(String method, String path, String liveTrId, Map<String, String> fields, String trCont) {
        String trId = environment.trId(liveTrId);
        String context = path + " (" + trId + ")";
        boolean isOrder = method.equals("POST");
        int rateRetries = 0;
        boolean tokenReplaced = false;
        while (true) {
            KisAccessToken token = accessToken();
            HttpResponse<String> response;
            try (KisRateLimiter.Permit ignored = rateLimiter.acquire(credentials.accountNumber()
                    + credentials.productCode())) {
                response = send(buildRequest(method, path, trId, fields, trCont, token), path, trId, isOrder);
            }
            JsonNode body = parse(response, path, trId);
            JsonNode rtCd = body.get("rt_cd");
            if (rtCd == null || !rtCd.isTextual()) {
                if (response.statusCode() >= 500) {
                    throw serverError(response.statusCode(), context);
                }
                throw protocol(context + " answered without a text rt_cd (HTTP " + response.statusCode() + ")", null);
            }
            String code = body.path("msg_cd").asText("");
            String message = body.path("msg1").asText("");
            if ("0".equals(rtCd.asText())) {
                log.debug("KIS {} {} -> HTTP {} {}", method, context, response.statusCode(), code);
                return new Answer(body, response.headers().firstValue("tr_cont").orElse("").trim(), context);
            }
            KisException error = mapError(code, message, path, trId, response.statusCode());
            if (error.kind() == KisErrorKind.RATE_LIMITED && rateRetries < settings.rateLimitRetries()) {
                Duration backoff = settings.rateLimitBackoff().multipliedBy(1L << rateRetries);
                rateRetries++;
                log.info("KIS {} over the per-second limit (EGW00201); retry {} of {} in {} ms", context, rateRetries,
                        settings.rateLimitRetries(), backoff.toMillis());
                pause(backoff);
                continue;
            }
            if ((code.equals("EGW00123") || code.equals("EGW00121")) && !tokenReplaced) {
                log.info("KIS {} refused the access token ({}); requesting a new one", context, code);
                tokenCache.invalidate(credentials.appKey(), token);
                tokenReplaced = true;
                continue;
            }
            log.warn("KIS {} failed: {} {} ({})", context, code, message, error.kind());
            throw error;
        }
    }

    private HttpRequest buildRequest(String method, String path, String trId, Map<String, String> fields,
                                     String trCont, KisAccessToken token) {
        URI uri = environment.resolve(path);
        HttpRequest.Builder builder;
        if (method.equals("GET")) {
            StringJoiner query = new StringJoiner("&");
            fields.forEach((k, v) -> query.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(v, StandardCharsets.UTF_8)));
            builder = HttpRequest.newBuilder(URI.create(uri + "?" + query)).GET();
        } else {
            ObjectNode body = json.createObjectNode();
            fields.forEach(body::put);
            try {
                builder = HttpRequest.newBuilder(uri)
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot encode the KIS " + path + " request", e);
            }
        }
        builder.timeout(settings.requestTimeout())
                .header("content-type", "application/json; charset=utf-8")
                .header("authorization", "Bearer " + token.value())
                .header("appkey", credentials.appKey())
                .header("appsecret", credentials.appSecret())
                .header("tr_id", trId)
                .header("custtype", "P");
        if (!trCont.isEmpty()) {
            builder.header("tr_cont", trCont);
        }
        return builder.build();
    }

    private HttpResponse<String> send(HttpRequest request, String path, String trId, boolean isOrder) {
        String context = path + (trId.isEmpty() ? "" : " (" + trId + ")");
        String unknownOutcome = isOrder ? "; the order may or may not have reached KIS: check inquire-daily-ccld "
                + "before sending it again" : "; safe to retry";
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            log.warn("KIS {} timed out after {} ms", context, settings.requestTimeout().toMillis());
            throw new KisException(KisErrorKind.TIMEOUT, "TIMEOUT", !isOrder, Duration.ZERO,
                    "KIS " + context + " did not answer within " + settings.requestTimeout().toMillis() + " ms"
                            + unknownOutcome, e);
        } catch (IOException e) {
            log.warn("KIS {} connection failed: {}", context, e.getClass().getSimpleName());
            throw new KisException(KisErrorKind.CONNECTION_FAILED, "CONNECTION", !isOrder, Duration.ZERO,
                    "KIS " + context + " connection failed (" + e.getClass().getSimpleName() + ")" + unknownOutcome, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KisException(KisErrorKind.INTERRUPTED, "INTERRUPTED",
                    "interrupted while waiting for KIS " + context);
        }
    }

    private JsonNode parse(HttpResponse<String> response, String path, String trId) {
        String context = path + (trId.isEmpty() ? "" : " (" + trId + ")");
        JsonNode node;
        try {
            node = json.readTree(response.body());
        } catch (JsonProcessingException e) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            if (response.statusCode() >= 500) {
                throw serverError(response.statusCode(), context);
            }
            throw protocol(context + " answered HTTP " + response.statusCode() + " with a body that is not a JSON "
                    + "object (" + response.body().length() + " characters, truncated or malformed)", null);
        }
        return node;
    }

    private KisException mapError(String code, String message, String path, String trId, int status) {
        String context = path + (trId.isEmpty() ? "" : " (" + trId + ")");
        String what = "KIS " + context + " answered " + code + " " + message;
        return switch (code) {
            case "EGW00201" -> new KisException(KisErrorKind.RATE_LIMITED, code, true, Duration.ofSeconds(1),
                    what + ": over the per-second call limit for this account; retry after a short backoff", null);
            case "EGW00133" -> new KisException(KisErrorKind.TOKEN_ISSUE_THROTTLED, code, true, Duration.ofMinutes(1),
                    what + ": KIS issues one access token a minute per app key; retry after a minute", null);
            case "EGW00123", "EGW00121" -> new KisException(KisErrorKind.TOKEN_REJECTED, code, false, Duration.ZERO,
                    what + ": the access token was refused even after requesting a new one; check that the app "
                            + "key belongs to this environment (live or paper)", null);
            case "EGW00103", "EGW00105" -> new KisException(KisErrorKind.CREDENTIALS_REJECTED, code, false,
                    Duration.ZERO, what + ": fix " + KisCredentials.APP_KEY_VARIABLE + "/"
                    + KisCredentials.APP_SECRET_VARIABLE + " for the " + environment.domain() + " domain", null);
            default -> status >= 500 && code.isEmpty() ? serverError(status, context)
                    : new KisException(KisErrorKind.BUSINESS_REJECTION, code.isEmpty() ? "HTTP_" + status : code,
                    false, Duration.ZERO, what + ": refused by the broker; change the request before sending it "
                    + "again", null);
        };
    }

    private static KisException serverError(int status, String context) {
        return new KisException(KisErrorKind.SERVER_ERROR, "HTTP_" + status, true, Duration.ofSeconds(1),
                "KIS " + context + " failed with HTTP " + status + " and no KIS answer; retry later", null);
    }

    private KisProtocolException protocol(String message, Throwable cause) {
        protocolErrors.increment();
        log.warn("unreadable KIS answer: {}", message);
        return new KisProtocolException(message + "; counted as a malformed KIS response", cause);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KisException(KisErrorKind.INTERRUPTED, "INTERRUPTED", "interrupted while backing off from KIS");
        }
    }

    // ---- Field readers: every KIS value is a string, even numbers ----

    private JsonNode requireObject(JsonNode parent, String field, String context) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isObject()) {
            throw protocol(context + " field '" + field + "' is " + describe(node) + ", expected an object", null);
        }
        return node;
    }

    private JsonNode requireArray(JsonNode parent, String field, String context) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isArray()) {
            throw protocol(context + " field '" + field + "' is " + describe(node) + ", expected an array", null);
        }
        return node;
    }

    private String requireText(JsonNode parent, String field, String context) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isTextual()) {
            throw protocol(context + " field '" + field + "' is " + describe(node) + ", expected a string", null);
        }
        return node.asText();
    }

    private String firstText(JsonNode parent, String context, String... fields) {
        for (String field : fields) {
            JsonNode node = parent.get(field);
            if (node != null && node.isTextual()) {
                return node.asText();
            }
        }
        throw protocol(context + " field '" + fields[0] + "' is missing or not a string", null);
    }

    /** A KIS amount: digits as a string (or a JSON number), possibly with decimals, which are rounded half up. */
    private long requireLong(JsonNode parent, String field, String context) {
        JsonNode node = parent.get(field);
        if (node != null && node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node != null && node.isTextual()) {
            String text = node.asText().trim();
            try {
                return text.isEmpty() ? 0L : new BigDecimal(text).setScale(0, RoundingMode.HALF_UP).longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                throw protocol(context + " field '" + field + "' is not a number", e);
            }
        }
        throw protocol(context + " field '" + field + "' is " + describe(node) + ", expected a number", null);
    }

    private LocalTime requireTime(JsonNode parent, String field, String context) {
        return parseTime(requireText(parent, field, context), field, context);
    }

    private LocalTime parseTime(String text, String field, String context) {
        try {
            return LocalTime.parse(text.trim(), HMS);
        } catch (DateTimeParseException e) {
            throw protocol(context + " field '" + field + "' is not a HHmmss time", e);
        }
    }

    private LocalDate parseDate(String text, String field, String context) {
        try {
            return LocalDate.parse(text.trim(), YMD);
        } catch (DateTimeParseException e) {
            throw protocol(context + " field '" + field + "' is not a yyyyMMdd date", e);
        }
    }

    private Symbol parseSymbol(String code, String context) {
        try {
            return Symbol.of(code.trim());
        } catch (IllegalArgumentException e) {
            throw protocol(context + " answered a product code (pdno) that is not a 6-digit symbol", e);
        }
    }

    private static String describe(JsonNode node) {
        return node == null ? "missing" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
