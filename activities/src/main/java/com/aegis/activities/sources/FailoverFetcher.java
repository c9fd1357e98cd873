package com.aegis.activities.sources;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Source failover (D2, D4). Daily prices: the primary source (KRX data) with its retries, else the alternate (the KIS
 * daily price). Global indicators: Yahoo with its retries, else the last good value, with a warning. Each fetch
 * returns its {@link FetchRecord}: which source delivered, why the primary did not, attempts and latency.
 */
public final class FailoverFetcher {

    public static final String KIND_DAILY_PRICE = "DAILY_PRICE";
    public static final String KIND_GLOBAL_INDICATOR = "GLOBAL_INDICATOR";

    private static final Logger log = LoggerFactory.getLogger(FailoverFetcher.class);
    /** How far back a global indicator's last session may lie (long weekends, US holidays). */
    private static final int GLOBAL_LOOKBACK_DAYS = 7;

    private final DailyPriceSource primaryPrices;
    private final DailyPriceSource alternatePrices;
    private final YahooChartClient yahoo;
    private final LastGoodGlobalValues lastGood;
    private final Clock clock;
    private final LongSupplier nanoTime;

    public FailoverFetcher(DailyPriceSource primaryPrices, DailyPriceSource alternatePrices, YahooChartClient yahoo,
                           LastGoodGlobalValues lastGood, Clock clock) {
        this(primaryPrices, alternatePrices, yahoo, lastGood, clock, System::nanoTime);
    }

    FailoverFetcher(DailyPriceSource primaryPrices, DailyPriceSource alternatePrices, YahooChartClient yahoo,
                    LastGoodGlobalValues lastGood, Clock clock, LongSupplier nanoTime) {
        this.primaryPrices = Objects.requireNonNull(primaryPrices, "primaryPrices");
        this.alternatePrices = Objects.requireNonNull(alternatePrices, "alternatePrices");
        this.yahoo = Objects.requireNonNull(yahoo, "yahoo");
        this.lastGood = Objects.requireNonNull(lastGood, "lastGood");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /**
     * Every stock's price for a trading day. An empty answer from the primary counts as missing data (D2) and goes
     * to the alternate too.
     */
    public FetchOutcome<List<DailyPrice>> dailyPrices(LocalDate tradeDate, String batchId) {
        long start = nanoTime.getAsLong();
        Instant fetchedAt = clock.instant();
        String primary = primaryPrices.sourceName();
        int attempts = 0;
        String reason;
        try {
            Fetched<List<DailyPrice>> f = primaryPrices.dailyPrices(tradeDate);
            attempts += f.attempts();
            if (!f.value().isEmpty()) {
                return new FetchOutcome<>(Optional.of(f.value()), new FetchRecord(KIND_DAILY_PRICE, batchId,
                        tradeDate, primary, primary, null, true, attempts, millisSince(start), f.value().size(),
                        null, fetchedAt), List.of());
            }
            reason = primary + " returned no prices for " + tradeDate;
        } catch (SourceException e) {
            attempts += e.attempts();
            reason = primary + " failed after " + e.attempts() + " attempt(s): " + e.getMessage();
        }
        String alternate = alternatePrices.sourceName();
        log.warn("daily prices for {}: falling back to {} because {}", tradeDate, alternate, reason);
        try {
            Fetched<List<DailyPrice>> f = alternatePrices.dailyPrices(tradeDate);
            attempts += f.attempts();
            boolean success = !f.value().isEmpty();
            return new FetchOutcome<>(success ? Optional.of(f.value()) : Optional.empty(), new FetchRecord(
                    KIND_DAILY_PRICE, batchId, tradeDate, primary, alternate, reason, success, attempts,
                    millisSince(start), f.value().size(), success ? null : alternate + " returned no prices either",
                    fetchedAt), List.of("daily prices for " + tradeDate + " came from " + alternate + ": " + reason));
        } catch (SourceException e) {
            attempts += e.attempts();
            String error = "no daily prices for " + tradeDate + ": " + reason + "; " + alternate + " failed after "
                    + e.attempts() + " attempt(s): " + e.getMessage();
            log.error(error);
            return new FetchOutcome<>(Optional.empty(), new FetchRecord(KIND_DAILY_PRICE, batchId, tradeDate, primary,
                    alternate, reason, false, attempts, millisSince(start), null, error, fetchedAt), List.of(error));
        }
    }

    /**
     * The latest close of a global indicator on or before {@code asOfDate} (its home-market date). If Yahoo fails,
     * the last good value stands in and a warning says how old it is.
     */
    public FetchOutcome<GlobalIndicatorValue> globalIndicator(String symbol, LocalDate asOfDate, String batchId) {
        long start = nanoTime.getAsLong();
        Instant fetchedAt = clock.instant();
        String reason;
        int attempts;
        try {
            Fetched<ChartSeries> f = yahoo.dailyChart(symbol, asOfDate.minusDays(GLOBAL_LOOKBACK_DAYS), asOfDate);
            attempts = f.attempts();
            Optional<ChartBar> last = f.value().last();
            if (last.isPresent()) {
                GlobalIndicatorValue value = new GlobalIndicatorValue(symbol, last.get().date(), last.get().close());
                lastGood.remember(value);
                return new FetchOutcome<>(Optional.of(value), new FetchRecord(KIND_GLOBAL_INDICATOR, batchId,
                        asOfDate, YahooChartClient.SOURCE, YahooChartClient.SOURCE, null, true, attempts,
                        millisSince(start), 1, null, fetchedAt), List.of());
            }
            reason = YahooChartClient.SOURCE + " had no " + symbol + " session within " + GLOBAL_LOOKBACK_DAYS
                    + " days before " + asOfDate;
        } catch (SourceException e) {
            attempts = e.attempts();
            reason = YahooChartClient.SOURCE + " failed after " + e.attempts() + " attempt(s): " + e.getMessage();
        }
        Optional<GlobalIndicatorValue> stored = lastGood.last(symbol);
        if (stored.isPresent()) {
            String warning = "using the last good " + symbol + " close " + stored.get().close() + " of "
                    + stored.get().sessionDate() + " for " + asOfDate + " because " + reason;
            log.warn(warning);
            return new FetchOutcome<>(stored, new FetchRecord(KIND_GLOBAL_INDICATOR, batchId, asOfDate,
                    YahooChartClient.SOURCE, FetchRecord.LAST_GOOD, reason, true, attempts, millisSince(start), 1,
                    null, fetchedAt), List.of(warning));
        }
        String error = "no value for " + symbol + " on " + asOfDate + ": " + reason + ", and no last good value";
        log.error(error);
        return new FetchOutcome<>(Optional.empty(), new FetchRecord(KIND_GLOBAL_INDICATOR, batchId, asOfDate,
                YahooChartClient.SOURCE, FetchRecord.LAST_GOOD, reason, false, attempts, millisSince(start), null,
                error, fetchedAt), List.of(error));
    }

    private long millisSince(long startNanos) {
        return Math.max(0, Duration.ofNanos(nanoTime.getAsLong() - startNanos).toMillis());
    }
}
