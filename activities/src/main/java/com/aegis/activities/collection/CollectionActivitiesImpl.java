package com.aegis.activities.collection;

import com.aegis.activities.cache.AnalyticsCache;
import com.aegis.activities.market.ListedStocks;
import com.aegis.activities.quality.DataQualityRepository;
import com.aegis.activities.sources.FailoverFetcher;
import com.aegis.activities.sources.FetchRecord;
import com.aegis.activities.sources.KrxDataClient;
import com.aegis.activities.sources.OpenDartClient;
import com.aegis.workflows.batch.CollectionActivities;
import com.aegis.workflows.batch.CollectionReport;
import com.aegis.workflows.batch.CollectionRequest;
import java.time.Clock;
import java.util.Objects;
import org.jooq.DSLContext;

/**
 * Data collection (D1–D4) for one KST date per call. Every stage fetches through the source clients (whose retries
 * and failover already ran), validates, quarantines what it rejects through {@link DataQualityRepository}, replaces
 * the date's rows in one transaction (delete, then batched multi-row inserts), records its fetches in
 * {@code source_fetch} and returns a {@link CollectionReport}. When every source fails it falls back to the last good
 * data with a warning (D4); with no last good data at all it throws, so the workflow retries.
 */
public final class CollectionActivitiesImpl implements CollectionActivities {

    /** {@code source_fetch.kind} of the index bar fetches. */
    public static final String KIND_INDEX_BAR = "INDEX_BAR";
    /** {@code source_fetch.kind} of the disclosure list fetch. */
    public static final String KIND_DISCLOSURE = "DISCLOSURE";
    /** {@code source_fetch.kind} of one company's statement fetch. */
    public static final String KIND_FINANCIAL_STATEMENT = "FINANCIAL_STATEMENT";
    /** Source of data that stood in for a failed fetch: bars carried forward, stored filings or values (D4). */
    public static final String LAST_GOOD = FetchRecord.LAST_GOOD;

    static final String DATASET_DAILY_PRICE = DailyPriceValidator.DATASET;
    static final String DATASET_INDEX_BAR = "INDEX_BAR";
    static final String DATASET_DISCLOSURE = "DISCLOSURE";
    static final String DATASET_FINANCIAL_STATEMENT = "FINANCIAL_STATEMENT";
    static final String DATASET_GLOBAL_INDICATOR = "GLOBAL_INDICATOR";
    static final String DATASET_TIDY = "TIDY";

    private final DailyMarketCollector dailyMarket;
    private final DisclosureCollector disclosures;
    private final GlobalIndicatorCollector globalIndicators;

    /**
     * @param dsl          the market database (daily_bar, index_daily_bar, disclosure, fundamental_statement,
     *                     global_indicator_value; instrument, market_index, global_indicator, trading_calendar read)
     * @param fetcher      daily prices (KRX data, failing over to the KIS daily price) and global indicators (Yahoo)
     * @param krx          the KRX data client, for the index bars
     * @param dart         the OpenDART client, for disclosures and financial statements
     * @param quality      where fetches ({@code source_fetch}) and quarantined values ({@code data_quality_record})
     *                     go
     * @param listedStocks the stock master as of a date: the universe every day must cover
     * @param cache        invalidated for every stock with a new disclosure
     * @param settings     validation thresholds ({@link CollectionSettings#defaults()})
     * @param clock        stamps fetches, quarantined values and the point in time of disclosures
     */
    public CollectionActivitiesImpl(DSLContext dsl, FailoverFetcher fetcher, KrxDataClient krx, OpenDartClient dart,
                                    DataQualityRepository quality, ListedStocks listedStocks, AnalyticsCache cache,
                                    CollectionSettings settings, Clock clock) {
        Objects.requireNonNull(dsl, "dsl");
        Objects.requireNonNull(fetcher, "fetcher");
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        this.dailyMarket = new DailyMarketCollector(dsl, fetcher, Objects.requireNonNull(krx, "krx"), quality,
                Objects.requireNonNull(listedStocks, "listedStocks"), settings, clock);
        this.disclosures = new DisclosureCollector(dsl, Objects.requireNonNull(dart, "dart"), quality,
                Objects.requireNonNull(cache, "cache"), settings, clock);
        this.globalIndicators = new GlobalIndicatorCollector(dsl, fetcher, quality, settings);
    }

    @Override
    public CollectionReport collectDailyMarket(CollectionRequest request) {
        return dailyMarket.collect(request);
    }

    @Override
    public CollectionReport collectDisclosures(CollectionRequest request) {
        return disclosures.collect(request);
    }

    @Override
    public CollectionReport collectGlobalIndicators(CollectionRequest request) {
        return globalIndicators.collect(request);
    }

    @Override
    public CollectionReport tidyDailyMarket(CollectionRequest request) {
        return dailyMarket.tidy(request);
    }
}
