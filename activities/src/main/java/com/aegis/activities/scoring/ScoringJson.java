package com.aegis.activities.scoring;

import com.aegis.core.factors.Factor;
import com.aegis.core.factors.FactorCategory;
import com.aegis.core.factors.FactorValue;
import com.aegis.core.factors.MissingReason;
import com.aegis.core.factors.Neutralisation;
import com.aegis.core.factors.Sector;
import com.aegis.core.market.Symbol;
import com.aegis.core.scoring.FactorExposure;
import com.aegis.core.scoring.MarketRegime;
import com.aegis.core.scoring.QuantScore;
import com.aegis.core.scoring.ScoreExplanation;
import com.aegis.core.scoring.StandardisedStock;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.JSONB;

/**
 * The JSON stored in {@code quant_score_daily.detail} and {@code score_daily.weights}. Doubles are written in
 * Java's shortest round-trip form and jsonb keeps numbers as exact decimals, so a value read back is the same double:
 * a rebuilt score is bit-for-bit the stored one. NaN (a missing raw value, an absent AI part) is written as null.
 */
final class ScoringJson {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private ScoringJson() {
    }

    /**
     * {@code quant_score_daily.detail}: everything to rebuild the {@link QuantScore}.
     *
     * @param sector          the sector the stock was standardised in
     * @param categoryScores  mean z-score per category
     * @param categoryWeights the regime's category weights
     * @param factorWeights   effective weight per factor
     * @param exposures       the 12 factor exposures
     */
    record QuantDetail(String sector, Map<String, Double> categoryScores, Map<String, Double> categoryWeights,
                       Map<String, Double> factorWeights, List<Exposure> exposures) {
    }

    /**
     * One factor exposure.
     *
     * @param factor        factor name
     * @param raw           raw value, null when missing
     * @param missingReason why it is missing, or null
     * @param winsorised    winsorised raw value, null when missing
     * @param z             z-score used (imputed when {@code imputed})
     * @param imputed       whether {@code z} was imputed
     * @param against       SECTOR or MARKET peers
     */
    record Exposure(String factor, Double raw, String missingReason, Double winsorised, double z, boolean imputed,
                    String against) {
    }

    /**
     * {@code score_daily.weights}: the weights applied and every intermediate of the A4 mapping.
     *
     * @param quant           quant weight applied (1 when degraded)
     * @param ai              AI weight applied (0 when degraded)
     * @param categoryWeights the regime's category weights
     * @param factorWeights   effective weight per factor
     * @param categoryScores  mean z-score per category
     * @param quantNormalised the quant score min-max scaled over the day
     * @param aiNormalised    the AI score min-max scaled over the day; null when not used
     * @param blended         the blend of the normalised parts
     * @param z               the blend's z-score over the day
     */
    record FinalWeights(double quant, double ai, Map<String, Double> categoryWeights, Map<String, Double> factorWeights,
                        Map<String, Double> categoryScores, double quantNormalised, Double aiNormalised,
                        double blended, double z) {
    }

    static JSONB write(Object value) {
        try {
            return JSONB.valueOf(MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    static <T> T read(JSONB json, Class<T> type, String where) {
        try {
            return MAPPER.readValue(json.data(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(where + " holds JSON that is not a " + type.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }

    static double orNaN(Double v) {
        return v == null ? Double.NaN : v;
    }

    static QuantDetail detailOf(QuantScore q) {
        List<Exposure> exposures = new ArrayList<>(Factor.values().length);
        for (Factor factor : Factor.values()) {
            FactorExposure e = q.stock().get(factor);
            exposures.add(new Exposure(factor.name(), e.raw().isPresent() ? e.raw().value() : null,
                    e.raw().missingReason() == null ? null : e.raw().missingReason().name(),
                    finiteOrNull(e.winsorised()), e.zScore(), e.imputed(), e.standardisedAgainst().name()));
        }
        return new QuantDetail(q.stock().sector().name(), byName(q.categoryScores()), byName(q.categoryWeights()),
                byName(q.factorWeights()), exposures);
    }

    /** Rebuilds the quant score stored for one stock. */
    static QuantScore quantScoreOf(String symbol, String regime, double value, int imputed, QuantDetail detail) {
        Symbol s = Symbol.of(symbol.trim());
        Map<Factor, FactorExposure> exposures = new EnumMap<>(Factor.class);
        for (Exposure e : detail.exposures()) {
            Factor factor = Factor.valueOf(e.factor());
            exposures.put(factor, new FactorExposure(factor, rawOf(factor, e.raw(), e.missingReason()),
                    orNaN(e.winsorised()), e.z(), e.imputed(), Neutralisation.valueOf(e.against())));
        }
        if (exposures.size() != Factor.values().length) {
            throw new IllegalStateException("quant_score_daily of " + symbol + " holds " + exposures.size()
                    + " factor exposures, expected " + Factor.values().length);
        }
        return new QuantScore(s, MarketRegime.valueOf(regime), new StandardisedStock(s, Sector.of(detail.sector()),
                exposures), categories(detail.categoryScores()), categories(detail.categoryWeights()),
                factors(detail.factorWeights()), value, imputed);
    }

    static FactorValue rawOf(Factor factor, Double raw, String missingReason) {
        if (missingReason != null) {
            return FactorValue.missing(factor, MissingReason.valueOf(missingReason));
        }
        if (raw == null) {
            throw new IllegalStateException(factor + " has neither a raw value nor a missing reason");
        }
        return FactorValue.of(factor, raw);
    }

    static FinalWeights weightsOf(ScoreExplanation x) {
        return new FinalWeights(x.weights().quant(), x.weights().ai(), byName(x.categoryWeights()),
                factorWeightsOf(x), byName(x.categoryScores()), x.quantNormalised(), finiteOrNull(x.aiNormalised()),
                x.blended(), x.blendedZ());
    }

    private static Map<String, Double> factorWeightsOf(ScoreExplanation x) {
        Map<String, Double> out = new LinkedHashMap<>();
        x.factors().forEach(c -> out.put(c.factor().name(), c.weight()));
        return out;
    }

    static <E extends Enum<E>> Map<String, Double> byName(Map<E, Double> values) {
        Map<String, Double> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k.name(), v));
        return out;
    }

    static Map<FactorCategory, Double> categories(Map<String, Double> values) {
        Map<FactorCategory, Double> out = new EnumMap<>(FactorCategory.class);
        values.forEach((k, v) -> out.put(FactorCategory.valueOf(k), v));
        return out;
    }

    static Map<Factor, Double> factors(Map<String, Double> values) {
        Map<Factor, Double> out = new EnumMap<>(Factor.class);
        values.forEach((k, v) -> out.put(Factor.valueOf(k), v));
        return out;
    }
}
