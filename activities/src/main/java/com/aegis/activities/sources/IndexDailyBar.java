package com.aegis.activities.sources;

import java.time.LocalDate;

/** Daily bar of a KRX index: levels in points, volume in shares, traded value and market cap in KRW. */
public record IndexDailyBar(KrxIndex index, LocalDate tradeDate, double open, double high, double low, double close,
                            long volume, long tradedValue, long marketCap) {
}
