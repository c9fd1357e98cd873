package com.aegis.marketsim.providers;

import com.aegis.core.market.Market;
import com.aegis.marketsim.fault.FaultPlan;
import com.aegis.marketsim.generator.DailyBar;
import com.aegis.marketsim.generator.IndexBar;
import com.aegis.marketsim.generator.Instrument;
import com.aegis.marketsim.generator.QuarterlyStatement;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * KRX market data (data.krx.co.kr) as pykrx reads it: {@code POST /comm/bldAttendant/getJsonData.cmd} with form
 * fields {@code bld} and the screen's parameters, answered with comma-formatted strings. Screens served:
 * <ul>
 *   <li>{@code dbms/MDC/STAT/standard/MDCSTAT01501} all tickers' OHLCV, market cap and listed shares for
 *       {@code trdDd}, {@code mktId} STK/KSQ/KNX/ALL, in {@code OutBlock_1};</li>
 *   <li>{@code MDCSTAT03501} EPS, PER, BPS, PBR, DPS, dividend yield for {@code trdDd}/{@code mktId}, in
 *       {@code output};</li>
 *   <li>{@code MDCSTAT03901} industry classification with market cap for {@code trdDd}/{@code mktId}, in
 *       {@code block1};</li>
 *   <li>{@code MDCSTAT00301} one index's daily OHLCV for {@code indIdx} (1 KOSPI group, 2 KOSDAQ group) and
 *       {@code indIdx2} (001 composite, 028 KOSPI 200) over {@code strtDd}..{@code endDd}, newest first, in
 *       {@code output}.</li>
 * </ul>
 * A trading day's figures are public from 16:00 KST; later dates answer with an empty block. Amounts are in KRW and
 * shares (pykrx's {@code money=1}, {@code share=1}). A halted stock reports "-" for open, high and low.
 */
public final class KrxDataSimulator extends SimulatedHttpService {

    public static final String PATH = "/comm/bldAttendant/getJsonData.cmd";
    public static final String BLD_ALL_TICKER_OHLCV = "dbms/MDC/STAT/standard/MDCSTAT01501";
    public static final String BLD_PER_PBR_DIVIDEND = "dbms/MDC/STAT/standard/MDCSTAT03501";
    public static final String BLD_SECTOR_CLASSIFICATION = "dbms/MDC/STAT/standard/MDCSTAT03901";
    public static final String BLD_INDEX_OHLCV = "dbms/MDC/STAT/standard/MDCSTAT00301";

    private static final ZoneId KST = ZoneId.of("Asia/Seoul");
    private static final LocalTime PUBLISHED_AT = LocalTime.of(16, 0);
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("yyyy/MM/dd");
    private static final DateTimeFormatter CURRENT = DateTimeFormatter.ofPattern("yyyy.MM.dd a hh:mm:ss",
            Locale.ENGLISH);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProviderData data;

    private KrxDataSimulator(ProviderData data, FaultPlan faultPlan, Supplier<Instant> clock, int port, int threads) {
        super("krx", faultPlan, clock, port, threads);
        this.data = Objects.requireNonNull(data, "data");
        startServer();
    }

    /** Starts a simulator on localhost; port 0 picks an ephemeral port. */
    public static KrxDataSimulator start(ProviderData data, FaultPlan faultPlan, Supplier<Instant> clock, int port) {
        return new KrxDataSimulator(data, faultPlan, clock, port, 4);
    }

    public static KrxDataSimulator start(ProviderData data, FaultPlan faultPlan, Supplier<Instant> clock, int port,
                                         int threads) {
        return new KrxDataSimulator(data, faultPlan, clock, port, threads);
    }

    @Override
    protected String operationOf(Request request) {
        String bld = request.param("bld");
        if (bld == null) {
            return "unknown";
        }
        int slash = bld.lastIndexOf('/');
        return bld.substring(slash + 1);
    }

    @Override
    protected Response serverError(Request request) {
        return new Response(500, "text/html; charset=UTF-8",
                "<html><body><h1>500 Internal Server Error</h1></body></html>".getBytes(
                        java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    protected Response answer(Request request, ServingTime time) {
        if (!PATH.equals(request.path())) {
            return Response.text(404, "no KRX screen at " + request.path() + "; pykrx posts to " + PATH);
        }
        String bld = request.param("bld");
        if (bld == null) {
            return Response.text(400, "missing form field bld");
        }
        try {
            return switch (bld) {
                case BLD_ALL_TICKER_OHLCV -> daily(request, time, "OutBlock_1", this::ohlcvRow);
                case BLD_PER_PBR_DIVIDEND -> daily(request, time, "output", this::fundamentalRow);
                case BLD_SECTOR_CLASSIFICATION -> daily(request, time, "block1", this::sectorRow);
                case BLD_INDEX_OHLCV -> index(request, time);
                default -> Response.text(400, "unknown bld '" + bld + "'");
            };
        } catch (BadParameter e) {
            return Response.text(400, e.getMessage());
        }
    }

    private interface RowWriter {
        void write(ObjectNode row, Instrument instrument, DailyBar bar, LocalDate tradeDate);
    }

    private Response daily(Request request, ServingTime time, String block, RowWriter writer) {
        LocalDate date = date(request, "trdDd");
        Market market = market(request.param("mktId"));
        LocalDate served = servedDate(date, time);
        ObjectNode root = JSON.createObjectNode();
        ArrayNode rows = root.putArray(block);
        if (served != null) {
            List<Instrument> instruments = data.instruments();
            Map<String, Instrument> bySymbol = new HashMap<>();
            for (Instrument i : instruments) {
                bySymbol.put(i.symbol().code(), i);
            }
            for (DailyBar bar : data.barsOn(served)) {
                Instrument ins = bySymbol.get(bar.symbol().code());
                if (market == null || ins.market() == market) {
                    writer.write(rows.addObject(), ins, bar, served);
                }
            }
        }
        root.put("CURRENT_DATETIME", ZonedDateTime.ofInstant(time.now(), KST).format(CURRENT));
        return json(root);
    }

    /** The trading day whose rows answer a request for {@code date}, or null if it is not public yet. */
    private LocalDate servedDate(LocalDate date, ServingTime time) {
        if (!isPublic(date, time.now())) {
            return null;
        }
        if (!time.stale()) {
            return date;
        }
        List<LocalDate> days = data.tradingDays();
        int i = Collections.binarySearch(days, date);
        int prev = (i >= 0 ? i : -i - 1) - 1;
        return prev >= 0 ? days.get(prev) : null;
    }

    private static boolean isPublic(LocalDate date, Instant now) {
        ZonedDateTime published = date.atTime(PUBLISHED_AT).atZone(KST);
        return !now.isBefore(published.toInstant());
    }

    private void ohlcvRow(ObjectNode row, Instrument ins, DailyBar bar, LocalDate date) {
        row.put("ISU_SRT_CD", ins.symbol().code());
        row.put("ISU_CD", ins.isin());
        row.put("ISU_ABBRV", ins.name());
        row.put("MKT_NM", ins.market().name());
        row.put("SECT_TP_NM", "");
        priceChange(row, bar);
        row.put("TDD_OPNPRC", bar.traded() ? comma(bar.open()) : "-");
        row.put("TDD_HGPRC", bar.traded() ? comma(bar.high()) : "-");
        row.put("TDD_LWPRC", bar.traded() ? comma(bar.low()) : "-");
        row.put("ACC_TRDVOL", comma(bar.volume()));
        row.put("ACC_TRDVAL", comma(bar.tradedValue()));
        row.put("MKTCAP", comma(Math.multiplyExact(bar.close(), ins.listedShares())));
        row.put("LIST_SHRS", comma(ins.listedShares()));
        row.put("MKT_ID", mktId(ins.market()));
    }

    private void fundamentalRow(ObjectNode row, Instrument ins, DailyBar bar, LocalDate date) {
        row.put("ISU_SRT_CD", ins.symbol().code());
        row.put("ISU_ABBRV", ins.name());
        row.put("ISU_ABBRV_STR", ins.name());
        priceChange(row, bar);
        List<QuarterlyStatement> known = published(data.statements(ins.symbol()), date);
        Long eps = null;
        Long bps = null;
        if (known.size() >= 4) {
            long net = 0;
            for (QuarterlyStatement q : known.subList(known.size() - 4, known.size())) {
                net += q.netIncome();
            }
            eps = Math.round((double) net / ins.listedShares());
        }
        if (!known.isEmpty()) {
            bps = Math.round((double) known.get(known.size() - 1).equity() / ins.listedShares());
        }
        // Synthetic payout: a fifth of positive trailing earnings, rounded down to 10 KRW.
        long dps = eps != null && eps > 0 ? eps / 5 / 10 * 10 : 0;
        row.put("EPS", eps == null ? "-" : comma(eps));
        row.put("PER", eps == null || eps <= 0 ? "-" : decimal((double) bar.close() / eps));
        row.put("BPS", bps == null ? "-" : comma(bps));
        row.put("PBR", bps == null || bps <= 0 ? "-" : decimal((double) bar.close() / bps));
        row.put("DPS", comma(dps));
        row.put("DVD_YLD", decimal(100.0 * dps / bar.close()));
    }

    private void sectorRow(ObjectNode row, Instrument ins, DailyBar bar, LocalDate date) {
        row.put("ISU_SRT_CD", ins.symbol().code());
        row.put("ISU_ABBRV", ins.name());
        row.put("MKT_TP_NM", ins.market().name());
        row.put("IDX_IND_NM", data.sectorName(ins.sectorCode()));
        row.put("TDD_CLSPRC", comma(bar.close()));
        row.put("CMPPREVDD_PRC", comma(bar.close() - bar.basePrice()));
        row.put("FLUC_RT", decimal(100.0 * (bar.close() - bar.basePrice()) / bar.basePrice()));
        row.put("MKTCAP", comma(Math.multiplyExact(bar.close(), ins.listedShares())));
        row.put("FLUC_TP_CD", flucType(bar.close() - bar.basePrice()));
    }

    private static void priceChange(ObjectNode row, DailyBar bar) {
        long change = bar.close() - bar.basePrice();
        row.put("TDD_CLSPRC", comma(bar.close()));
        row.put("FLUC_TP_CD", flucType(change));
        row.put("CMPPREVDD_PRC", comma(change));
        row.put("FLUC_RT", decimal(100.0 * change / bar.basePrice()));
    }

    private static List<QuarterlyStatement> published(List<QuarterlyStatement> all, LocalDate date) {
        Instant cutoff = date.atTime(PUBLISHED_AT).atZone(KST).toInstant();
        int n = 0;
        while (n < all.size() && !all.get(n).publishedAt().toInstant().isAfter(cutoff)) {
            n++;
        }
        return all.subList(0, n);
    }

    private Response index(Request request, ServingTime time) {
        String code = indexCode(request.param("indIdx"), request.param("indIdx2"));
        LocalDate from = date(request, "strtDd");
        LocalDate to = date(request, "endDd");
        if (to.isBefore(from)) {
            throw new BadParameter("endDd " + to + " is before strtDd " + from);
        }
        ObjectNode root = JSON.createObjectNode();
        ArrayNode rows = root.putArray("output");
        if (code != null) {
            LocalDate lastPublic = ZonedDateTime.ofInstant(time.asOf(), KST).toLocalDate();
            if (!isPublic(lastPublic, time.asOf())) {
                lastPublic = lastPublic.minusDays(1);
            }
            LocalDate end = to.isAfter(lastPublic) ? lastPublic : to;
            List<IndexBar> bars = data.indexBars(code, from.minusDays(15), end);
            for (int i = bars.size() - 1; i >= 0; i--) {
                IndexBar b = bars.get(i);
                if (b.tradeDate().isBefore(from)) {
                    break;
                }
                double prev = i > 0 ? bars.get(i - 1).close() : b.open();
                double change = b.close() - prev;
                ObjectNode row = rows.addObject();
                row.put("TRD_DD", b.tradeDate().format(SLASHED));
                row.put("CLSPRC_IDX", decimal(b.close()));
                row.put("FLUC_TP_CD", flucType(Math.round(change * 100)));
                row.put("PRV_DD_CMPR", decimal(change));
                row.put("UPDN_RATE", decimal(100.0 * change / prev));
                row.put("OPNPRC_IDX", decimal(b.open()));
                row.put("HGPRC_IDX", decimal(b.high()));
                row.put("LWPRC_IDX", decimal(b.low()));
                row.put("ACC_TRDVOL", comma(b.volume()));
                row.put("ACC_TRDVAL", comma(b.tradedValue()));
                row.put("MKTCAP", comma(data.indexMarketCap(code, b.tradeDate())));
            }
        }
        return json(root);
    }

    /** KRX index group/ticker to the generator's index code; null for an index this market does not compute. */
    static String indexCode(String group, String ticker) {
        if (group == null || ticker == null) {
            throw new BadParameter("index screens need indIdx (1 KOSPI, 2 KOSDAQ) and indIdx2 (e.g. 001)");
        }
        return switch (group + "/" + ticker) {
            case "1/001" -> "KOSPI";
            case "1/028" -> "KOSPI200";
            case "2/001" -> "KOSDAQ";
            default -> null;
        };
    }

    private static LocalDate date(Request request, String field) {
        String v = request.param(field);
        if (v == null) {
            throw new BadParameter("missing form field " + field + " (yyyyMMdd)");
        }
        try {
            return LocalDate.parse(v, YYYYMMDD);
        } catch (DateTimeParseException e) {
            throw new BadParameter("form field " + field + " must be yyyyMMdd, got '" + v + "'");
        }
    }

    private static Market market(String mktId) {
        if (mktId == null || mktId.equals("ALL")) {
            return null;
        }
        return switch (mktId) {
            case "STK" -> Market.KOSPI;
            case "KSQ" -> Market.KOSDAQ;
            case "KNX" -> Market.KONEX;
            default -> throw new BadParameter("mktId must be STK, KSQ, KNX or ALL, got '" + mktId + "'");
        };
    }

    static String mktId(Market market) {
        return switch (market) {
            case KOSPI -> "STK";
            case KOSDAQ -> "KSQ";
            case KONEX -> "KNX";
        };
    }

    private static String flucType(long change) {
        return change > 0 ? "1" : change < 0 ? "2" : "3";
    }

    static String comma(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    static String decimal(double v) {
        return String.format(Locale.ROOT, "%,.2f", v);
    }

    private static Response json(ObjectNode root) {
        try {
            return Response.json(200, JSON.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write KRX JSON: " + e.getMessage(), e);
        }
    }

    private static final class BadParameter extends RuntimeException {
        BadParameter(String message) {
            super(message);
        }
    }
}
