package com.aegis.activities.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aegis.marketsim.fault.FaultPlan;
import com.aegis.marketsim.fault.FaultRule;
import com.aegis.marketsim.fault.LatencyDistribution;
import com.aegis.marketsim.generator.GlobalIndicator;
import com.aegis.marketsim.generator.GlobalObservation;
import com.aegis.marketsim.providers.YahooChartSimulator;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class YahooChartClientTest {

    private final LocalDate day = SimulatedProviders.lastDay();
    private final SimulatedProviders.SetClock clock = new SimulatedProviders.SetClock(SimulatedProviders.kst(day, 8));

    private YahooChartClient client(YahooChartSimulator sim) {
        return new YahooChartClient(new ProviderSettings(sim.baseUri(), Duration.ofSeconds(2),
                Duration.ofSeconds(5), SimulatedProviders.FAST_RETRY), SimulatedProviders.NO_WAIT);
    }

    @Test
    void readsTheDailyChartOfEveryGlobalIndicator() {
        try (YahooChartSimulator sim = YahooChartSimulator.start(SimulatedProviders.data(), FaultPlan.none(), clock,
                0)) {
            YahooChartClient yahoo = client(sim);
            LocalDate from = day.minusDays(40);
            LocalDate to = day.minusDays(10);
            for (GlobalIndicator g : GlobalIndicator.values()) {
                ChartSeries series = yahoo.dailyChart(g.code(), from, to).value();
                List<GlobalObservation> expected = SimulatedProviders.data().globalSeries(g).stream()
                        .filter(o -> !o.date().isBefore(from) && !o.date().isAfter(to)).toList();
                assertThat(series.symbol()).isEqualTo(g.code());
                assertThat(series.bars()).hasSize(expected.size());
                assertThat(series.bars()).extracting(ChartBar::date)
                        .containsExactlyElementsOf(expected.stream().map(GlobalObservation::date).toList());
                ChartBar last = series.last().orElseThrow();
                assertThat(last.close()).isCloseTo(expected.get(expected.size() - 1).value(),
                        org.assertj.core.data.Offset.offset(1e-3));
                assertThat(last.high()).isGreaterThanOrEqualTo(last.close());
                assertThat(last.low()).isLessThanOrEqualTo(last.close());
            }
        }
    }

    @Test
    void anUnknownSymbolIsRejectedAndAGarbledBodyIsAProtocolError() {
        try (YahooChartSimulator sim = YahooChartSimulator.start(SimulatedProviders.data(), FaultPlan.none(), clock,
                0)) {
            assertThatThrownBy(() -> client(sim).dailyChart("^NOPE", day.minusDays(5), day))
                    .isInstanceOfSatisfying(SourceRejectedException.class, e -> {
                        assertThat(e.providerCode()).isEqualTo("Not Found");
                        assertThat(e.getMessage()).contains("^NOPE").contains("check the symbol");
                        assertThat(e.attempts()).isEqualTo(1);
                    });
        }
        FaultPlan garbled = new FaultPlan(2, new FaultRule(LatencyDistribution.NONE, 0, 1, 0, Duration.ZERO),
                List.of(), List.of());
        try (YahooChartSimulator sim = YahooChartSimulator.start(SimulatedProviders.data(), garbled, clock, 0)) {
            YahooChartClient yahoo = client(sim);
            assertThatThrownBy(() -> yahoo.dailyChart("^VIX", day.minusDays(5), day))
                    .isInstanceOf(SourceProtocolException.class).hasMessageContaining("^VIX");
            assertThat(yahoo.stats().protocolErrors()).isEqualTo(4);
        }
    }
}
