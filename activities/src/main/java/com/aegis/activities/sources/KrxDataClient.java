package com.aegis.activities.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * KRX market data (data.krx.co.kr) the way pykrx reads it: form posts to {@code /comm/bldAttendant/getJsonData.cmd}
 * with a {@code bld} screen code, answers of comma-grouped strings. Amounts in KRW, volumes in shares.
 */
public final class KrxDataClient implements DailyPriceSource {

    public static final String SOURCE = "KRX_DATA";
    static final String PATH = "/comm/bldAttendant/getJsonData.cmd";
    static final String BLD_ALL_TICKER_OHLCV = "dbms/MDC/STAT/standard/MDCSTAT01501";
    static final String BLD_PER_PBR_DIVIDEND = "dbms/MDC/STAT/standard/MDCSTAT03501";
    static final String BLD_SECTOR_CLASSIFICATION = "dbms/MDC/STAT/standard/MDCSTAT03901";
    static final String BLD_INDEX_OHLCV = "dbms/MDC/STAT/standard/MDCSTAT00301";

    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("yyyy/MM/dd");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The real provider's domain, a 30 s timeout per attempt, the default retries. */
    public static ProviderSettings defaultSettings() {
        return settings(URI.create("http://data.krx.co.kr"));
    }

    /** The provider (or a simulator of it) at {@code baseUri}, with the defaults of {@link #defaultSettings()}. */
    public static ProviderSettings settings(URI baseUri) {
        return ProviderSettings.of(baseUri, Duration.ofSeconds(30));
    }

    private final ProviderSettings settings;
    private final ProviderHttp http;
    private final SourceCallStats stats = new SourceCallStats();

    public KrxDataClient(ProviderSettings settings, Sleeper sleeper) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = new ProviderHttp(SOURCE, settings.connectTimeout(), settings.retry(), sleeper, stats, List.of());
    }

    public SourceCallStats stats() {
        return stats;
    }

    @Override
    public String sourceName() {
        return SOURCE;
    }

    /** Every listed stock of all markets on a trading day. */
    @Override
    public Fetched<List<DailyPrice>> dailyPrices(LocalDate tradeDate) {
        return dailyPrices(tradeDate, KrxMarket.ALL);
    }

    /** OHLCV, market cap and listed shares of every stock of {@code market} on {@code tradeDate} (MDCSTAT01501). */
    public Fetched<List<DailyPrice>> dailyPrices(LocalDate tradeDate, KrxMarket market) {
        KrxFields f = new KrxFields(SOURCE, "MDCSTAT01501");
        return rows(BLD_ALL_TICKER_OHLCV, "OutBlock_1", form(tradeDate, market), row -> new DailyPrice(
                f.symbol(row), f.text(row, "ISU_ABBRV"), KrxMarket.market(f.text(row, "MKT_ID"), SOURCE), tradeDate,
                f.optionalLong(row, "TDD_OPNPRC"), f.optionalLong(row, "TDD_HGPRC"), f.optionalLong(row, "TDD_LWPRC"),
                f.longValue(row, "TDD_CLSPRC"), f.longValue(row, "CMPPREVDD_PRC"), f.longValue(row, "ACC_TRDVOL"),
                f.longValue(row, "ACC_TRDVAL"), f.longValue(row, "MKTCAP"), f.longValue(row, "LIST_SHRS")));
    }

    /** EPS, PER, BPS, PBR, DPS and dividend yield of every stock of {@code market} (MDCSTAT03501). */
    public Fetched<List<StockFundamentals>> fundamentals(LocalDate tradeDate, KrxMarket market) {
        KrxFields f = new KrxFields(SOURCE, "MDCSTAT03501");
        Map<String, String> form = form(tradeDate, market);
        form.put("searchType", "1");
        return rows(BLD_PER_PBR_DIVIDEND, "output", form, row -> new StockFundamentals(f.symbol(row),
                f.text(row, "ISU_ABBRV"), tradeDate, f.longValue(row, "TDD_CLSPRC"), f.optionalLong(row, "EPS"),
                f.optionalDouble(row, "PER"), f.optionalLong(row, "BPS"), f.optionalDouble(row, "PBR"),
                f.optionalLong(row, "DPS"), f.optionalDouble(row, "DVD_YLD")));
    }

    /** Industry classification and market cap of every stock of {@code market} (MDCSTAT03901). */
    public Fetched<List<SectorClassification>> sectors(LocalDate tradeDate, KrxMarket market) {
        KrxFields f = new KrxFields(SOURCE, "MDCSTAT03901");
        return rows(BLD_SECTOR_CLASSIFICATION, "block1", form(tradeDate, market), row -> new SectorClassification(
                f.symbol(row), f.text(row, "ISU_ABBRV"), KrxMarket.marketByName(f.text(row, "MKT_TP_NM"), SOURCE),
                f.text(row, "IDX_IND_NM"), tradeDate, f.longValue(row, "TDD_CLSPRC"), f.longValue(row, "MKTCAP")));
    }

    /** Daily bars of an index over [from, to], oldest first (MDCSTAT00301 answers newest first). */
    public Fetched<List<IndexDailyBar>> indexBars(KrxIndex index, LocalDate from, LocalDate to) {
        KrxFields f = new KrxFields(SOURCE, "MDCSTAT00301");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("indIdx", index.group());
        form.put("indIdx2", index.ticker());
        form.put("strtDd", from.format(YYYYMMDD));
        form.put("endDd", to.format(YYYYMMDD));
        Fetched<List<IndexDailyBar>> newestFirst = rows(BLD_INDEX_OHLCV, "output", form, row -> new IndexDailyBar(
                index, tradeDay(f.text(row, "TRD_DD")), f.doubleValue(row, "OPNPRC_IDX"),
                f.doubleValue(row, "HGPRC_IDX"), f.doubleValue(row, "LWPRC_IDX"), f.doubleValue(row, "CLSPRC_IDX"),
                f.longValue(row, "ACC_TRDVOL"), f.longValue(row, "ACC_TRDVAL"),
                f.optionalLong(row, "MKTCAP").orElse(0)));
        List<IndexDailyBar> ascending = new ArrayList<>(newestFirst.value());
        ascending.sort((a, b) -> a.tradeDate().compareTo(b.tradeDate()));
        return new Fetched<>(List.copyOf(ascending), newestFirst.attempts(), newestFirst.elapsed());
    }

    private static LocalDate tradeDay(String text) {
        try {
            return LocalDate.parse(text, SLASHED);
        } catch (DateTimeParseException e) {
            throw new SourceProtocolException(SOURCE, "MDCSTAT00301 TRD_DD is not yyyy/MM/dd: '" + text + "'", e);
        }
    }

    private static Map<String, String> form(LocalDate tradeDate, KrxMarket market) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("mktId", market.name());
        form.put("trdDd", tradeDate.format(YYYYMMDD));
        form.put("share", "1");
        form.put("money", "1");
        form.put("csvxls_isNo", "false");
        return form;
    }

    private <T> Fetched<List<T>> rows(String bld, String block, Map<String, String> params,
                                      Function<JsonNode, T> rowReader) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("bld", bld);
        form.putAll(params);
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String screen = bld.substring(bld.lastIndexOf('/') + 1);
        String what = "KRX " + screen + " " + params;
        URI uri = settings.baseUri().resolve(PATH);
        return http.call(what, () -> HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("Referer", "http://data.krx.co.kr/contents/MDC/MDI/mdiLoader")
                .header("User-Agent", "Mozilla/5.0 (AEGIS)")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), response -> parse(what, block, response, rowReader));
    }

    private static <T> List<T> parse(String what, String block, HttpResponse<byte[]> response,
                                     Function<JsonNode, T> rowReader) {
        String text = new String(response.body(), StandardCharsets.UTF_8);
        if (response.statusCode() != 200) {
            throw new SourceRejectedException(SOURCE, String.valueOf(response.statusCode()), what + " answered HTTP "
                    + response.statusCode() + ": " + abbreviate(text) + "; check the bld code and parameters");
        }
        if (text.trim().equals("LOGOUT")) {
            throw new SourceRejectedException(SOURCE, "LOGOUT", what + " answered LOGOUT: data.krx.co.kr wants a"
                    + " logged-in session for this screen; configure the KRX session or use the alternate source");
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (IOException e) {
            throw new SourceProtocolException(SOURCE, what + " answered a body that is not JSON ("
                    + response.body().length + " bytes)", e);
        }
        JsonNode rows = root == null ? null : root.get(block);
        if (rows == null || !rows.isArray()) {
            throw new SourceProtocolException(SOURCE, what + " answered JSON without the array '" + block + "'");
        }
        List<T> out = new ArrayList<>(rows.size());
        for (JsonNode row : rows) {
            out.add(rowReader.apply(row));
        }
        return List.copyOf(out);
    }

    private static String abbreviate(String s) {
        String oneLine = s.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 120) + "...";
    }
}
