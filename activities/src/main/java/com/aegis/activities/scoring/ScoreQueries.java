package com.aegis.activities.scoring;

import static com.aegis.db.jooq.Tables.FACTOR_VALUE;
import static com.aegis.db.jooq.Tables.INSTRUMENT;
import static com.aegis.db.jooq.Tables.QUANT_SCORE_DAILY;
import static com.aegis.db.jooq.Tables.SCORE_DAILY;

import com.aegis.core.factors.Factor;
import com.aegis.core.factors.FactorValue;
import com.aegis.core.factors.Neutralisation;
import com.aegis.core.market.Symbol;
import com.aegis.core.scoring.FactorContribution;
import com.aegis.core.scoring.FinalScoreWeights;
import com.aegis.core.scoring.MarketRegime;
import com.aegis.core.scoring.Recommendation;
import com.aegis.core.scoring.ScoreExplanation;
import com.aegis.db.jooq.tables.records.QuantScoreDailyRecord;
import com.aegis.db.jooq.tables.records.ScoreDailyRecord;
import com.aegis.workflows.scoring.LastGoodScores;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Record3;
import org.jooq.impl.DSL;

/** The read side of the stored scores, for the command line and for serving the last good scores (I2). */
public final class ScoreQueries {

    private final DSLContext db;

    public ScoreQueries(DSLContext db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** The final scores of {@code date}, best first (ties by symbol); {@code top} = 0 lists them all. */
    public List<ScoreRow> scores(LocalDate date, int top) {
        if (top < 0) {
            throw new IllegalArgumentException("top must be >= 0, got " + top);
        }
        var query = db.select(SCORE_DAILY.SYMBOL, INSTRUMENT.NAME, SCORE_DAILY.FINAL_SCORE,
                        SCORE_DAILY.RECOMMENDATION, SCORE_DAILY.QUANT_SCORE, SCORE_DAILY.AI_SCORE,
                        SCORE_DAILY.DEGRADED_REASON, SCORE_DAILY.REGIME)
                .from(SCORE_DAILY)
                .join(INSTRUMENT).on(INSTRUMENT.SYMBOL.eq(SCORE_DAILY.SYMBOL))
                .where(SCORE_DAILY.TRADE_DATE.eq(date))
                .orderBy(SCORE_DAILY.FINAL_SCORE.desc(), SCORE_DAILY.SYMBOL);
        return (top == 0 ? query.fetch() : query.limit(top).fetch()).map(r -> new ScoreRow(r.value1().trim(),
                r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(), r.value8()));
    }

    /** The final score of one stock on {@code date}, if it was scored. */
    public Optional<ScoreRow> score(String symbol, LocalDate date) {
        return db.select(SCORE_DAILY.SYMBOL, INSTRUMENT.NAME, SCORE_DAILY.FINAL_SCORE, SCORE_DAILY.RECOMMENDATION,
                        SCORE_DAILY.QUANT_SCORE, SCORE_DAILY.AI_SCORE, SCORE_DAILY.DEGRADED_REASON, SCORE_DAILY.REGIME)
                .from(SCORE_DAILY)
                .join(INSTRUMENT).on(INSTRUMENT.SYMBOL.eq(SCORE_DAILY.SYMBOL))
                .where(SCORE_DAILY.TRADE_DATE.eq(date), SCORE_DAILY.SYMBOL.eq(code(symbol)))
                .fetchOptional(r -> new ScoreRow(r.value1().trim(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6(), r.value7(), r.value8()));
    }

    /**
     * How the stored final score of {@code symbol} on {@code date} came about, rebuilt from {@code score_daily} (the
     * weights and every step of the A4 mapping), {@code quant_score_daily} (winsorised values, imputation, peers) and
     * {@code factor_value} (raw values and z-scores). Empty when the stock was not scored that day.
     */
    public Optional<ScoreExplanation> explain(String symbol, LocalDate date) {
        String code = code(symbol);
        ScoreDailyRecord score = db.selectFrom(SCORE_DAILY)
                .where(SCORE_DAILY.TRADE_DATE.eq(date), SCORE_DAILY.SYMBOL.eq(code))
                .fetchOne();
        if (score == null) {
            return Optional.empty();
        }
        QuantScoreDailyRecord quant = db.selectFrom(QUANT_SCORE_DAILY)
                .where(QUANT_SCORE_DAILY.TRADE_DATE.eq(date), QUANT_SCORE_DAILY.SYMBOL.eq(code))
                .fetchOne();
        if (quant == null) {
            throw new IllegalStateException("score_daily holds " + code + " on " + date
                    + " but quant_score_daily does not: the quant stage was re-run without the final stage");
        }
        Map<Factor, Record3<String, Double, Double>> values = new EnumMap<>(Factor.class);
        db.select(FACTOR_VALUE.FACTOR, FACTOR_VALUE.RAW_VALUE, FACTOR_VALUE.Z_SCORE)
                .from(FACTOR_VALUE)
                .where(FACTOR_VALUE.TRADE_DATE.eq(date), FACTOR_VALUE.SYMBOL.eq(code))
                .forEach(r -> values.put(Factor.valueOf(r.value1()), r));
        String where = "score of " + code + " on " + date;
        ScoringJson.QuantDetail detail = ScoringJson.read(quant.getDetail(), ScoringJson.QuantDetail.class,
                "quant_score_daily.detail of " + code + " on " + date);
        ScoringJson.FinalWeights weights = ScoringJson.read(score.getWeights(), ScoringJson.FinalWeights.class,
                "score_daily.weights of " + code + " on " + date);
        List<FactorContribution> factors = new ArrayList<>(Factor.values().length);
        for (ScoringJson.Exposure e : detail.exposures()) {
            Factor factor = Factor.valueOf(e.factor());
            Record3<String, Double, Double> stored = values.get(factor);
            if (stored == null) {
                throw new IllegalStateException("factor_value has no " + factor + " row for the " + where);
            }
            FactorValue raw = ScoringJson.rawOf(factor, stored.value2(), e.missingReason());
            double z = stored.value3();
            Double weight = weights.factorWeights().get(factor.name());
            if (weight == null) {
                throw new IllegalStateException("score_daily.weights has no weight of " + factor + " for the " + where);
            }
            factors.add(new FactorContribution(factor, factor.category(), raw, ScoringJson.orNaN(e.winsorised()), z,
                    e.imputed(), Neutralisation.valueOf(e.against()), weight, weight * z));
        }
        Double ai = score.getAiScore();
        return Optional.of(new ScoreExplanation(Symbol.of(code), MarketRegime.valueOf(score.getRegime()), factors,
                ScoringJson.categories(weights.categoryScores()), ScoringJson.categories(weights.categoryWeights()),
                score.getQuantScore(), weights.quantNormalised(),
                ai == null ? OptionalDouble.empty() : OptionalDouble.of(ai), ScoringJson.orNaN(weights.aiNormalised()),
                new FinalScoreWeights(weights.quant(), weights.ai()), weights.blended(), weights.z(),
                score.getFinalScore(), Recommendation.valueOf(score.getRecommendation()), score.getDegraded(),
                score.getDegradedReason()));
    }

    /**
     * The scores to serve when the pipeline of {@code date} failed (I2): the final scores of
     * {@link #lastGoodScores}'s date, best first; empty when none are recent enough.
     */
    public List<ScoreRow> staleScores(LocalDate date, Clock clock, int maxAgeHours) {
        LastGoodScores last = lastGoodScores(date, clock, maxAgeHours);
        return last.found() ? scores(last.scoresDate(), 0) : List.of();
    }

    private static String code(String symbol) {
        Objects.requireNonNull(symbol, "symbol");
        return symbol.trim();
    }

    /**
     * The newest final scores of a date on or before {@code date} computed at most {@code maxAgeHours} before the
     * clock's now (requirement I2: last good scores, 24 h limit). {@code found} is false when none are that recent.
     */
    public LastGoodScores lastGoodScores(LocalDate date, Clock clock, int maxAgeHours) {
        Objects.requireNonNull(date, "date");
        if (maxAgeHours < 0) {
            throw new IllegalArgumentException("maxAgeHours must be >= 0, got " + maxAgeHours);
        }
        Instant now = clock.instant();
        OffsetDateTime oldest = OffsetDateTime.ofInstant(now.minus(Duration.ofHours(maxAgeHours)), ZoneOffset.UTC);
        var computed = DSL.max(SCORE_DAILY.COMPUTED_AT);
        var count = DSL.count();
        Record found = db.select(SCORE_DAILY.TRADE_DATE, computed, count)
                .from(SCORE_DAILY)
                .where(SCORE_DAILY.TRADE_DATE.le(date), SCORE_DAILY.COMPUTED_AT.ge(oldest))
                .groupBy(SCORE_DAILY.TRADE_DATE)
                .orderBy(SCORE_DAILY.TRADE_DATE.desc())
                .limit(1)
                .fetchOne();
        if (found == null) {
            return new LastGoodScores(false, null, null, 0, 0);
        }
        Instant at = found.get(computed).toInstant();
        long age = Math.max(0, Duration.between(at, now).toMinutes());
        return new LastGoodScores(true, found.get(SCORE_DAILY.TRADE_DATE), at.toString(), age, found.get(count));
    }
}
