package com.aegis.core.validation;

/**
 * The closed interval a value had to lie in to be accepted.
 *
 * @param lower smallest accepted value (may be −∞)
 * @param upper largest accepted value (may be +∞)
 */
public record Bounds(double lower, double upper) {

    /** Bounds that accept every finite value, used when a sample is too small to judge. */
    public static final Bounds UNBOUNDED = new Bounds(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

    public Bounds {
        if (Double.isNaN(lower) || Double.isNaN(upper) || lower > upper) {
            throw new IllegalArgumentException("bounds need lower <= upper, got [" + lower + ", " + upper + "]");
        }
    }

    /** True when {@code value} lies inside the interval, ends included. */
    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }

    @Override
    public String toString() {
        return "[" + lower + ", " + upper + "]";
    }
}
