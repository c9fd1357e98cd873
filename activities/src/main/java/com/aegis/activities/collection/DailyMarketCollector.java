package com.aegis.activities.collection;

import static com.aegis.activities.collection.CollectionActivitiesImpl.DATASET_DAILY_PRICE;
import static com.aegis.activities.collection.CollectionActivitiesImpl.DATASET_INDEX_BAR;
import static com.aegis.activities.collection.CollectionActivitiesImpl.DATASET_TIDY;
import static com.aegis.activities.collection.CollectionActivitiesImpl.KIND_INDEX_BAR;
import static com.aegis.activities.collection.CollectionActivitiesImpl.LAST_GOOD;
import static com.aegis.activities.collection.CollectionSupport.INSERT_ROWS;
import static com.aegis.activities.collection.CollectionSupport.abbreviate;
import static com.aegis.activities.collection.CollectionSupport.countRejected;
import static com.aegis.activities.collection.CollectionSupport.knownSymbols;
import static com.aegis.activities.collection.CollectionSupport.millisSince;
import static com.aegis.db.jooq.Tables.DAILY_BAR;
import static com.aegis.db.jooq.Tables.INDEX_DAILY_BAR;
import static com.aegis.db.jooq.Tables.MARKET_INDEX;
import static com.aegis.db.jooq.Tables.TRADING_CALENDAR;

import com.aegis.activities.market.ListedStocks;
import com.aegis.activities.quality.DataQualityRepository;
import com.aegis.activities.quality.QualityAction;
import com.aegis.activities.quality.QualityRule;
import com.aegis.activities.quality.RejectedValue;
import com.aegis.activities.sources.DailyPrice;
import com.aegis.activities.sources.FailoverFetcher;
import com.aegis.activities.sources.FetchOutcome;
import com.aegis.activities.sources.FetchRecord;
import com.aegis.activities.sources.Fetched;
import com.aegis.activities.sources.IndexDailyBar;
import com.aegis.activities.sources.KrxDataClient;
import com.aegis.activities.sources.KrxIndex;
import com.aegis.activities.sources.SourceException;
import com.aegis.core.market.Market;
import com.aegis.core.market.Symbol;
import com.aegis.workflows.batch.CollectionReport;
import com.aegis.workflows.batch.CollectionRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code CollectDailyMarket} and {@code TidyDailyMarket}: every listed stock's daily bar with its market cap (KRX
 * data, failing over to the KIS daily price), the KOSPI and KOSDAQ index bars, and the fill of missing bars from the
 * last good close.
 */
final class DailyMarketCollector {

    private static final Logger log = LoggerFactory.getLogger(DailyMarketCollector.class);
    private static final List<KrxIndex> INDICES = List.of(KrxIndex.KOSPI, KrxIndex.KOSDAQ);
    /** Fewest stocks traded on both days for a staleness verdict. */
    private static final int STALE_MIN_STOCKS = 20;

    private final DSLContext dsl;
    private final FailoverFetcher fetcher;
    private final KrxDataClient krx;
    private final DataQualityRepository quality;
    private final ListedStocks listedStocks;
    private final CollectionSettings settings;
    private final Clock clock;
    private final DailyPriceValidator priceValidator;

    DailyMarketCollector(DSLContext dsl, FailoverFetcher fetcher, KrxDataClient krx, DataQualityRepository quality,
                         ListedStocks listedStocks, CollectionSettings settings, Clock clock) {
        this.dsl = dsl;
        this.fetcher = fetcher;
        this.krx = krx;
        this.quality = quality;
        this.listedStocks = listedStocks;
        this.settings = settings;
        this.clock = clock;
        this.priceValidator = new DailyPriceValidator(settings);
    }

    CollectionReport collect(CollectionRequest request) {
        LocalDate date = request.date();
        String batchId = request.batchId();
        Optional<String> closed = closure(date);
        if (closed.isPresent()) {
            return noSession(DATASET_DAILY_PRICE, date, closed.get());
        }
        long start = System.nanoTime();
        FetchOutcome<List<DailyPrice>> prices = fetcher.dailyPrices(date, batchId);
        List<FetchRecord> fetches = new ArrayList<>();
        List<String> warnings = new ArrayList<>(prices.warnings());
        List<RejectedValue> quarantine = new ArrayList<>();
        List<IndexDailyBar> indexBars = fetchIndexBars(date, batchId, fetches, quarantine, warnings);

        if (prices.value().isEmpty()) {
            return dailyMarketFromLastGood(date, batchId, prices.record(), indexBars, fetches, quarantine, warnings);
        }
        FetchRecord record = prices.record();
        List<DailyPrice> received = prices.value().get();
        Optional<String> stale = staleness(date, received, record.chosenSource());
        if (stale.isPresent()) {
            // A repeat of the previous session is no data for this one: record the fetch as failed, fall back.
            quarantine.add(new RejectedValue(batchId, DATASET_DAILY_PRICE, DATASET_DAILY_PRICE + "@" + date, null,
                    date, "trade_date", date.toString(), QualityRule.STALE, stale.get(), QualityAction.REJECTED,
                    record.chosenSource(), record.fetchedAt()));
            warnings.add(stale.get());
            FetchRecord failed = new FetchRecord(record.kind(), batchId, date, record.primarySource(),
                    record.chosenSource(), record.fallbackReason(), false, record.attempts(), record.latencyMs(),
                    record.recordCount(), stale.get(), record.fetchedAt());
            return dailyMarketFromLastGood(date, batchId, failed, indexBars, fetches, quarantine, warnings);
        }
        fetches.add(0, record);
        DailyPriceValidator.Result result = priceValidator.validate(date, received, knownSymbols(dsl), batchId,
                record.chosenSource(), record.fetchedAt());
        quarantine.addAll(result.rejected());
        quarantine.addAll(result.flagged());
        if (!result.flagged().isEmpty()) {
            warnings.add(result.flagged().size() + " price(s) of " + date + " are statistical outliers, stored and"
                    + " flagged for review: " + symbols(result.flagged()));
        }
        quality.saveFetches(fetches);
        dsl.transaction(tx -> {
            DSLContext t = tx.dsl();
            t.deleteFrom(DAILY_BAR).where(DAILY_BAR.TRADE_DATE.eq(date)).execute();
            insertBars(t, result.accepted(), record.chosenSource());
            writeIndexBars(t, date, indexBars);
        });
        quality.saveRejections(quarantine);
        int stored = barsOn(date);
        int listed = listedStocks.on(date).size();
        if (stored < listed) {
            warnings.add((listed - stored) + " of " + listed + " listed stocks have no bar for " + date
                    + " after validation; TidyDailyMarket fills them from the last good close");
        }
        log.info("daily market {}: {} prices from {}, {} stored, {} rejected, {} flagged, {} index bars in {} ms",
                date, received.size(), record.chosenSource(), stored, result.rejected().size(),
                result.flagged().size(), indexBars.size(), millisSince(start));
        return new CollectionReport(DATASET_DAILY_PRICE, date, record.chosenSource(), record.fallbackReason(),
                received.size(), stored, countRejected(quarantine), List.of(), warnings);
    }

    /** D4 for daily prices: keep what the date has, carry every other listed stock forward from its last close. */
    private CollectionReport dailyMarketFromLastGood(LocalDate date, String batchId, FetchRecord failed,
                                                     List<IndexDailyBar> indexBars, List<FetchRecord> fetches,
                                                     List<RejectedValue> quarantine, List<String> warnings) {
        String reason = failed.errorMessage() != null ? failed.errorMessage() : "no source delivered prices";
        Map<Symbol, Market> listed = listedStocks.on(date);
        Set<String> have = new HashSet<>(barSymbolsOn(dsl, date));
        List<String> missing = listed.keySet().stream().map(Symbol::code).filter(s -> !have.contains(s)).toList();
        Map<String, LastBar> lastGood = lastBarsBefore(dsl, date, missing);
        if (have.isEmpty() && lastGood.isEmpty()) {
            quality.saveFetches(prepend(failed, fetches));
            quality.saveRejections(quarantine);
            throw new IllegalStateException("no daily prices for " + date + " (" + reason
                    + ") and no earlier bar of any listed stock to fall back on; retry when a source is back");
        }
        FetchRecord fallback = new FetchRecord(failed.kind(), batchId, date, failed.primarySource(), LAST_GOOD,
                reason, true, failed.attempts(), failed.latencyMs(), have.size() + lastGood.size(), null,
                failed.fetchedAt());
        quality.saveFetches(prepend(fallback, fetches));
        Instant now = clock.instant();
        List<RejectedValue> replaced = new ArrayList<>();
        dsl.transaction(tx -> {
            DSLContext t = tx.dsl();
            replaced.addAll(insertLastGood(t, date, batchId, lastGood, "no source delivered prices for " + date
                    + " (" + reason + ")", now));
            writeIndexBars(t, date, indexBars);
        });
        quarantine.addAll(replaced);
        quality.saveRejections(quarantine);
        warnings.add("every price source failed for " + date + "; using the last good data: " + have.size()
                + " bar(s) already stored for the date kept, " + replaced.size()
                + " carried forward from the last good close (" + reason + ")");
        int unfillable = missing.size() - lastGood.size();
        if (unfillable > 0) {
            warnings.add(unfillable + " listed stock(s) have no earlier bar to carry forward and stay without a bar"
                    + " for " + date);
        }
        log.warn("daily market {}: fell back to the last good data ({} kept, {} carried forward): {}", date,
                have.size(), replaced.size(), reason);
        return new CollectionReport(DATASET_DAILY_PRICE, date, LAST_GOOD, reason, 0, barsOn(date),
                countRejected(quarantine), replaced.stream().map(v -> v.symbol().code()).toList(), warnings);
    }

    /**
     * Non-empty when the prices repeat the previous stored session: close, volume and traded value of at least
     * {@link CollectionSettings#staleShare()} of the stocks that traded on both days are the same.
     */
    private Optional<String> staleness(LocalDate date, List<DailyPrice> prices, String source) {
        LocalDate previous = dsl.select(DSL.max(DAILY_BAR.TRADE_DATE)).from(DAILY_BAR)
                .where(DAILY_BAR.TRADE_DATE.lt(date)).fetchOne(0, LocalDate.class);
        if (previous == null) {
            return Optional.empty();
        }
        Map<String, long[]> before = new HashMap<>();
        dsl.select(DAILY_BAR.SYMBOL, DAILY_BAR.CLOSE, DAILY_BAR.VOLUME, DAILY_BAR.TRADED_VALUE).from(DAILY_BAR)
                .where(DAILY_BAR.TRADE_DATE.eq(previous)).and(DAILY_BAR.VOLUME.gt(0L))
                .forEach(r -> before.put(r.value1().trim(), new long[] {r.value2(), r.value3(), r.value4()}));
        int compared = 0;
        int same = 0;
        for (DailyPrice p : prices) {
            long[] b = before.get(p.symbol().code());
            if (b == null || p.volume() <= 0) {
                continue;
            }
            compared++;
            if (b[0] == p.close() && b[1] == p.volume() && b[2] == p.tradedValue()) {
                same++;
            }
        }
        if (compared < STALE_MIN_STOCKS || same < compared * settings.staleShare()) {
            return Optional.empty();
        }
        return Optional.of(source + " answered stale prices for " + date + ": " + same + " of " + compared
                + " traded stocks repeat the close, volume and traded value of " + previous);
    }

    private List<IndexDailyBar> fetchIndexBars(LocalDate date, String batchId, List<FetchRecord> fetches,
                                               List<RejectedValue> quarantine, List<String> warnings) {
        Set<String> knownIndices = new HashSet<>(dsl.select(MARKET_INDEX.INDEX_CODE).from(MARKET_INDEX)
                .fetch(MARKET_INDEX.INDEX_CODE));
        List<IndexDailyBar> accepted = new ArrayList<>();
        for (KrxIndex index : INDICES) {
            Instant fetchedAt = clock.instant();
            long start = System.nanoTime();
            try {
                Fetched<List<IndexDailyBar>> f = krx.indexBars(index, date, date);
                Optional<IndexDailyBar> bar = f.value().stream().filter(b -> b.tradeDate().equals(date)).findFirst();
                long latency = Math.max(0, f.elapsed().toMillis());
                if (bar.isEmpty()) {
                    String error = KrxDataClient.SOURCE + " has no " + index + " bar for " + date + " (yet)";
                    fetches.add(new FetchRecord(KIND_INDEX_BAR, batchId, date, KrxDataClient.SOURCE,
                            KrxDataClient.SOURCE, null, false, f.attempts(), latency, null, error, fetchedAt));
                    warnings.add(error + "; the stored index bars of the date are kept");
                    continue;
                }
                fetches.add(new FetchRecord(KIND_INDEX_BAR, batchId, date, KrxDataClient.SOURCE,
                        KrxDataClient.SOURCE, null, true, f.attempts(), latency, 1, null, fetchedAt));
                Optional<String> problem = indexProblem(bar.get(), knownIndices);
                if (problem.isPresent()) {
                    quarantine.add(new RejectedValue(batchId, DATASET_INDEX_BAR, index.name() + "@" + date, null,
                            date, "close", String.valueOf(bar.get().close()), problem.get().startsWith("unknown")
                            ? QualityRule.INCONSISTENT : QualityRule.RANGE, problem.get(), QualityAction.REJECTED,
                            KrxDataClient.SOURCE, fetchedAt));
                } else {
                    accepted.add(bar.get());
                }
            } catch (SourceException e) {
                long latency = Duration.ofNanos(System.nanoTime() - start).toMillis();
                String error = index + " bar for " + date + ": " + KrxDataClient.SOURCE + " failed after "
                        + e.attempts() + " attempt(s): " + e.getMessage();
                fetches.add(new FetchRecord(KIND_INDEX_BAR, batchId, date, KrxDataClient.SOURCE,
                        KrxDataClient.SOURCE, null, false, Math.max(1, e.attempts()), latency, null, error,
                        fetchedAt));
                warnings.add(error + "; the stored index bars of the date are kept");
            }
        }
        return accepted;
    }

    private Optional<String> indexProblem(IndexDailyBar b, Set<String> knownIndices) {
        if (!knownIndices.contains(b.index().name())) {
            return Optional.of("unknown index " + b.index().name() + ": not in market_index");
        }
        double[] levels = {b.open(), b.high(), b.low(), b.close()};
        for (double v : levels) {
            if (!Double.isFinite(v) || v <= 0) {
                return Optional.of(b.index() + " levels must be positive, got open/high/low/close " + b.open() + "/"
                        + b.high() + "/" + b.low() + "/" + b.close());
            }
        }
        if (!(b.low() <= b.high() && b.low() <= b.close() && b.close() <= b.high())) {
            return Optional.of(b.index() + " bar is not ordered low <= close <= high: " + b.low() + "/" + b.close()
                    + "/" + b.high());
        }
        if (b.volume() < 0 || b.tradedValue() < 0) {
            return Optional.of(b.index() + " volume and traded value must not be negative");
        }
        BigDecimal previous = dsl.select(INDEX_DAILY_BAR.CLOSE).from(INDEX_DAILY_BAR)
                .where(INDEX_DAILY_BAR.INDEX_CODE.eq(b.index().name()))
                .and(INDEX_DAILY_BAR.TRADE_DATE.lt(b.tradeDate()))
                .orderBy(INDEX_DAILY_BAR.TRADE_DATE.desc()).limit(1).fetchOne(INDEX_DAILY_BAR.CLOSE);
        if (previous != null) {
            double change = b.close() / previous.doubleValue() - 1.0;
            if (Math.abs(change) > settings.priceLimit()) {
                return Optional.of(b.index() + " close " + b.close() + " moved " + Math.round(change * 1000) / 10.0
                        + "% from the previous close " + previous + ", beyond what an index can move in a day");
            }
        }
        return Optional.empty();
    }

    private static void writeIndexBars(DSLContext t, LocalDate date, List<IndexDailyBar> bars) {
        if (bars.isEmpty()) {
            return;
        }
        t.deleteFrom(INDEX_DAILY_BAR).where(INDEX_DAILY_BAR.TRADE_DATE.eq(date))
                .and(INDEX_DAILY_BAR.INDEX_CODE.in(bars.stream().map(b -> b.index().name()).toList())).execute();
        var insert = t.insertInto(INDEX_DAILY_BAR, INDEX_DAILY_BAR.INDEX_CODE, INDEX_DAILY_BAR.TRADE_DATE,
                INDEX_DAILY_BAR.OPEN, INDEX_DAILY_BAR.HIGH, INDEX_DAILY_BAR.LOW, INDEX_DAILY_BAR.CLOSE,
                INDEX_DAILY_BAR.VOLUME, INDEX_DAILY_BAR.TRADED_VALUE, INDEX_DAILY_BAR.SOURCE);
        for (IndexDailyBar b : bars) {
            insert = insert.values(b.index().name(), date, points(b.open()), points(b.high()), points(b.low()),
                    points(b.close()), b.volume(), b.tradedValue(), KrxDataClient.SOURCE);
        }
        insert.execute();
    }

    private static BigDecimal points(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
    }

    private static void insertBars(DSLContext t, List<DailyPrice> prices, String source) {
        for (int from = 0; from < prices.size(); from += INSERT_ROWS) {
            var insert = t.insertInto(DAILY_BAR, DAILY_BAR.SYMBOL, DAILY_BAR.TRADE_DATE, DAILY_BAR.BASE_PRICE,
                    DAILY_BAR.OPEN, DAILY_BAR.HIGH, DAILY_BAR.LOW, DAILY_BAR.CLOSE, DAILY_BAR.VOLUME,
                    DAILY_BAR.TRADED_VALUE, DAILY_BAR.MARKET_CAP, DAILY_BAR.SOURCE);
            for (DailyPrice p : prices.subList(from, Math.min(prices.size(), from + INSERT_ROWS))) {
                insert = insert.values(p.symbol().code(), p.tradeDate(), DailyPriceValidator.basePrice(p),
                        p.open().isPresent() ? p.open().getAsLong() : null,
                        p.high().isPresent() ? p.high().getAsLong() : null,
                        p.low().isPresent() ? p.low().getAsLong() : null,
                        p.close(), p.volume(), p.tradedValue(), p.marketCap() > 0 ? p.marketCap() : null, source);
            }
            insert.execute();
        }
    }

    // ------------------------------------------------------------------ tidy

    CollectionReport tidy(CollectionRequest request) {
        LocalDate date = request.date();
        Optional<String> closed = closure(date);
        if (closed.isPresent()) {
            return noSession(DATASET_TIDY, date, closed.get());
        }
        Map<Symbol, Market> listed = listedStocks.on(date);
        Instant now = clock.instant();
        List<RejectedValue> replaced = new ArrayList<>();
        List<String> unfillable = new ArrayList<>();
        dsl.transaction(tx -> {
            DSLContext t = tx.dsl();
            Set<String> have = new HashSet<>(barSymbolsOn(t, date));
            List<String> missing = listed.keySet().stream().map(Symbol::code).filter(s -> !have.contains(s))
                    .toList();
            Map<String, LastBar> lastGood = lastBarsBefore(t, date, missing);
            replaced.addAll(insertLastGood(t, date, request.batchId(), lastGood, "no bar for " + date
                    + " from any source", now));
            missing.stream().filter(s -> !lastGood.containsKey(s)).forEach(unfillable::add);
        });
        quality.saveRejections(replaced);
        List<String> warnings = new ArrayList<>();
        List<String> filled = replaced.stream().map(v -> v.symbol().code()).toList();
        if (!filled.isEmpty()) {
            warnings.add("filled " + filled.size() + " missing bar(s) of " + date
                    + " from the last good close (volume 0): " + abbreviate(filled));
        }
        if (!unfillable.isEmpty()) {
            warnings.add(unfillable.size() + " listed stock(s) have no bar for " + date
                    + " and no earlier bar to carry forward: " + abbreviate(unfillable));
        }
        log.info("tidy {}: {} listed, {} filled from the last good close, {} without any bar", date, listed.size(),
                filled.size(), unfillable.size());
        return new CollectionReport(DATASET_TIDY, date, filled.isEmpty() ? "DAILY_BAR" : LAST_GOOD,
                filled.isEmpty() ? null : filled.size() + " of " + listed.size() + " listed stocks had no bar",
                listed.size(), barsOn(date), 0, filled, warnings);
    }

    private record LastBar(String symbol, LocalDate tradeDate, long close, Long marketCap) {
    }

    private static Map<String, LastBar> lastBarsBefore(DSLContext t, LocalDate date, List<String> symbols) {
        if (symbols.isEmpty()) {
            return Map.of();
        }
        Map<String, LastBar> out = new LinkedHashMap<>();
        t.select(DAILY_BAR.SYMBOL, DAILY_BAR.TRADE_DATE, DAILY_BAR.CLOSE, DAILY_BAR.MARKET_CAP)
                .distinctOn(DAILY_BAR.SYMBOL)
                .from(DAILY_BAR)
                .where(DAILY_BAR.TRADE_DATE.lt(date))
                .and(DAILY_BAR.SYMBOL.in(symbols))
                .orderBy(DAILY_BAR.SYMBOL, DAILY_BAR.TRADE_DATE.desc())
                .forEach(r -> out.put(r.value1().trim(), new LastBar(r.value1().trim(), r.value2(), r.value3(),
                        r.value4())));
        return out;
    }

    /** Inserts carried-forward bars and returns their REPLACED quality records. */
    private static List<RejectedValue> insertLastGood(DSLContext t, LocalDate date, String batchId,
                                                      Map<String, LastBar> lastGood, String why, Instant now) {
        List<RejectedValue> replaced = new ArrayList<>();
        List<LastBar> bars = new ArrayList<>(lastGood.values());
        for (int from = 0; from < bars.size(); from += INSERT_ROWS) {
            var insert = t.insertInto(DAILY_BAR, DAILY_BAR.SYMBOL, DAILY_BAR.TRADE_DATE, DAILY_BAR.BASE_PRICE,
                    DAILY_BAR.CLOSE, DAILY_BAR.VOLUME, DAILY_BAR.TRADED_VALUE, DAILY_BAR.MARKET_CAP,
                    DAILY_BAR.SOURCE);
            for (LastBar b : bars.subList(from, Math.min(bars.size(), from + INSERT_ROWS))) {
                insert = insert.values(b.symbol(), date, b.close(), b.close(), 0L, 0L, b.marketCap(), LAST_GOOD);
            }
            insert.onConflictDoNothing().execute();
        }
        for (LastBar b : bars) {
            replaced.add(new RejectedValue(batchId, DATASET_DAILY_PRICE, b.symbol() + "@" + date,
                    Symbol.of(b.symbol()), date, "close", String.valueOf(b.close()), QualityRule.MISSING,
                    why + "; filled from the last good close " + b.close() + " of " + b.tradeDate()
                            + " (no open/high/low, volume 0)", QualityAction.REPLACED, LAST_GOOD, now));
        }
        return replaced;
    }

    /** Why KRX is closed on {@code date} per {@code trading_calendar}; empty on a trading day or an unloaded date. */
    private Optional<String> closure(LocalDate date) {
        Record r = dsl.select(TRADING_CALENDAR.IS_TRADING_DAY, TRADING_CALENDAR.CLOSURE_REASON)
                .from(TRADING_CALENDAR).where(TRADING_CALENDAR.TRADE_DATE.eq(date)).fetchOne();
        if (r == null || Boolean.TRUE.equals(r.get(TRADING_CALENDAR.IS_TRADING_DAY))) {
            return Optional.empty();
        }
        return Optional.of(Objects.requireNonNullElse(r.get(TRADING_CALENDAR.CLOSURE_REASON), "closed"));
    }

    /** A day without a session has no bars to collect or fill: nothing is fetched or written. */
    private static CollectionReport noSession(String dataset, LocalDate date, String reason) {
        log.info("{} {}: KRX is closed ({}); nothing to do", dataset, date, reason);
        return new CollectionReport(dataset, date, "TRADING_CALENDAR", null, 0, 0, 0, List.of(),
                List.of(date + " is not a KRX trading day (" + reason + "); nothing collected"));
    }

    private static List<String> barSymbolsOn(DSLContext t, LocalDate date) {
        return t.select(DAILY_BAR.SYMBOL).from(DAILY_BAR).where(DAILY_BAR.TRADE_DATE.eq(date))
                .fetch(r -> r.value1().trim());
    }

    private int barsOn(LocalDate date) {
        return dsl.fetchCount(DAILY_BAR, DAILY_BAR.TRADE_DATE.eq(date));
    }

    private static List<FetchRecord> prepend(FetchRecord first, List<FetchRecord> rest) {
        List<FetchRecord> out = new ArrayList<>(rest.size() + 1);
        out.add(first);
        out.addAll(rest);
        return out;
    }

    private static String symbols(List<RejectedValue> values) {
        return abbreviate(values.stream().map(v -> v.symbol() == null ? v.recordKey() : v.symbol().code())
                .collect(Collectors.toCollection(LinkedHashSet::new)).stream().toList());
    }
}
