package com.aegis.marketsim.generator;

import com.aegis.core.market.Market;
import java.time.LocalDate;

/** Hidden model parameters of one stock, fixed at universe creation. Not part of the public output. */
final class StockProfile {
    final int index;
    final Market market;
    final int sectorIndex;
    final boolean preferred;
    /** Index of the common stock a preferred share belongs to, -1 for common stock. */
    int parentIndex = -1;
    double capAtListing;
    long initialPrice;
    long shares;
    long parValue;
    double beta;
    double idioVol;
    double sectorLoading;
    double baseTurnover;
    /** First day index with a bar, and one past the last. */
    int firstDay;
    int endDay;
    LocalDate listedOn;
    LocalDate delistedOn;
    String code;
    String isin;
    String corpCode;
    String name;
    String nameEn;
    /** Start of the distress period (administrative designation before delisting), -1 if none. */
    int distressFrom = -1;
    /** Per-day flags relative to the history (null when the stock has none). */
    byte[] dayFlags;

    static final byte HALTED = 1;
    static final byte LIQUIDATION = 2;

    StockProfile(int index, Market market, int sectorIndex, boolean preferred) {
        this.index = index;
        this.market = market;
        this.sectorIndex = sectorIndex;
        this.preferred = preferred;
    }

    boolean halted(int day) {
        return dayFlags != null && (dayFlags[day] & HALTED) != 0;
    }

    boolean liquidation(int day) {
        return dayFlags != null && (dayFlags[day] & LIQUIDATION) != 0;
    }

    void flag(int day, byte flag, int historyDays) {
        if (dayFlags == null) {
            dayFlags = new byte[historyDays];
        }
        dayFlags[day] |= flag;
    }
}
