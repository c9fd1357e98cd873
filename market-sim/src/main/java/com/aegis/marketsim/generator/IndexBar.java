package com.aegis.marketsim.generator;

import java.time.LocalDate;

/** Daily bar of an index; levels in points rounded to two decimals, volume and traded value summed over members. */
public record IndexBar(String indexCode, LocalDate tradeDate, double open, double high, double low, double close,
                       long volume, long tradedValue) {
}
