package com.aegis.marketsim.generator;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Everything that determines a generated market. The same config (seed included) always yields the same
 * {@link MarketHistory}, bit for bit, whatever the thread count.
 *
 * @param seed       root seed of every random stream
 * @param stocks     number of listed instruments over the whole period (split KOSPI/KOSDAQ/KONEX like KRX)
 * @param years      length of the daily history, in calendar years ending at {@code endDate}
 * @param endDate    last calendar date of the history (KST); the last bar is on the last trading day up to it
 * @param nullMarket when true every planted effect is off and returns are i.i.d. given nothing observable
 * @param effects    planted effect strengths (ignored when {@code nullMarket} is true)
 */
public record GeneratorConfig(long seed, int stocks, int years, LocalDate endDate, boolean nullMarket,
                              PlantedEffects effects) {

    public static final int MIN_STOCKS = 30;
    public static final int MAX_STOCKS = 20_000;
    /** The KRX calendar in core covers 2015..2027; fundamentals reach two years before the first bar. */
    public static final LocalDate FIRST_POSSIBLE_START = com.aegis.core.krx.KrxCalendar.FIRST_DATE;
    public static final LocalDate LAST_POSSIBLE_END = com.aegis.core.krx.KrxCalendar.LAST_DATE;

    public GeneratorConfig {
        Objects.requireNonNull(endDate, "endDate");
        Objects.requireNonNull(effects, "effects");
        if (stocks < MIN_STOCKS || stocks > MAX_STOCKS) {
            throw new IllegalArgumentException("stocks must be between " + MIN_STOCKS + " and " + MAX_STOCKS
                    + ", got " + stocks);
        }
        if (years < 1 || years > 12) {
            throw new IllegalArgumentException("years must be between 1 and 12, got " + years);
        }
        if (endDate.isAfter(LAST_POSSIBLE_END)) {
            throw new IllegalArgumentException("endDate " + endDate + " is after " + LAST_POSSIBLE_END
                    + ", the last date the KRX trading calendar covers; choose an earlier end date");
        }
        LocalDate start = endDate.minusYears(years).plusDays(1);
        if (start.isBefore(FIRST_POSSIBLE_START)) {
            throw new IllegalArgumentException("a history of " + years + " years ending " + endDate + " starts "
                    + start + ", before " + FIRST_POSSIBLE_START
                    + " (the first date the KRX trading calendar covers); use fewer years or a later end date");
        }
    }

    /** 2,800 stocks, 3 years ending 2026-11-20, default planted effects. */
    public static GeneratorConfig defaults(long seed) {
        return new GeneratorConfig(seed, 2_800, 3, LocalDate.of(2026, 11, 20), false, PlantedEffects.defaults());
    }

    /** First calendar date of the history. */
    public LocalDate startDate() {
        return endDate.minusYears(years).plusDays(1);
    }

    /** The effects actually applied: none in a null market. */
    public PlantedEffects activeEffects() {
        return nullMarket ? PlantedEffects.none() : effects;
    }

    public GeneratorConfig withSeed(long s) {
        return new GeneratorConfig(s, stocks, years, endDate, nullMarket, effects);
    }

    public GeneratorConfig withStocks(int n) {
        return new GeneratorConfig(seed, n, years, endDate, nullMarket, effects);
    }

    public GeneratorConfig withYears(int y) {
        return new GeneratorConfig(seed, stocks, y, endDate, nullMarket, effects);
    }

    public GeneratorConfig withEndDate(LocalDate d) {
        return new GeneratorConfig(seed, stocks, years, d, nullMarket, effects);
    }

    public GeneratorConfig withNullMarket(boolean n) {
        return new GeneratorConfig(seed, stocks, years, endDate, n, effects);
    }

    public GeneratorConfig withEffects(PlantedEffects e) {
        return new GeneratorConfig(seed, stocks, years, endDate, nullMarket, e);
    }
}
