package com.aegis.marketsim.exchange;

/** The exchange order number (KIS calls it ODNO); unique within a simulator, assigned on acceptance. */
public record ExchangeOrderId(long value) implements Comparable<ExchangeOrderId> {

    public ExchangeOrderId {
        if (value <= 0) {
            throw new IllegalArgumentException("exchange order number must be positive, got " + value);
        }
    }

    /** Ten digits, zero padded, as brokers display order numbers. */
    @Override
    public String toString() {
        return String.format("%010d", value);
    }

    @Override
    public int compareTo(ExchangeOrderId other) {
        return Long.compare(value, other.value);
    }
}
