package com.aegis.activities.collection;

import com.aegis.core.validation.CrossSectionValidator;
import com.aegis.core.validation.TukeyFences;
import com.aegis.core.validation.ZScoreCheck;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Thresholds of the collectors' validation (D3).
 *
 * @param iqrK                 Tukey fence multiplier beyond which a value is flagged for review (default 3.0, Tukey's
 *                             "far out")
 * @param zLimit               |z| beyond which a value is flagged for review (default 4.0); also the limit of a global
 *                             indicator's daily change against its own last 60 changes
 * @param rejectIqrK           Tukey fence multiplier above which a turnover (traded value / market cap) is rejected
 *                             (default 10.0: only values no market produces, such as a traded value off by a unit of
 *                             a million; none of the 140,000 bars of the generated test market). Returns are never
 *                             rejected statistically (the price limit bounds them) and values below the bounds are
 *                             only flagged (an illiquid stock does trade very little)
 * @param rejectZLimit         |z| above which a turnover is rejected (default 12.0)
 * @param priceLimit           the exchange's daily price limit as a fraction of the base price (default 0.30); a
 *                             close beyond it cannot be real and is rejected
 * @param priceTolerance       relative slack for rounding when checking the price limit, the average traded price
 *                             against the day's range and the market cap against close × listed shares
 *                             (default 0.01)
 * @param balanceTolerance     relative slack of assets = liabilities + equity in a financial statement
 *                             (default 0.005); a larger gap is flagged
 * @param staleShare           share of the traded stocks whose close, volume and traded value equal the previous
 *                             session's beyond which a day's prices are taken as a repeat of that session (stale) and
 *                             not stored (default 0.9)
 * @param zone                 the market's time zone, for KST dates (default Asia/Seoul)
 */
public record CollectionSettings(double iqrK, double zLimit, double rejectIqrK, double rejectZLimit,
                                 double priceLimit, double priceTolerance, double balanceTolerance, double staleShare,
                                 ZoneId zone) {

    public static final ZoneId KST = ZoneId.of("Asia/Seoul");

    public CollectionSettings {
        // k and z as the core checks accept them.
        new TukeyFences(iqrK);
        new ZScoreCheck(zLimit);
        new TukeyFences(rejectIqrK);
        new ZScoreCheck(rejectZLimit);
        if (!(priceLimit > 0 && priceLimit < 1)) {
            throw new IllegalArgumentException("priceLimit must be within (0, 1), got " + priceLimit);
        }
        if (!(priceTolerance >= 0 && priceTolerance < 0.5)) {
            throw new IllegalArgumentException("priceTolerance must be within [0, 0.5), got " + priceTolerance);
        }
        if (!(balanceTolerance >= 0 && balanceTolerance < 1)) {
            throw new IllegalArgumentException("balanceTolerance must be within [0, 1), got " + balanceTolerance);
        }
        if (rejectIqrK < iqrK || rejectZLimit < zLimit) {
            throw new IllegalArgumentException("the rejection bounds (k " + rejectIqrK + ", z " + rejectZLimit
                    + ") must be at least as wide as the review bounds (k " + iqrK + ", z " + zLimit + ")");
        }
        if (!(staleShare > 0 && staleShare <= 1)) {
            throw new IllegalArgumentException("staleShare must be within (0, 1], got " + staleShare);
        }
        Objects.requireNonNull(zone, "zone");
    }

    /** The documented defaults. */
    public static CollectionSettings defaults() {
        return new CollectionSettings(3.0, 4.0, 10.0, 12.0, 0.30, 0.01, 0.005, 0.9, KST);
    }

    /** The cross-sectional validator whose bounds flag a value for review. */
    public CrossSectionValidator reviewCrossSection() {
        return new CrossSectionValidator(new TukeyFences(iqrK), new ZScoreCheck(zLimit));
    }

    /** The cross-sectional validator whose bounds reject a value. */
    public CrossSectionValidator rejectionCrossSection() {
        return new CrossSectionValidator(new TukeyFences(rejectIqrK), new ZScoreCheck(rejectZLimit));
    }
}
