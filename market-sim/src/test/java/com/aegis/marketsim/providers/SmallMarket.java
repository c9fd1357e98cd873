package com.aegis.marketsim.providers;

import com.aegis.marketsim.generator.GeneratorConfig;
import com.aegis.marketsim.generator.MarketGenerator;
import com.aegis.marketsim.generator.MarketHistory;
import com.aegis.marketsim.generator.PlantedEffects;
import com.aegis.marketsim.generator.ProgressListener;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.Instant;

/** A 50-stock, one-year generated market shared by the provider tests (generated once per JVM). */
final class SmallMarket {

    static final ZoneId KST = ZoneId.of("Asia/Seoul");
    private static MarketHistory history;
    private static ProviderData data;

    private SmallMarket() {
    }

    static synchronized MarketHistory history() {
        if (history == null) {
            history = MarketGenerator.generate(new GeneratorConfig(11L, 50, 1, LocalDate.of(2026, 11, 20), false,
                    PlantedEffects.defaults()), ProgressListener.NONE);
        }
        return history;
    }

    static synchronized ProviderData data() {
        if (data == null) {
            data = new MarketHistoryProviderData(history());
        }
        return data;
    }

    static LocalDate lastDay() {
        return data().tradingDays().get(data().tradingDays().size() - 1);
    }

    static Instant kst(LocalDate date, int hour) {
        return date.atTime(LocalTime.of(hour, 0)).atZone(KST).toInstant();
    }
}
