package com.aegis.core.signal;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Splits a parent order into child slices over a horizon (requirement E4): TWAP (equal weights) or VWAP (weights
 * from a historical intraday volume profile). The horizon is cut into equal buckets; bucket i starts at
 * start + horizon·i/n. Quantities are apportioned by the largest-remainder method, so they are whole shares and sum
 * exactly to the parent; a bucket whose share rounds to zero gets no slice.
 *
 * @param parentQuantity shares of the parent order
 * @param slices         the child slices in time order
 */
public record SliceSchedule(long parentQuantity, List<Slice> slices) {

    public SliceSchedule {
        slices = List.copyOf(slices);
        long sum = slices.stream().mapToLong(Slice::quantity).sum();
        if (sum != parentQuantity) {
            throw new IllegalArgumentException("slices sum to " + sum + " shares, not the parent's " + parentQuantity);
        }
    }

    /** Equal quantities in {@code buckets} buckets; the first buckets take the leftover shares. */
    public static SliceSchedule twap(long parentQuantity, Instant start, Duration horizon, int buckets) {
        if (buckets < 1) {
            throw new IllegalArgumentException("a TWAP needs at least one bucket, got " + buckets);
        }
        long[] weights = new long[buckets];
        Arrays.fill(weights, 1);
        return apportion(parentQuantity, start, horizon, weights);
    }

    /**
     * Quantities proportional to a volume profile: {@code volumeProfile[i]} is the historical volume traded in
     * bucket i of the horizon (e.g. the average of the last 20 days per 10-minute bucket).
     */
    public static SliceSchedule vwap(long parentQuantity, Instant start, Duration horizon, long[] volumeProfile) {
        Objects.requireNonNull(volumeProfile, "volumeProfile");
        if (volumeProfile.length < 1) {
            throw new IllegalArgumentException("a VWAP needs a volume profile with at least one bucket");
        }
        long total = 0;
        for (long v : volumeProfile) {
            if (v < 0) {
                throw new IllegalArgumentException("volume profile entries must not be negative: "
                        + Arrays.toString(volumeProfile));
            }
            total = Math.addExact(total, v);
        }
        if (total == 0) {
            throw new IllegalArgumentException("the volume profile has no volume in any bucket; use a TWAP instead");
        }
        return apportion(parentQuantity, start, horizon, volumeProfile.clone());
    }

    private static SliceSchedule apportion(long parentQuantity, Instant start, Duration horizon, long[] weights) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(horizon, "horizon");
        if (parentQuantity < 1) {
            throw new IllegalArgumentException("parent quantity must be at least 1 share, got " + parentQuantity);
        }
        if (horizon.isNegative() || horizon.isZero()) {
            throw new IllegalArgumentException("horizon must be positive, got " + horizon);
        }
        int n = weights.length;
        BigInteger total = BigInteger.ZERO;
        for (long w : weights) {
            total = total.add(BigInteger.valueOf(w));
        }
        BigInteger parent = BigInteger.valueOf(parentQuantity);
        long[] quantities = new long[n];
        BigInteger[] remainders = new BigInteger[n];
        long assigned = 0;
        for (int i = 0; i < n; i++) {
            BigInteger[] qr = parent.multiply(BigInteger.valueOf(weights[i])).divideAndRemainder(total);
            quantities[i] = qr[0].longValueExact();
            remainders[i] = qr[1];
            assigned += quantities[i];
        }
        // Largest remainders first; ties go to the earlier bucket so the result is deterministic.
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer, BigInteger>comparing(i -> remainders[i]).reversed()
                .thenComparing(i -> i));
        for (int k = 0; assigned < parentQuantity; k++) {
            quantities[order[k]]++;
            assigned++;
        }
        List<Slice> slices = new ArrayList<>();
        long horizonNanos = horizon.toNanos();
        for (int i = 0; i < n; i++) {
            if (quantities[i] > 0) {
                long offset = BigInteger.valueOf(horizonNanos).multiply(BigInteger.valueOf(i))
                        .divide(BigInteger.valueOf(n)).longValueExact();
                slices.add(new Slice(slices.size(), start.plusNanos(offset), quantities[i]));
            }
        }
        return new SliceSchedule(parentQuantity, slices);
    }
}
