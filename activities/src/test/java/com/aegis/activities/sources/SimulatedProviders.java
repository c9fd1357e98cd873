package com.aegis.activities.sources;

import com.aegis.marketsim.generator.GeneratorConfig;
import com.aegis.marketsim.generator.MarketGenerator;
import com.aegis.marketsim.generator.PlantedEffects;
import com.aegis.marketsim.generator.ProgressListener;
import com.aegis.marketsim.providers.MarketHistoryProviderData;
import com.aegis.marketsim.providers.ProviderData;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/** A 50-stock, one-year generated market (once per JVM) and test clocks for the simulated providers. */
final class SimulatedProviders {

    static final ZoneId KST = ZoneId.of("Asia/Seoul");
    static final String DART_KEY = "test-dart-key-7f3a9c21e4";
    /** Retries without real waiting. */
    static final Sleeper NO_WAIT = d -> { };
    static final RetryPolicy FAST_RETRY = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1));

    private static ProviderData data;

    private SimulatedProviders() {
    }

    static synchronized ProviderData data() {
        if (data == null) {
            data = new MarketHistoryProviderData(MarketGenerator.generate(new GeneratorConfig(11L, 50, 1,
                    LocalDate.of(2026, 11, 20), false, PlantedEffects.defaults()), ProgressListener.NONE));
        }
        return data;
    }

    static LocalDate lastDay() {
        return data().tradingDays().get(data().tradingDays().size() - 1);
    }

    static Instant kst(LocalDate date, int hour) {
        return date.atTime(LocalTime.of(hour, 0)).atZone(KST).toInstant();
    }

    /** A simulated clock the test sets. */
    static final class SetClock implements Supplier<Instant> {
        private final AtomicReference<Instant> now;

        SetClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void set(Instant t) {
            now.set(t);
        }

        @Override
        public Instant get() {
            return now.get();
        }
    }

    /** A simulated clock that moves forward by {@code step} every time a request reads it. */
    static final class SteppingClock implements Supplier<Instant> {
        private final AtomicReference<Instant> now;
        private final Duration step;

        SteppingClock(Instant start, Duration step) {
            this.now = new AtomicReference<>(start);
            this.step = step;
        }

        void set(Instant t) {
            now.set(t);
        }

        @Override
        public Instant get() {
            return now.getAndUpdate(t -> t.plus(step));
        }
    }
}
