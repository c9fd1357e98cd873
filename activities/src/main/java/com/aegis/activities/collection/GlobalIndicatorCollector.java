package com.aegis.activities.collection;

import static com.aegis.activities.collection.CollectionActivitiesImpl.DATASET_GLOBAL_INDICATOR;
import static com.aegis.activities.collection.CollectionActivitiesImpl.LAST_GOOD;
import static com.aegis.activities.collection.CollectionSupport.countRejected;
import static com.aegis.db.jooq.Tables.GLOBAL_INDICATOR;
import static com.aegis.db.jooq.Tables.GLOBAL_INDICATOR_VALUE;

import com.aegis.activities.quality.DataQualityRepository;
import com.aegis.activities.quality.QualityAction;
import com.aegis.activities.quality.QualityRule;
import com.aegis.activities.quality.RejectedValue;
import com.aegis.activities.sources.FailoverFetcher;
import com.aegis.activities.sources.FetchOutcome;
import com.aegis.activities.sources.FetchRecord;
import com.aegis.activities.sources.GlobalIndicatorValue;
import com.aegis.activities.sources.YahooChartClient;
import com.aegis.core.validation.Rejection;
import com.aegis.core.validation.Statistics;
import com.aegis.core.validation.ZScoreCheck;
import com.aegis.workflows.batch.CollectionReport;
import com.aegis.workflows.batch.CollectionRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code CollectGlobalIndicators}: the latest close of every indicator of {@code global_indicator} from Yahoo, the
 * last good value with a warning when Yahoo is down.
 */
final class GlobalIndicatorCollector {

    private static final Logger log = LoggerFactory.getLogger(GlobalIndicatorCollector.class);
    /** Daily changes of a global indicator its new value is judged against (D3 z-score over its own history). */
    private static final int GLOBAL_HISTORY = 60;

    private final DSLContext dsl;
    private final FailoverFetcher fetcher;
    private final DataQualityRepository quality;
    private final CollectionSettings settings;

    GlobalIndicatorCollector(DSLContext dsl, FailoverFetcher fetcher, DataQualityRepository quality,
                             CollectionSettings settings) {
        this.dsl = dsl;
        this.fetcher = fetcher;
        this.quality = quality;
        this.settings = settings;
    }

    CollectionReport collect(CollectionRequest request) {
        LocalDate date = request.date();
        String batchId = request.batchId();
        List<String> codes = dsl.select(GLOBAL_INDICATOR.CODE).from(GLOBAL_INDICATOR).orderBy(GLOBAL_INDICATOR.CODE)
                .fetch(GLOBAL_INDICATOR.CODE);
        if (codes.isEmpty()) {
            throw new IllegalStateException("global_indicator is empty: load the indicator list before collecting");
        }
        List<FetchRecord> fetches = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<RejectedValue> quarantine = new ArrayList<>();
        List<GlobalIndicatorValue> fresh = new ArrayList<>();
        List<String> fellBack = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        String firstReason = null;
        for (String code : codes) {
            FetchOutcome<GlobalIndicatorValue> outcome = fetcher.globalIndicator(code, date, batchId);
            FetchRecord r = outcome.record();
            if (outcome.value().isPresent() && !r.fellBack()) {
                GlobalIndicatorValue v = outcome.value().get();
                Optional<RejectedValue> problem = globalProblem(v, batchId, r.fetchedAt());
                fetches.add(r);
                if (problem.isPresent() && problem.get().action() == QualityAction.REJECTED) {
                    quarantine.add(problem.get());
                    missing.add(code);
                    continue;
                }
                problem.ifPresent(quarantine::add);
                fresh.add(v);
                continue;
            }
            String reason = r.fallbackReason() != null ? r.fallbackReason() : r.errorMessage();
            firstReason = firstReason == null ? reason : firstReason;
            Optional<GlobalIndicatorValue> stored = storedGlobal(code, date);
            Optional<GlobalIndicatorValue> lastGood = stored.isPresent() ? stored : outcome.value();
            if (lastGood.isPresent()) {
                GlobalIndicatorValue v = lastGood.get();
                fetches.add(new FetchRecord(r.kind(), batchId, date, r.primarySource(), LAST_GOOD, reason, true,
                        r.attempts(), r.latencyMs(), 1, null, r.fetchedAt()));
                fellBack.add(code);
                warnings.add("using the last good " + code + " value " + v.close() + " of " + v.sessionDate()
                        + " for " + date + " because " + reason);
            } else {
                fetches.add(r.success() ? new FetchRecord(r.kind(), batchId, date, r.primarySource(),
                        r.chosenSource(), r.fallbackReason(), false, r.attempts(), r.latencyMs(), null,
                        "no value for " + code + " on " + date + " and no last good value", r.fetchedAt()) : r);
                missing.add(code);
                warnings.add("no value for " + code + " on " + date + " (" + reason + ") and no last good value");
            }
        }
        quality.saveFetches(fetches);
        if (fresh.isEmpty() && fellBack.isEmpty()) {
            quality.saveRejections(quarantine);
            throw new IllegalStateException("no global indicator value for " + date + " from "
                    + YahooChartClient.SOURCE + " and no last good value of any of " + codes + ": " + firstReason);
        }
        dsl.transaction(tx -> {
            DSLContext t = tx.dsl();
            for (GlobalIndicatorValue v : fresh) {
                t.deleteFrom(GLOBAL_INDICATOR_VALUE).where(GLOBAL_INDICATOR_VALUE.CODE.eq(v.symbol()))
                        .and(GLOBAL_INDICATOR_VALUE.OBS_DATE.eq(v.sessionDate())).execute();
            }
            if (!fresh.isEmpty()) {
                var insert = t.insertInto(GLOBAL_INDICATOR_VALUE, GLOBAL_INDICATOR_VALUE.CODE,
                        GLOBAL_INDICATOR_VALUE.OBS_DATE, GLOBAL_INDICATOR_VALUE.VALUE, GLOBAL_INDICATOR_VALUE.SOURCE);
                for (GlobalIndicatorValue v : fresh) {
                    insert = insert.values(v.symbol(), v.sessionDate(),
                            BigDecimal.valueOf(v.close()).setScale(6, RoundingMode.HALF_UP), YahooChartClient.SOURCE);
                }
                insert.execute();
            }
        });
        quality.saveRejections(quarantine);
        boolean degraded = !fellBack.isEmpty() || !missing.isEmpty();
        String source = fellBack.isEmpty() ? YahooChartClient.SOURCE : LAST_GOOD;
        log.info("global indicators {}: {} fresh, {} from the last good value, {} missing", date, fresh.size(),
                fellBack.size(), missing.size());
        return new CollectionReport(DATASET_GLOBAL_INDICATOR, date, source, degraded
                ? (firstReason != null ? firstReason : "values of " + missing + " were rejected") : null,
                fresh.size(), fresh.size(), countRejected(quarantine), List.of(), warnings);
    }

    /**
     * Range check (finite, positive) and, against the indicator's own recent history, a z-score on the daily log
     * change: beyond the limit the value is flagged (global markets do move that much on rare days).
     */
    private Optional<RejectedValue> globalProblem(GlobalIndicatorValue v, String batchId, Instant fetchedAt) {
        String key = v.symbol() + "@" + v.sessionDate();
        if (!Double.isFinite(v.close()) || v.close() <= 0) {
            return Optional.of(new RejectedValue(batchId, DATASET_GLOBAL_INDICATOR, key, null, v.sessionDate(),
                    "close", String.valueOf(v.close()), QualityRule.RANGE, v.symbol() + " close must be a positive"
                    + " number, got " + v.close(), QualityAction.REJECTED, YahooChartClient.SOURCE, fetchedAt));
        }
        List<BigDecimal> history = dsl.select(GLOBAL_INDICATOR_VALUE.VALUE).from(GLOBAL_INDICATOR_VALUE)
                .where(GLOBAL_INDICATOR_VALUE.CODE.eq(v.symbol()))
                .and(GLOBAL_INDICATOR_VALUE.OBS_DATE.lt(v.sessionDate()))
                .orderBy(GLOBAL_INDICATOR_VALUE.OBS_DATE.desc()).limit(GLOBAL_HISTORY + 1)
                .fetch(GLOBAL_INDICATOR_VALUE.VALUE);
        if (history.size() < ZScoreCheck.MIN_SAMPLE + 1) {
            return Optional.empty();
        }
        double[] changes = new double[history.size() - 1];
        for (int i = 0; i + 1 < history.size(); i++) {
            changes[i] = Math.log(history.get(i).doubleValue() / history.get(i + 1).doubleValue());
        }
        double change = Math.log(v.close() / history.get(0).doubleValue());
        Optional<Rejection> z = new ZScoreCheck(settings.zLimit()).againstHistory("daily_log_change", key, changes,
                change);
        return z.map(r -> new RejectedValue(batchId, DATASET_GLOBAL_INDICATOR, key, null, v.sessionDate(), "close",
                String.valueOf(v.close()), QualityRule.Z_SCORE, v.symbol() + " moved " + String.format(
                java.util.Locale.ROOT, "%+.2f%%", (Math.exp(change) - 1) * 100) + " from " + history.get(0)
                + ", |z| > " + settings.zLimit() + " against its last " + changes.length + " daily changes (sd "
                + String.format(java.util.Locale.ROOT, "%.4f", Statistics.populationStdDev(changes))
                + "); kept for review", QualityAction.FLAGGED, YahooChartClient.SOURCE, fetchedAt));
    }

    private Optional<GlobalIndicatorValue> storedGlobal(String code, LocalDate date) {
        Record r = dsl.select(GLOBAL_INDICATOR_VALUE.OBS_DATE, GLOBAL_INDICATOR_VALUE.VALUE)
                .from(GLOBAL_INDICATOR_VALUE)
                .where(GLOBAL_INDICATOR_VALUE.CODE.eq(code))
                .and(GLOBAL_INDICATOR_VALUE.OBS_DATE.le(date))
                .orderBy(GLOBAL_INDICATOR_VALUE.OBS_DATE.desc()).limit(1).fetchOne();
        return r == null ? Optional.empty() : Optional.of(new GlobalIndicatorValue(code,
                r.get(GLOBAL_INDICATOR_VALUE.OBS_DATE), r.get(GLOBAL_INDICATOR_VALUE.VALUE).doubleValue()));
    }

}
