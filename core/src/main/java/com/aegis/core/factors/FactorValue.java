package com.aegis.core.factors;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The raw value of one factor for one stock: either a finite number or explicitly missing with a reason.
 *
 * @param factor        which factor
 * @param value         the raw value; NaN when missing
 * @param missingReason why it is missing; null when present
 */
public record FactorValue(Factor factor, double value, MissingReason missingReason) {

    public FactorValue {
        Objects.requireNonNull(factor, "factor");
        if (missingReason == null && !Double.isFinite(value)) {
            throw new IllegalArgumentException(factor + " value must be finite when present, got " + value);
        }
        if (missingReason != null) {
            value = Double.NaN;
        }
    }

    public static FactorValue of(Factor factor, double value) {
        return new FactorValue(factor, value, null);
    }

    public static FactorValue missing(Factor factor, MissingReason reason) {
        return new FactorValue(factor, Double.NaN, Objects.requireNonNull(reason, "reason"));
    }

    public boolean isPresent() {
        return missingReason == null;
    }

    public OptionalDouble asOptional() {
        return isPresent() ? OptionalDouble.of(value) : OptionalDouble.empty();
    }

    @Override
    public String toString() {
        return factor + "=" + (isPresent() ? Double.toString(value) : "missing(" + missingReason + ")");
    }
}
