package com.aegis.marketsim.providers;

import com.aegis.marketsim.fault.FaultPlan;
import com.aegis.marketsim.generator.GlobalIndicator;
import com.aegis.marketsim.generator.GlobalObservation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The Yahoo Finance v8 chart API for the generated global series: {@code GET /v8/finance/chart/{symbol}?period1=
 * &period2=&interval=1d} (epoch seconds) answers {@code {"chart":{"result":[{meta, timestamp, indicators:{quote,
 * adjclose}}],"error":null}}}; an unknown symbol answers 404 with {@code result:null} and an error object. The
 * series carry one close a day; open is the previous close and high/low bracket both by a small deterministic
 * spread. Bars are stamped at the session open (09:30 New York; 00:00 London for KRW=X) and served once the session
 * has closed at the simulated time.
 */
public final class YahooChartSimulator extends SimulatedHttpService {

    public static final String PATH_PREFIX = "/v8/finance/chart/";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final ProviderData data;

    private YahooChartSimulator(ProviderData data, FaultPlan faultPlan, Supplier<Instant> clock, int port,
                                int threads) {
        super("yahoo", faultPlan, clock, port, threads);
        this.data = Objects.requireNonNull(data, "data");
        startServer();
    }

    /** Starts a simulator on localhost; port 0 picks an ephemeral port. */
    public static YahooChartSimulator start(ProviderData data, FaultPlan faultPlan, Supplier<Instant> clock,
                                            int port) {
        return new YahooChartSimulator(data, faultPlan, clock, port, 4);
    }

    @Override
    protected String operationOf(Request request) {
        return "chart";
    }

    @Override
    protected Response serverError(Request request) {
        return error(502, "Bad Gateway", "upstream chart service unavailable");
    }

    @Override
    protected Response answer(Request request, ServingTime time) {
        if (!request.path().startsWith(PATH_PREFIX)) {
            return error(404, "Not Found", "no endpoint " + request.path());
        }
        String symbol = URLDecoder.decode(request.path().substring(PATH_PREFIX.length()), StandardCharsets.UTF_8);
        GlobalIndicator indicator;
        try {
            indicator = GlobalIndicator.ofCode(symbol);
        } catch (IllegalArgumentException e) {
            return error(404, "Not Found", "No data found, symbol may be delisted");
        }
        String interval = request.param("interval") == null ? "1d" : request.param("interval");
        if (!interval.equals("1d")) {
            return error(422, "Unprocessable Entity", "Invalid input - interval=" + interval
                    + " is not supported. Valid intervals: [1d]");
        }
        long period1;
        long period2;
        try {
            period1 = request.param("period1") == null ? time.now().getEpochSecond() - 30L * 86_400
                    : Long.parseLong(request.param("period1"));
            period2 = request.param("period2") == null ? time.now().getEpochSecond()
                    : Long.parseLong(request.param("period2"));
        } catch (NumberFormatException e) {
            return error(400, "Bad Request", "period1 and period2 must be epoch seconds");
        }
        if (period2 < period1) {
            return error(400, "Bad Request", "Invalid input - start date cannot be after end date. startDate = "
                    + period1 + ", endDate = " + period2);
        }
        return json(chart(indicator, period1, period2, time.asOf()));
    }

    private ObjectNode chart(GlobalIndicator indicator, long period1, long period2, Instant asOf) {
        List<GlobalObservation> series = data.globalSeries(indicator);
        List<Long> stamps = new ArrayList<>();
        List<double[]> bars = new ArrayList<>();
        double previousClose = Double.NaN;
        double chartPreviousClose = Double.NaN;
        double lastClose = Double.NaN;
        long lastStamp = 0;
        for (GlobalObservation o : series) {
            ZonedDateTime open = sessionOpen(indicator, o);
            if (sessionClose(indicator, open).toInstant().isAfter(asOf)) {
                break;
            }
            long ts = open.toEpochSecond();
            double close = o.value();
            double prev = Double.isNaN(previousClose) ? close : previousClose;
            if (ts < period1) {
                chartPreviousClose = close;
            } else if (ts < period2) {
                double spread = 0.001 + 0.004 * Math.abs(Math.sin(o.date().toEpochDay() * 12.9898));
                double high = Math.max(prev, close) * (1 + spread);
                double low = Math.min(prev, close) * (1 - spread);
                long volume = indicator.kind().equals("EQUITY_INDEX")
                        ? 3_000_000_000L + Math.round(1e9 * Math.abs(Math.cos(o.date().toEpochDay()))) : 0;
                stamps.add(ts);
                bars.add(new double[]{prev, high, low, close, volume});
            }
            previousClose = close;
            lastClose = close;
            lastStamp = ts;
        }
        ObjectNode root = JSON.createObjectNode();
        ObjectNode chart = root.putObject("chart");
        ObjectNode result = chart.putArray("result").addObject();
        chart.putNull("error");
        ObjectNode meta = result.putObject("meta");
        boolean fx = indicator == GlobalIndicator.USD_KRW;
        meta.put("currency", indicator.currency());
        meta.put("symbol", indicator.code());
        meta.put("exchangeName", switch (indicator) {
            case SP500 -> "SNP";
            case NASDAQ_COMPOSITE -> "NIM";
            case USD_KRW -> "CCY";
            case US_10Y_YIELD -> "NYB";
            case WTI_CRUDE -> "NYM";
            case VIX -> "CXI";
        });
        meta.put("instrumentType", fx ? "CURRENCY" : indicator == GlobalIndicator.WTI_CRUDE ? "FUTURE" : "INDEX");
        meta.put("longName", indicator.displayName());
        if (!series.isEmpty()) {
            meta.put("firstTradeDate", sessionOpen(indicator, series.get(0)).toEpochSecond());
        }
        ZoneId zone = fx ? LONDON : NEW_YORK;
        meta.put("regularMarketTime", lastStamp);
        meta.put("gmtoffset", zone.getRules().getOffset(Instant.ofEpochSecond(lastStamp)).getTotalSeconds());
        meta.put("timezone", fx ? "GMT" : "EST");
        meta.put("exchangeTimezoneName", zone.getId());
        if (!Double.isNaN(lastClose)) {
            meta.put("regularMarketPrice", round(lastClose));
        }
        if (!Double.isNaN(chartPreviousClose)) {
            meta.put("chartPreviousClose", round(chartPreviousClose));
        }
        meta.put("priceHint", fx ? 4 : 2);
        meta.put("dataGranularity", "1d");
        meta.put("range", "");
        ObjectNode indicators = result.putObject("indicators");
        ObjectNode quote = indicators.putArray("quote").addObject();
        ObjectNode adj = indicators.putArray("adjclose").addObject();
        if (!stamps.isEmpty()) {
            ArrayNode ts = result.putArray("timestamp");
            stamps.forEach(ts::add);
            ArrayNode open = quote.putArray("open");
            ArrayNode high = quote.putArray("high");
            ArrayNode low = quote.putArray("low");
            ArrayNode close = quote.putArray("close");
            ArrayNode volume = quote.putArray("volume");
            ArrayNode adjclose = adj.putArray("adjclose");
            for (double[] b : bars) {
                open.add(round(b[0]));
                high.add(round(b[1]));
                low.add(round(b[2]));
                close.add(round(b[3]));
                volume.add((long) b[4]);
                adjclose.add(round(b[3]));
            }
        }
        return root;
    }

    private static ZonedDateTime sessionOpen(GlobalIndicator indicator, GlobalObservation o) {
        return indicator == GlobalIndicator.USD_KRW ? o.date().atStartOfDay(LONDON)
                : o.date().atTime(LocalTime.of(9, 30)).atZone(NEW_YORK);
    }

    private static ZonedDateTime sessionClose(GlobalIndicator indicator, ZonedDateTime open) {
        return indicator == GlobalIndicator.USD_KRW ? open.plusDays(1).minusMinutes(1)
                : open.withHour(16).withMinute(0);
    }

    private static double round(double v) {
        return Math.round(v * 10_000.0) / 10_000.0;
    }

    private static Response error(int status, String code, String description) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode chart = root.putObject("chart");
        chart.putNull("result");
        ObjectNode error = chart.putObject("error");
        error.put("code", code);
        error.put("description", description);
        return json(root, status);
    }

    private static Response json(ObjectNode root) {
        return json(root, 200);
    }

    private static Response json(ObjectNode root, int status) {
        try {
            return Response.json(status, JSON.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write chart JSON: " + e.getMessage(), e);
        }
    }
}
