package com.aegis.core.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The collector's check of one field across all stocks: non-finite values out, then Tukey fences, then a z-score
 * limit on what the fences kept (the fences first, so a single absurd value cannot mask itself by inflating the
 * deviation). Each rejection names the first check it failed.
 *
 * @param fences the IQR filter
 * @param zCheck the z-score limit applied after it
 */
public record CrossSectionValidator(TukeyFences fences, ZScoreCheck zCheck) {

    /** Fences at k = 3 and |z| ≤ 4: only values far outside normal market behaviour are held back. */
    public static CrossSectionValidator defaults() {
        return new CrossSectionValidator(new TukeyFences(3.0), new ZScoreCheck(4.0));
    }

    /** Validates one field's values by key. */
    public ValidationOutcome validate(String field, Map<String, Double> values) {
        ValidationOutcome afterFences = fences.filter(field, values);
        ValidationOutcome afterZ = zCheck.crossSection(field, afterFences.accepted());
        List<Rejection> rejected = new ArrayList<>(afterFences.rejected());
        rejected.addAll(afterZ.rejected());
        return new ValidationOutcome(field, afterZ.accepted(), rejected);
    }
}
