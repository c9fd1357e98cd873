package com.aegis.activities.sources;

import com.aegis.activities.kis.rest.KisDailyBar;
import com.aegis.activities.kis.rest.KisDailyChart;
import com.aegis.activities.kis.rest.KisErrorKind;
import com.aegis.activities.kis.rest.KisException;
import com.aegis.activities.kis.rest.KisRestClient;
import com.aegis.core.market.Market;
import com.aegis.core.market.Symbol;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alternate source of daily prices (D2): one KIS 국내주식기간별시세 call (FHKST03010100) per listed stock, through
 * the account's rate-limited {@link KisRestClient}. KIS gives neither the market nor the market cap per stock, so the
 * market comes from the stock master and the market cap is close × listed shares. At the live limit of 18 calls per
 * second (a slot is free again 1.02 s after its call), 2,800 stocks take about 2,800 / 18 × 1.02 s ≈ 160 s;
 * at the paper limit of 2/s about 24 minutes.
 *
 * <p>A stock KIS refuses as asked (unknown or delisted symbol) is left out and logged; a failure of the service
 * (after {@code attemptsPerStock} tries of one stock) or of the credentials fails the whole fetch, so a partial
 * day never passes for a whole one.
 */
public final class KisDailyPriceSource implements DailyPriceSource {

    public static final String SOURCE = "KIS_DAILY_PRICE";

    private static final Logger log = LoggerFactory.getLogger(KisDailyPriceSource.class);

    private final KisRestClient client;
    private final Function<LocalDate, Map<Symbol, Market>> listedStocks;
    private final int parallelCalls;
    private final int attemptsPerStock;
    private final LongSupplier nanoTime;

    /**
     * @param listedStocks     the stock master: every stock listed on a trading day, with its market
     * @param parallelCalls    calls in flight at once; the rate limiter still caps calls per second, this only hides
     *                         network latency (4 reach the live limit at up to ~200 ms per call)
     * @param attemptsPerStock tries of one stock before a retryable failure (5xx, timeout, garbled answer) fails the
     *                         fetch
     */
    public KisDailyPriceSource(KisRestClient client, Function<LocalDate, Map<Symbol, Market>> listedStocks,
                               int parallelCalls, int attemptsPerStock, LongSupplier nanoTime) {
        this.client = Objects.requireNonNull(client, "client");
        this.listedStocks = Objects.requireNonNull(listedStocks, "listedStocks");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        if (parallelCalls < 1) {
            throw new IllegalArgumentException("parallelCalls must be at least 1, got " + parallelCalls);
        }
        if (attemptsPerStock < 1) {
            throw new IllegalArgumentException("attemptsPerStock must be at least 1, got " + attemptsPerStock);
        }
        this.parallelCalls = parallelCalls;
        this.attemptsPerStock = attemptsPerStock;
    }

    public KisDailyPriceSource(KisRestClient client, Function<LocalDate, Map<Symbol, Market>> listedStocks) {
        this(client, listedStocks, 4, 3, System::nanoTime);
    }

    @Override
    public String sourceName() {
        return SOURCE;
    }

    /** Prices of every stock of the stock master on {@code tradeDate}, in the master's order. */
    @Override
    public Fetched<List<DailyPrice>> dailyPrices(LocalDate tradeDate) {
        Map<Symbol, Market> stocks = Objects.requireNonNull(listedStocks.apply(tradeDate),
                "the stock master gave no stocks for " + tradeDate);
        long start = nanoTime.getAsLong();
        AtomicInteger attempts = new AtomicInteger();
        AtomicBoolean failed = new AtomicBoolean();
        List<Map.Entry<Symbol, Market>> ordered = new ArrayList<>(stocks.entrySet());
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelCalls, Math.max(1, ordered.size())), r -> {
            Thread thread = new Thread(r, "kis-daily-price");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Optional<DailyPrice>>> pending = new ArrayList<>(ordered.size());
            for (Map.Entry<Symbol, Market> stock : ordered) {
                pending.add(pool.submit(() -> price(stock.getKey(), stock.getValue(), tradeDate, attempts,
                        failed)));
            }
            List<DailyPrice> prices = new ArrayList<>(ordered.size());
            for (Future<Optional<DailyPrice>> future : pending) {
                future.get().ifPresent(prices::add);
            }
            Duration elapsed = Duration.ofNanos(nanoTime.getAsLong() - start);
            log.info("KIS daily prices for {}: {} of {} stocks in {} ms with {} calls", tradeDate, prices.size(),
                    ordered.size(), elapsed.toMillis(), attempts.get());
            return new Fetched<>(List.copyOf(prices), Math.max(1, attempts.get()), elapsed);
        } catch (ExecutionException e) {
            // Stop the other stocks before counting, so the attempts reported are the ones actually made.
            failed.set(true);
            pool.shutdownNow();
            awaitQuietly(pool);
            Throwable cause = e.getCause();
            if (cause instanceof SourceException source) {
                source.attempts(Math.max(1, attempts.get()));
                throw source;
            }
            throw new IllegalStateException("KIS daily price fetch for " + tradeDate + " failed unexpectedly", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            SourceUnavailableException interrupted = new SourceUnavailableException(SOURCE,
                    "interrupted while fetching KIS daily prices for " + tradeDate, e);
            interrupted.attempts(Math.max(1, attempts.get()));
            throw interrupted;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void awaitQuietly(ExecutorService pool) {
        try {
            pool.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Optional<DailyPrice> price(Symbol symbol, Market market, LocalDate tradeDate, AtomicInteger attempts,
                                       AtomicBoolean failed) {
        for (int attempt = 1; ; attempt++) {
            if (failed.get()) {
                return Optional.empty();
            }
            attempts.incrementAndGet();
            try {
                KisDailyChart chart = client.dailyChart(symbol, tradeDate, tradeDate);
                return chart.on(tradeDate).map(bar -> toPrice(chart, bar, market, tradeDate));
            } catch (KisException e) {
                if (e.kind() == KisErrorKind.BUSINESS_REJECTION) {
                    log.warn("KIS has no daily price of {} for {}: {} {}", symbol, tradeDate, e.code(),
                            e.getMessage());
                    return Optional.empty();
                }
                if (!e.retryable() || attempt >= attemptsPerStock) {
                    failed.set(true);
                    throw translate(e, symbol, tradeDate, attempt);
                }
                log.info("KIS daily price of {} for {} failed ({} {}), try {} of {}", symbol, tradeDate, e.code(),
                        e.kind(), attempt + 1, attemptsPerStock);
            }
        }
    }

    private static DailyPrice toPrice(KisDailyChart chart, KisDailyBar bar, Market market, LocalDate tradeDate) {
        boolean traded = bar.traded();
        return new DailyPrice(chart.symbol(), chart.name(), market, tradeDate,
                traded ? OptionalLong.of(bar.open()) : OptionalLong.empty(),
                traded ? OptionalLong.of(bar.high()) : OptionalLong.empty(),
                traded ? OptionalLong.of(bar.low()) : OptionalLong.empty(),
                bar.close(), bar.change(), bar.volume(), bar.tradedValue(),
                Math.multiplyExact(bar.close(), chart.listedShares()), chart.listedShares());
    }

    private static SourceException translate(KisException e, Symbol symbol, LocalDate tradeDate, int tries) {
        String message = "KIS daily price of " + symbol + " for " + tradeDate + " failed after " + tries
                + " tr" + (tries == 1 ? "y" : "ies") + ": " + e.code() + " " + e.getMessage();
        return switch (e.kind()) {
            case PROTOCOL -> new SourceProtocolException(SOURCE, message, e);
            case CREDENTIALS_REJECTED, TOKEN_REJECTED -> new SourceRejectedException(SOURCE, e.code(),
                    message + "; check the KIS app key, secret and account configuration");
            default -> new SourceUnavailableException(SOURCE, message, e);
        };
    }
}
