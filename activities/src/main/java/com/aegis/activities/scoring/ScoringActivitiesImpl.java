package com.aegis.activities.scoring;

import static com.aegis.db.jooq.Tables.FACTOR_VALUE;
import static com.aegis.db.jooq.Tables.FACTOR_WEIGHT;
import static com.aegis.db.jooq.Tables.MARKET_REGIME_DAILY;
import static com.aegis.db.jooq.Tables.QUANT_SCORE_DAILY;
import static com.aegis.db.jooq.Tables.REBALANCE_TARGET;
import static com.aegis.db.jooq.Tables.SCORE_DAILY;
import static com.aegis.db.jooq.Tables.SCREENING_RESULT;

import com.aegis.activities.cache.AnalyticsCache;
import com.aegis.activities.cache.CacheRegion;
import com.aegis.core.factors.Factor;
import com.aegis.core.factors.FactorCalculator;
import com.aegis.core.factors.FactorCategory;
import com.aegis.core.factors.FactorInputs;
import com.aegis.core.factors.FactorSnapshot;
import com.aegis.core.factors.IndexHistory;
import com.aegis.core.market.Symbol;
import com.aegis.core.scoring.CrossSectionStandardiser;
import com.aegis.core.scoring.FactorExposure;
import com.aegis.core.scoring.FinalScore;
import com.aegis.core.scoring.FinalScorer;
import com.aegis.core.scoring.MarketRegime;
import com.aegis.core.scoring.QuantScore;
import com.aegis.core.scoring.QuantScorer;
import com.aegis.core.scoring.Recommendation;
import com.aegis.core.scoring.RegimeDetector;
import com.aegis.core.scoring.RegimeReading;
import com.aegis.core.scoring.RegimeWeights;
import com.aegis.core.scoring.ScoreExplanation;
import com.aegis.core.screening.Exclusion;
import com.aegis.core.screening.ExclusionReason;
import com.aegis.core.screening.Screener;
import com.aegis.core.screening.ScreeningResult;
import com.aegis.workflows.scoring.FinalRequest;
import com.aegis.workflows.scoring.FinalSummary;
import com.aegis.workflows.scoring.LastGoodScores;
import com.aegis.workflows.scoring.QuantRequest;
import com.aegis.workflows.scoring.QuantSummary;
import com.aegis.workflows.scoring.RebalancePlan;
import com.aegis.workflows.scoring.ScoreLine;
import com.aegis.workflows.scoring.ScoringActivities;
import com.aegis.workflows.scoring.ScreeningSummary;
import com.aegis.workflows.scoring.WatchlistPublication;
import com.aegis.workflows.scoring.WatchlistRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scoring stages over PostgreSQL. Each stage reads its inputs in a few set-based queries, runs core's math, and
 * replaces the date's rows of its output tables in one transaction, so a re-run (a Temporal retry, a recalculation)
 * leaves exactly one result per date.
 *
 * <p>Data cut-off: scores of date D are computed before D's open, from sessions strictly before D and statements
 * published before D's KST start ({@link MarketDataReader}); a backfill of a date whose own bar is loaded sees the
 * same data as the pre-open run did.
 */
public final class ScoringActivitiesImpl implements ScoringActivities {

    private static final Logger log = LoggerFactory.getLogger(ScoringActivitiesImpl.class);
    /** Rows per multi-row insert: few round trips, well under PostgreSQL's bind-parameter limit. */
    private static final int BATCH_ROWS = 1_000;
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(15);

    private final DSLContext db;
    private final ScoringSettings settings;
    private final Clock clock;
    private final Producer<String, String> producer;
    private final AnalyticsCache cache;
    private final MarketDataReader reader;
    private final ScoreQueries queries;

    /**
     * @param db       the AEGIS database
     * @param settings thresholds, weights and names ({@link ScoringSettings#defaults()})
     * @param clock    the time recorded with scores and against which their age is measured
     * @param producer the watchlist producer (string key and JSON value)
     * @param cache    the analytics cache the final scores are written through
     */
    public ScoringActivitiesImpl(DSLContext db, ScoringSettings settings, Clock clock,
            Producer<String, String> producer, AnalyticsCache cache) {
        this.db = Objects.requireNonNull(db, "db");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.producer = Objects.requireNonNull(producer, "producer");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.reader = new MarketDataReader(db);
        this.queries = new ScoreQueries(db);
    }

    public ScoringSettings settings() {
        return settings;
    }

    // ---------------------------------------------------------------- A1

    @Override
    public ScreeningSummary screen(LocalDate date) {
        Objects.requireNonNull(date, "date");
        long started = System.nanoTime();
        int sessions = settings.screener().averagingSessions();
        List<MarketDataReader.UniverseStock> universe = reader.universe(date, sessions);
        ScreeningResult result = Screener.screen(universe.stream().map(MarketDataReader.UniverseStock::input).toList(),
                settings.screener());
        Map<Symbol, Exclusion> excluded = new HashMap<>();
        result.excluded().forEach(e -> excluded.put(e.symbol(), e));
        db.transaction(tx -> {
            DSLContext t = tx.dsl();
            t.deleteFrom(SCREENING_RESULT).where(SCREENING_RESULT.TRADE_DATE.eq(date)).execute();
            for (int from = 0; from < universe.size(); from += BATCH_ROWS) {
                var insert = t.insertInto(SCREENING_RESULT, SCREENING_RESULT.TRADE_DATE, SCREENING_RESULT.SYMBOL,
                        SCREENING_RESULT.PASSED, SCREENING_RESULT.EXCLUSION_REASON, SCREENING_RESULT.DETAIL,
                        SCREENING_RESULT.AVG_TRADED_VALUE, SCREENING_RESULT.MARKET_CAP);
                for (MarketDataReader.UniverseStock stock : universe.subList(from,
                        Math.min(universe.size(), from + BATCH_ROWS))) {
                    Exclusion e = excluded.get(stock.input().symbol());
                    insert = insert.values(date, stock.input().symbol().code(), e == null,
                            e == null ? null : e.firstReason().name(), e == null ? null : e.detail(),
                            stock.avgTradedValue(), stock.marketCap());
                }
                insert.execute();
            }
        });
        List<String> passed = result.kept().stream().map(s -> s.symbol().code()).sorted().toList();
        ScreeningSummary summary = new ScreeningSummary(date, universe.size(), passed,
                counts(result.countByFirstReason()), counts(result.countByAnyReason()));
        log.info("screened {}: {} of {} listed common stocks passed in {} ms ({})", date, passed.size(),
                universe.size(), millisSince(started), summary.excludedByFirst());
        return summary;
    }

    private static Map<String, Integer> counts(Map<ExclusionReason, Integer> counts) {
        Map<String, Integer> out = new LinkedHashMap<>();
        counts.forEach((k, v) -> out.put(k.name(), v));
        return out;
    }

    @Override
    public List<String> screenedSymbols(LocalDate date) {
        return db.select(SCREENING_RESULT.SYMBOL)
                .from(SCREENING_RESULT)
                .where(SCREENING_RESULT.TRADE_DATE.eq(date), SCREENING_RESULT.PASSED.isTrue())
                .orderBy(SCREENING_RESULT.SYMBOL)
                .fetch(r -> r.value1().trim());
    }

    // ---------------------------------------------------------------- A2

    @Override
    public QuantSummary scoreQuant(QuantRequest request) {
        Objects.requireNonNull(request, "request");
        long started = System.nanoTime();
        LocalDate date = request.date();
        List<String> symbols = new ArrayList<>(new LinkedHashSet<>(request.symbols().stream().map(String::trim)
                .toList()));
        List<String> malformed = symbols.stream().filter(s -> !s.matches("[0-9]{6}")).toList();
        if (!malformed.isEmpty()) {
            throw new IllegalArgumentException("cannot score " + malformed.size() + " symbol(s) that are not "
                    + "six-digit codes: " + malformed.subList(0, Math.min(10, malformed.size())));
        }
        Map<String, MarketDataReader.Instrument> instruments = reader.instruments(symbols);
        List<String> unknown = symbols.stream().filter(s -> !instruments.containsKey(s)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("cannot score " + unknown.size() + " symbol(s) missing from the "
                    + "instrument master: " + unknown.subList(0, Math.min(10, unknown.size())));
        }
        IndexHistory index = reader.index(settings.benchmarkIndex(), date, settings.indexSessionsNeeded());
        RegimeReading regime = new RegimeDetector(settings.regime()).detect(index, date);
        RegimeWeights weights = regimeWeights(date);
        List<FactorInputs> inputs = reader.factorInputs(date, symbols, instruments, settings.stockSessionsNeeded());
        long loaded = System.nanoTime();

        FactorCalculator calculator = new FactorCalculator(settings.factorWindows());
        List<FactorSnapshot> snapshots = new ArrayList<>(inputs.size());
        for (FactorInputs stock : inputs) {
            snapshots.add(calculator.compute(stock, index, date));
        }
        List<QuantScore> scores = snapshots.isEmpty() ? List.of() : new QuantScorer(weights).scoreAll(
                new CrossSectionStandardiser(settings.crossSection()).standardise(snapshots), regime.regime());

        Map<String, Double> previous = new HashMap<>();
        db.select(QUANT_SCORE_DAILY.SYMBOL, QUANT_SCORE_DAILY.QUANT_SCORE)
                .from(QUANT_SCORE_DAILY)
                .where(QUANT_SCORE_DAILY.TRADE_DATE.eq(date))
                .forEach(r -> previous.put(r.value1().trim(), r.value2()));
        int changed = 0;
        int imputed = 0;
        for (QuantScore q : scores) {
            Double before = previous.get(q.symbol().code());
            if (before == null || Double.compare(before, q.value()) != 0) {
                changed++;
            }
            imputed += q.imputedFactors();
        }
        persistQuant(date, regime, index, scores);
        Map<String, Double> categoryWeights = ScoringJson.byName(weights.forRegime(regime.regime()));
        log.info("quant scores of {}: {} stocks, regime {} ({}), {} imputed values, {} changed; read {} ms, total {} ms",
                date, scores.size(), regime.regime(), String.format("%.2f", regime.confidence()), imputed, changed,
                TimeUnit.NANOSECONDS.toMillis(loaded - started), millisSince(started));
        return new QuantSummary(date, regime.regime().name(), regime.confidence(), scores.size(), imputed,
                categoryWeights, changed);
    }

    /**
     * {@link RegimeWeights#defaults()} with each regime's category weights replaced by the newest
     * {@code factor_weight} category rows effective on or before {@code date}. Factor-level rows are not used: the
     * quant score splits a category's weight equally among its factors.
     */
    RegimeWeights regimeWeights(LocalDate date) {
        Map<MarketRegime, Map<FactorCategory, Double>> overrides = new EnumMap<>(MarketRegime.class);
        db.select(FACTOR_WEIGHT.REGIME, FACTOR_WEIGHT.CATEGORY, FACTOR_WEIGHT.WEIGHT)
                .distinctOn(FACTOR_WEIGHT.REGIME, FACTOR_WEIGHT.CATEGORY)
                .from(FACTOR_WEIGHT)
                .where(FACTOR_WEIGHT.CATEGORY.isNotNull(), FACTOR_WEIGHT.EFFECTIVE_FROM.le(date))
                .orderBy(FACTOR_WEIGHT.REGIME, FACTOR_WEIGHT.CATEGORY, FACTOR_WEIGHT.EFFECTIVE_FROM.desc(),
                        FACTOR_WEIGHT.ID.desc())
                .forEach(r -> overrides.computeIfAbsent(MarketRegime.valueOf(r.value1()),
                        k -> new EnumMap<>(FactorCategory.class)).put(FactorCategory.valueOf(r.value2()), r.value3()));
        RegimeWeights weights = RegimeWeights.defaults();
        for (Map.Entry<MarketRegime, Map<FactorCategory, Double>> e : overrides.entrySet()) {
            Map<FactorCategory, Double> row = new EnumMap<>(weights.forRegime(e.getKey()));
            row.putAll(e.getValue());
            try {
                weights = weights.with(e.getKey(), row);
            } catch (IllegalArgumentException invalid) {
                throw new IllegalArgumentException("factor_weight rows effective on " + date + " give " + e.getKey()
                        + " invalid category weights " + row + ": " + invalid.getMessage(), invalid);
            }
        }
        return weights;
    }

    private void persistQuant(LocalDate date, RegimeReading regime, IndexHistory index, List<QuantScore> scores) {
        Map<String, Object> indicators = new LinkedHashMap<>();
        regime.indicators().forEach((k, v) -> indicators.put(k, ScoringJson.finiteOrNull(v)));
        indicators.put("index", index.name());
        indicators.put("indexDate", regime.date().toString());
        JSONB indicatorJson = ScoringJson.write(indicators);
        OffsetDateTime now = now();
        db.transaction(tx -> {
            DSLContext t = tx.dsl();
            t.deleteFrom(FACTOR_VALUE).where(FACTOR_VALUE.TRADE_DATE.eq(date)).execute();
            t.deleteFrom(QUANT_SCORE_DAILY).where(QUANT_SCORE_DAILY.TRADE_DATE.eq(date)).execute();
            t.insertInto(MARKET_REGIME_DAILY)
                    .set(MARKET_REGIME_DAILY.TRADE_DATE, date)
                    .set(MARKET_REGIME_DAILY.REGIME, regime.regime().name())
                    .set(MARKET_REGIME_DAILY.CONFIDENCE, regime.confidence())
                    .set(MARKET_REGIME_DAILY.INDICATORS, indicatorJson)
                    .set(MARKET_REGIME_DAILY.METHOD, regime.method())
                    .set(MARKET_REGIME_DAILY.COMPUTED_AT, now)
                    .onConflict(MARKET_REGIME_DAILY.TRADE_DATE)
                    .doUpdate()
                    .set(MARKET_REGIME_DAILY.REGIME, regime.regime().name())
                    .set(MARKET_REGIME_DAILY.CONFIDENCE, regime.confidence())
                    .set(MARKET_REGIME_DAILY.INDICATORS, indicatorJson)
                    .set(MARKET_REGIME_DAILY.METHOD, regime.method())
                    .set(MARKET_REGIME_DAILY.COMPUTED_AT, now)
                    .execute();
            int perInsert = BATCH_ROWS / Factor.values().length;
            for (int from = 0; from < scores.size(); from += perInsert) {
                var insert = t.insertInto(FACTOR_VALUE, FACTOR_VALUE.TRADE_DATE, FACTOR_VALUE.SYMBOL,
                        FACTOR_VALUE.FACTOR, FACTOR_VALUE.RAW_VALUE, FACTOR_VALUE.Z_SCORE);
                for (QuantScore q : scores.subList(from, Math.min(scores.size(), from + perInsert))) {
                    for (Factor factor : Factor.values()) {
                        FactorExposure e = q.stock().get(factor);
                        insert = insert.values(date, q.symbol().code(), factor.name(),
                                e.raw().isPresent() ? e.raw().value() : null, e.zScore());
                    }
                }
                insert.execute();
            }
            for (int from = 0; from < scores.size(); from += BATCH_ROWS) {
                var insert = t.insertInto(QUANT_SCORE_DAILY, QUANT_SCORE_DAILY.TRADE_DATE, QUANT_SCORE_DAILY.SYMBOL,
                        QUANT_SCORE_DAILY.REGIME, QUANT_SCORE_DAILY.QUANT_SCORE, QUANT_SCORE_DAILY.IMPUTED_FACTORS,
                        QUANT_SCORE_DAILY.DETAIL, QUANT_SCORE_DAILY.COMPUTED_AT);
                for (QuantScore q : scores.subList(from, Math.min(scores.size(), from + BATCH_ROWS))) {
                    insert = insert.values(date, q.symbol().code(), q.regime().name(), q.value(),
                            (short) q.imputedFactors(), ScoringJson.write(ScoringJson.detailOf(q)), now);
                }
                insert.execute();
            }
        });
    }

    // ---------------------------------------------------------------- A4

    /** The stored AI part of one stock: its AI score, or why it had none. */
    private record StoredAi(Double aiScore, String degradedReason) {
    }

    @Override
    public FinalSummary scoreFinal(FinalRequest request) {
        Objects.requireNonNull(request, "request");
        if (request.topN() < 0) {
            throw new IllegalArgumentException("topN must be >= 0, got " + request.topN());
        }
        long started = System.nanoTime();
        LocalDate date = request.date();
        List<QuantScore> quant = storedQuantScores(date);
        if (quant.isEmpty()) {
            throw new IllegalStateException("no quant scores stored for " + date + ": run ScoreQuant for the date first");
        }
        FinalScorer scorer = new FinalScorer(settings.finalWeights());
        List<FinalScore> scores;
        if (request.reuseStoredAi()) {
            scores = rescoreWithStoredAi(date, quant, scorer, request.degradedReason());
        } else if (request.degradedReason() != null) {
            scores = scorer.scoreQuantOnly(quant, request.degradedReason());
        } else {
            Map<Symbol, Double> ai = new HashMap<>();
            request.aiScores().forEach((symbol, score) -> ai.put(Symbol.of(symbol.trim()), score));
            scores = scorer.score(quant, ai);
        }
        Map<String, String> names = reader.names(quant.stream().map(q -> q.symbol().code()).toList());
        persistFinal(date, request.workflowId(), scores);
        int cacheFailures = 0;
        for (FinalScore s : scores) {
            try {
                cache.put(CacheRegion.FINAL_SCORE, s.symbol().code(), date.toString(),
                        rowOf(s, names.get(s.symbol().code())));
            } catch (RuntimeException e) {
                cacheFailures++;
                if (cacheFailures == 1) {
                    log.warn("writing final scores of {} through the cache failed; readers fall back to the "
                            + "database: {}", date, e.toString());
                }
            }
        }
        int buy = 0;
        int sell = 0;
        int degraded = 0;
        String reason = null;
        for (FinalScore s : scores) {
            if (s.recommendation() == Recommendation.BUY) {
                buy++;
            } else if (s.recommendation() == Recommendation.SELL) {
                sell++;
            }
            if (s.degraded()) {
                degraded++;
                if (reason == null) {
                    reason = s.degradedReason();
                }
            }
        }
        List<ScoreLine> top = scores.stream()
                .sorted(Comparator.comparingDouble(FinalScore::score).reversed()
                        .thenComparing(s -> s.symbol().code()))
                .limit(request.topN())
                .map(s -> new ScoreLine(s.symbol().code(), names.get(s.symbol().code()), s.explanation().quantScore(),
                        s.explanation().aiScore().isPresent() ? s.explanation().aiScore().getAsDouble() : null,
                        s.score(), s.recommendation().name()))
                .toList();
        log.info("final scores of {}: {} stocks, {} buy / {} sell, {} degraded, in {} ms", date, scores.size(), buy,
                sell, degraded, millisSince(started));
        return new FinalSummary(date, scores.size(), buy, scores.size() - buy - sell, sell, degraded, reason, top);
    }

    /** The quant scores stored for {@code date}, in symbol order. */
    List<QuantScore> storedQuantScores(LocalDate date) {
        List<QuantScore> out = new ArrayList<>();
        db.select(QUANT_SCORE_DAILY.SYMBOL, QUANT_SCORE_DAILY.REGIME, QUANT_SCORE_DAILY.QUANT_SCORE,
                        QUANT_SCORE_DAILY.IMPUTED_FACTORS, QUANT_SCORE_DAILY.DETAIL)
                .from(QUANT_SCORE_DAILY)
                .where(QUANT_SCORE_DAILY.TRADE_DATE.eq(date))
                .orderBy(QUANT_SCORE_DAILY.SYMBOL)
                .forEach(r -> out.add(ScoringJson.quantScoreOf(r.value1(), r.value2(), r.value3(), r.value4(),
                        ScoringJson.read(r.value5(), ScoringJson.QuantDetail.class,
                                "quant_score_daily.detail of " + r.value1().trim() + " on " + date))));
        return out;
    }

    /**
     * A recalculation: each stock keeps the AI score already stored for the date, or its recorded degraded reason.
     * When no AI score is stored at all the day is scored quant-only, with the stored reason (or {@code fallback}).
     */
    private List<FinalScore> rescoreWithStoredAi(LocalDate date, List<QuantScore> quant, FinalScorer scorer,
            String fallback) {
        Map<Symbol, StoredAi> stored = new HashMap<>();
        db.select(SCORE_DAILY.SYMBOL, SCORE_DAILY.AI_SCORE, SCORE_DAILY.DEGRADED_REASON)
                .from(SCORE_DAILY)
                .where(SCORE_DAILY.TRADE_DATE.eq(date))
                .forEach(r -> stored.put(Symbol.of(r.value1().trim()), new StoredAi(r.value2(), r.value3())));
        Map<Symbol, Double> ai = new HashMap<>();
        stored.forEach((symbol, s) -> {
            if (s.aiScore() != null) {
                ai.put(symbol, s.aiScore());
            }
        });
        List<FinalScore> scores;
        if (ai.isEmpty()) {
            String reason = stored.values().stream().map(StoredAi::degradedReason).filter(Objects::nonNull)
                    .findFirst().orElse(fallback != null ? fallback
                            : "recalculation of " + date + ": no AI scores stored for the date");
            scores = scorer.scoreQuantOnly(quant, reason);
        } else {
            scores = scorer.score(quant, ai);
        }
        List<FinalScore> out = new ArrayList<>(scores.size());
        for (FinalScore s : scores) {
            StoredAi before = stored.get(s.symbol());
            String reason = before == null ? null : before.degradedReason();
            out.add(s.degraded() && reason != null && !reason.equals(s.degradedReason()) ? withReason(s, reason) : s);
        }
        return out;
    }

    private static FinalScore withReason(FinalScore s, String reason) {
        ScoreExplanation x = s.explanation();
        return new FinalScore(s.symbol(), s.score(), s.recommendation(), new ScoreExplanation(x.symbol(), x.regime(),
                x.factors(), x.categoryScores(), x.categoryWeights(), x.quantScore(), x.quantNormalised(), x.aiScore(),
                x.aiNormalised(), x.weights(), x.blended(), x.blendedZ(), x.finalScore(), x.recommendation(), true,
                reason));
    }

    private void persistFinal(LocalDate date, String workflowId, List<FinalScore> scores) {
        OffsetDateTime now = now();
        db.transaction(tx -> {
            DSLContext t = tx.dsl();
            t.deleteFrom(SCORE_DAILY).where(SCORE_DAILY.TRADE_DATE.eq(date)).execute();
            for (int from = 0; from < scores.size(); from += BATCH_ROWS) {
                var insert = t.insertInto(SCORE_DAILY, SCORE_DAILY.TRADE_DATE, SCORE_DAILY.SYMBOL,
                        SCORE_DAILY.QUANT_SCORE, SCORE_DAILY.AI_SCORE, SCORE_DAILY.FINAL_SCORE,
                        SCORE_DAILY.RECOMMENDATION, SCORE_DAILY.REGIME, SCORE_DAILY.WEIGHTS, SCORE_DAILY.DEGRADED,
                        SCORE_DAILY.DEGRADED_REASON, SCORE_DAILY.WORKFLOW_ID, SCORE_DAILY.COMPUTED_AT);
                for (FinalScore s : scores.subList(from, Math.min(scores.size(), from + BATCH_ROWS))) {
                    ScoreExplanation x = s.explanation();
                    insert = insert.values(date, s.symbol().code(), x.quantScore(),
                            x.aiScore().isPresent() ? x.aiScore().getAsDouble() : null, s.score(),
                            s.recommendation().name(), x.regime().name(), ScoringJson.write(ScoringJson.weightsOf(x)),
                            s.degraded(), s.degradedReason(), workflowId, now);
                }
                insert.execute();
            }
        });
    }

    private static ScoreRow rowOf(FinalScore s, String name) {
        ScoreExplanation x = s.explanation();
        return new ScoreRow(s.symbol().code(), name, s.score(), s.recommendation().name(), x.quantScore(),
                x.aiScore().isPresent() ? x.aiScore().getAsDouble() : null, s.degradedReason(), x.regime().name());
    }

    // ---------------------------------------------------------------- I2, watchlist, rebalance

    @Override
    public LastGoodScores lastGoodScores(LocalDate date, int maxAgeHours) {
        return queries.lastGoodScores(date, clock, maxAgeHours);
    }

    /**
     * Publishes the watchlist: the {@code size} best final scores of {@code scoresDate} plus every BUY and SELL,
     * best first, as one {@link WatchlistMessage} JSON record keyed by the trading date.
     */
    @Override
    public WatchlistPublication publishWatchlist(WatchlistRequest request) {
        Objects.requireNonNull(request, "request");
        if (request.size() < 0) {
            throw new IllegalArgumentException("watchlist size must be >= 0, got " + request.size());
        }
        if (request.stale() && (request.reason() == null || request.reason().isBlank())) {
            throw new IllegalArgumentException("a stale watchlist for " + request.date() + " must say why");
        }
        List<ScoreRow> rows = queries.scores(request.scoresDate(), 0);
        if (rows.isEmpty()) {
            throw new IllegalStateException("no final scores stored for " + request.scoresDate()
                    + ": cannot publish the watchlist of " + request.date());
        }
        List<WatchlistMessage.Entry> entries = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ScoreRow r = rows.get(i);
            if (i < request.size() || !Recommendation.NEUTRAL.name().equals(r.recommendation())) {
                entries.add(new WatchlistMessage.Entry(i + 1, r.symbol(), r.name(), r.finalScore(), r.recommendation(),
                        r.quantScore(), r.aiScore(), r.degradedReason()));
            }
        }
        WatchlistMessage message = new WatchlistMessage(request.date().toString(), request.scoresDate().toString(),
                request.stale(), request.stale() ? request.reason() : null, clock.instant().toString(), entries);
        String json;
        try {
            json = ScoringJson.MAPPER.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the watchlist of " + request.date() + " as JSON", e);
        }
        String topic = settings.watchlistTopic();
        RecordMetadata sent;
        try {
            sent = producer.send(new ProducerRecord<>(topic, request.date().toString(), json))
                    .get(KAFKA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing the watchlist to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge the watchlist of " + request.date() + " on "
                    + topic + " within " + KAFKA_TIMEOUT.toSeconds() + " s: " + e.getMessage(), e);
        }
        log.info("watchlist of {} ({} stocks from scores of {}{}) published to {}-{}@{}", request.date(),
                entries.size(), request.scoresDate(), request.stale() ? ", stale" : "", topic, sent.partition(),
                sent.offset());
        return new WatchlistPublication(topic, sent.partition(), sent.offset(), entries.size(), request.stale());
    }

    /**
     * The strongest BUYs of {@code scoresDate} (at most {@code maxPositions}), each weighted 1/n capped at
     * {@code maxWeight}; the remainder stays in cash. Replaces the plan of {@code planDate}.
     */
    @Override
    public RebalancePlan planRebalance(LocalDate planDate, LocalDate scoresDate, int maxPositions, double maxWeight) {
        Objects.requireNonNull(planDate, "planDate");
        Objects.requireNonNull(scoresDate, "scoresDate");
        if (maxPositions < 0) {
            throw new IllegalArgumentException("maxPositions must be >= 0, got " + maxPositions);
        }
        if (!(maxWeight > 0 && maxWeight <= 1)) {
            throw new IllegalArgumentException("maxWeight must be within (0, 1], got " + maxWeight);
        }
        List<Record> buys = new ArrayList<>(db.select(SCORE_DAILY.SYMBOL, SCORE_DAILY.FINAL_SCORE)
                .from(SCORE_DAILY)
                .where(SCORE_DAILY.TRADE_DATE.eq(scoresDate),
                        SCORE_DAILY.RECOMMENDATION.eq(Recommendation.BUY.name()))
                .orderBy(SCORE_DAILY.FINAL_SCORE.desc(), SCORE_DAILY.SYMBOL)
                .limit(maxPositions)
                .fetch());
        double weight = buys.isEmpty() ? 0 : Math.min(1.0 / buys.size(), maxWeight);
        List<RebalancePlan.Target> targets = buys.stream()
                .map(r -> new RebalancePlan.Target(r.get(SCORE_DAILY.SYMBOL).trim(), r.get(SCORE_DAILY.FINAL_SCORE),
                        weight))
                .toList();
        db.transaction(tx -> {
            DSLContext t = tx.dsl();
            t.deleteFrom(REBALANCE_TARGET).where(REBALANCE_TARGET.PLAN_DATE.eq(planDate)).execute();
            if (!targets.isEmpty()) {
                var insert = t.insertInto(REBALANCE_TARGET, REBALANCE_TARGET.PLAN_DATE, REBALANCE_TARGET.SYMBOL,
                        REBALANCE_TARGET.SCORES_DATE, REBALANCE_TARGET.FINAL_SCORE, REBALANCE_TARGET.TARGET_WEIGHT,
                        REBALANCE_TARGET.CREATED_AT);
                OffsetDateTime now = now();
                for (RebalancePlan.Target target : targets) {
                    insert = insert.values(planDate, target.symbol(), scoresDate, target.finalScore(), target.weight(),
                            now);
                }
                insert.execute();
            }
        });
        log.info("rebalance plan of {} from scores of {}: {} targets at {} each", planDate, scoresDate,
                targets.size(), String.format("%.4f", weight));
        return new RebalancePlan(planDate, scoresDate, targets);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static long millisSince(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }
}
