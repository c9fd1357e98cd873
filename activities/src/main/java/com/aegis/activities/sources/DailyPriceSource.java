package com.aegis.activities.sources;

import java.time.LocalDate;
import java.util.List;

/** A source of every listed stock's end-of-day price for a trading day (KRX data; the KIS daily price as alternate). */
public interface DailyPriceSource {

    /** Name recorded in {@code source_fetch.chosen_source}, e.g. KRX_DATA or KIS_DAILY_PRICE. */
    String sourceName();

    /** All stocks' prices for the day; an empty list if the day has no data (yet). */
    Fetched<List<DailyPrice>> dailyPrices(LocalDate tradeDate);
}
