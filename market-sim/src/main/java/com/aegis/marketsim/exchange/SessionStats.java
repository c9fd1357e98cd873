package com.aegis.marketsim.exchange;

/** The day so far for one stock; prices are 0 until the first trade. */
public record SessionStats(long open, long high, long low, long last, long volume, long value, long trades) {
}
