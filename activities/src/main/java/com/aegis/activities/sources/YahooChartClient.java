package com.aegis.activities.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Yahoo Finance v8 chart API: {@code GET /v8/finance/chart/{symbol}?period1=&period2=&interval=1d} for the global
 * indicators (^GSPC, ^IXIC, KRW=X, ^TNX, CL=F, ^VIX). An unknown symbol is a {@link SourceRejectedException}.
 */
public final class YahooChartClient {

    public static final String SOURCE = "YAHOO_CHART";

    private static final ObjectMapper JSON = new ObjectMapper();


    /** The real provider's domain, a 15 s timeout per attempt, the default retries. */
    public static ProviderSettings defaultSettings() {
        return settings(URI.create("https://query1.finance.yahoo.com"));
    }

    /** The provider (or a simulator of it) at {@code baseUri}, with the defaults of {@link #defaultSettings()}. */
    public static ProviderSettings settings(URI baseUri) {
        return ProviderSettings.of(baseUri, Duration.ofSeconds(15));
    }

    private final ProviderSettings settings;
    private final ProviderHttp http;
    private final SourceCallStats stats = new SourceCallStats();

    public YahooChartClient(ProviderSettings settings, Sleeper sleeper) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = new ProviderHttp(SOURCE, settings.connectTimeout(), settings.retry(), sleeper, stats, List.of());
    }

    public SourceCallStats stats() {
        return stats;
    }

    /** Daily bars whose session date (UTC) lies within [from, to]. */
    public Fetched<ChartSeries> dailyChart(String symbol, LocalDate from, LocalDate to) {
        long period1 = from.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        long period2 = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        String what = "Yahoo chart " + symbol + " " + from + ".." + to;
        URI uri = settings.baseUri().resolve("/v8/finance/chart/" + URLEncoder.encode(symbol, StandardCharsets.UTF_8)
                + "?period1=" + period1 + "&period2=" + period2 + "&interval=1d&events=history");
        return http.call(what, () -> HttpRequest.newBuilder(uri).timeout(settings.requestTimeout())
                .header("User-Agent", "Mozilla/5.0 (AEGIS)").GET().build(), response -> parse(what, symbol, response));
    }

    private static ChartSeries parse(String what, String symbol, HttpResponse<byte[]> response) {
        JsonNode root;
        try {
            root = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new SourceProtocolException(SOURCE, what + " answered a body that is not JSON (HTTP "
                    + response.statusCode() + ", " + response.body().length + " bytes)", e);
        }
        JsonNode chart = root == null ? null : root.get("chart");
        if (chart == null || !chart.isObject()) {
            throw new SourceProtocolException(SOURCE, what + " answered JSON without 'chart'");
        }
        JsonNode error = chart.get("error");
        if (error != null && !error.isNull()) {
            String code = error.path("code").asText("");
            String description = error.path("description").asText("");
            throw new SourceRejectedException(SOURCE, code, what + " was refused (HTTP " + response.statusCode()
                    + ", " + code + ": " + description + ")"
                    + (response.statusCode() == 404 ? "; check the symbol" : ""));
        }
        if (response.statusCode() != 200) {
            throw new SourceRejectedException(SOURCE, String.valueOf(response.statusCode()), what + " answered HTTP "
                    + response.statusCode());
        }
        JsonNode result = chart.path("result").path(0);
        if (!result.isObject()) {
            throw new SourceProtocolException(SOURCE, what + " answered without chart.result[0]");
        }
        JsonNode meta = result.path("meta");
        ZoneId zone;
        try {
            zone = ZoneId.of(meta.path("exchangeTimezoneName").asText("UTC"));
        } catch (DateTimeException e) {
            zone = ZoneOffset.UTC;
        }
        JsonNode timestamps = result.get("timestamp");
        List<ChartBar> bars = new ArrayList<>();
        if (timestamps != null && timestamps.isArray()) {
            JsonNode quote = result.path("indicators").path("quote").path(0);
            JsonNode adj = result.path("indicators").path("adjclose").path(0).path("adjclose");
            JsonNode open = array(quote, "open", what);
            JsonNode high = array(quote, "high", what);
            JsonNode low = array(quote, "low", what);
            JsonNode close = array(quote, "close", what);
            JsonNode volume = array(quote, "volume", what);
            for (int i = 0; i < timestamps.size(); i++) {
                if (close.path(i).isMissingNode() || close.path(i).isNull()) {
                    continue;
                }
                Instant ts = Instant.ofEpochSecond(timestamps.get(i).asLong());
                double c = number(close, i, "close", what);
                bars.add(new ChartBar(ts.atZone(zone).toLocalDate(), ts, orElse(open, i, c), orElse(high, i, c),
                        orElse(low, i, c), c, adj.isArray() ? orElse(adj, i, c) : c, volume.path(i).asLong(0)));
            }
        }
        return new ChartSeries(meta.path("symbol").asText(symbol), meta.path("currency").asText(""), zone.getId(),
                bars);
    }

    private static JsonNode array(JsonNode quote, String field, String what) {
        JsonNode a = quote.get(field);
        if (a == null || !a.isArray()) {
            throw new SourceProtocolException(SOURCE, what + " has timestamps but no indicators.quote[0]." + field);
        }
        return a;
    }

    private static double number(JsonNode a, int i, String field, String what) {
        JsonNode v = a.path(i);
        if (!v.isNumber()) {
            throw new SourceProtocolException(SOURCE, what + " " + field + "[" + i + "] is not a number: " + v);
        }
        return v.asDouble();
    }

    private static double orElse(JsonNode a, int i, double fallback) {
        JsonNode v = a.path(i);
        return v.isNumber() ? v.asDouble() : fallback;
    }
}
