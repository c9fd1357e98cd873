package com.aegis.activities.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aegis.core.market.Market;
import com.aegis.marketsim.fault.FaultPlan;
import com.aegis.marketsim.fault.FaultRule;
import com.aegis.marketsim.fault.LatencyDistribution;
import com.aegis.marketsim.generator.DailyBar;
import com.aegis.marketsim.generator.IndexBar;
import com.aegis.marketsim.providers.KrxDataSimulator;
import com.aegis.marketsim.providers.OpenDartSimulator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class KrxDataClientTest {

    private final LocalDate day = SimulatedProviders.lastDay();
    private final SimulatedProviders.SetClock clock = new SimulatedProviders.SetClock(SimulatedProviders.kst(day, 18));

    private KrxDataClient client(KrxDataSimulator sim) {
        return new KrxDataClient(new ProviderSettings(sim.baseUri(), Duration.ofSeconds(2),
                Duration.ofSeconds(5), SimulatedProviders.FAST_RETRY), SimulatedProviders.NO_WAIT);
    }

    private static FaultPlan plan(double errorRate, double malformedRate) {
        return new FaultPlan(3, new FaultRule(LatencyDistribution.NONE, errorRate, malformedRate, 0, Duration.ZERO),
                List.of(), List.of());
    }

    @Test
    void readsEveryTickersPricesOfADayWithCommaNumbersTurnedIntoKrw() {
        try (KrxDataSimulator sim = KrxDataSimulator.start(SimulatedProviders.data(), FaultPlan.none(), clock, 0)) {
            Fetched<List<DailyPrice>> fetched = client(sim).dailyPrices(day);
            List<DailyBar> bars = SimulatedProviders.data().barsOn(day);
            assertThat(fetched.attempts()).isEqualTo(1);
            assertThat(fetched.value()).hasSize(bars.size());
            DailyPrice first = fetched.value().get(0);
            DailyBar bar = bars.get(0);
            assertThat(first.symbol()).isEqualTo(bar.symbol());
            assertThat(first.close()).isEqualTo(bar.close());
            assertThat(first.volume()).isEqualTo(bar.volume());
            assertThat(first.tradedValue()).isEqualTo(bar.tradedValue());
            assertThat(first.change()).isEqualTo(bar.close() - bar.basePrice());
            assertThat(first.marketCap()).isEqualTo(bar.close() * first.listedShares());
            List<DailyPrice> kosdaq = client(sim).dailyPrices(day, KrxMarket.KSQ).value();
            assertThat(kosdaq).isNotEmpty().allMatch(p -> p.market() == Market.KOSDAQ);
        }
    }

    @Test
    void readsFundamentalsSectorsAndIndexBars() {
        try (KrxDataSimulator sim = KrxDataSimulator.start(SimulatedProviders.data(), FaultPlan.none(), clock, 0)) {
            KrxDataClient krx = client(sim);
            List<StockFundamentals> fundamentals = krx.fundamentals(day, KrxMarket.ALL).value();
            assertThat(fundamentals).isNotEmpty();
            assertThat(fundamentals).anySatisfy(f -> {
                assertThat(f.bps()).isPresent();
                assertThat(f.pbr()).isPresent();
            });
            assertThat(fundamentals).allSatisfy(f -> assertThat(f.per().isPresent())
                    .isEqualTo(f.eps().isPresent() && f.eps().getAsLong() > 0));
            List<SectorClassification> sectors = krx.sectors(day, KrxMarket.STK).value();
            assertThat(sectors).isNotEmpty().allSatisfy(s -> assertThat(s.industry()).isNotBlank());
            List<IndexDailyBar> kospi = krx.indexBars(KrxIndex.KOSPI, day.minusDays(30), day).value();
            List<IndexBar> expected = SimulatedProviders.data().indexBars("KOSPI", day.minusDays(30), day);
            assertThat(kospi).hasSize(expected.size());
            assertThat(kospi.get(kospi.size() - 1).tradeDate()).isEqualTo(day);
            assertThat(kospi.get(kospi.size() - 1).close()).isEqualTo(expected.get(expected.size() - 1).close());
        }
    }

    @Test
    void frequentServerErrorsAreAbsorbedByRetries() {
        try (KrxDataSimulator sim = KrxDataSimulator.start(SimulatedProviders.data(), plan(0.3, 0), clock, 0)) {
            KrxDataClient krx = client(sim);
            int retried = 0;
            for (int i = 0; i < 6; i++) {
                Fetched<List<DailyPrice>> f = krx.dailyPrices(day, KrxMarket.STK);
                assertThat(f.value()).isNotEmpty();
                retried += f.attempts() - 1;
            }
            assertThat(retried).isPositive();
            assertThat(krx.stats().retries()).isEqualTo(retried);
        }
    }

    @Test
    void aServerThatKeepsFailingGivesUpAfterThreeRetries() {
        try (KrxDataSimulator sim = KrxDataSimulator.start(SimulatedProviders.data(), plan(1, 0), clock, 0)) {
            KrxDataClient krx = client(sim);
            assertThatThrownBy(() -> krx.dailyPrices(day))
                    .isInstanceOfSatisfying(SourceUnavailableException.class, e -> {
                        assertThat(e.retryable()).isTrue();
                        assertThat(e.attempts()).isEqualTo(4);
                        assertThat(e.getMessage()).contains("MDCSTAT01501").contains("HTTP 500");
                    });
            assertThat(sim.requestsReceived()).isEqualTo(4);
        }
    }

    @Test
    void malformedPayloadsAreRejectedWithAClearErrorAndCounted() {
        try (KrxDataSimulator sim = KrxDataSimulator.start(SimulatedProviders.data(), plan(0, 1), clock, 0)) {
            KrxDataClient krx = client(sim);
            assertThatThrownBy(() -> krx.dailyPrices(day))
                    .isInstanceOf(SourceProtocolException.class)
                    .hasMessageContaining("not JSON");
            assertThat(krx.stats().protocolErrors()).isEqualTo(4);
            assertThat(krx.stats().failures()).isEqualTo(1);
        }
    }

    @Test
    void missingValuesShownAsDashAreEmptyAndGarbageNumbersNameTheField() throws Exception {
        KrxFields f = new KrxFields("KRX_DATA", "MDCSTAT01501");
        var row = new ObjectMapper().readTree("{\"ISU_SRT_CD\":\"005930\",\"TDD_OPNPRC\":\"-\",\"TDD_CLSPRC\":"
                + "\"71,000\",\"PER\":\"\",\"ACC_TRDVOL\":\"12x\"}");
        assertThat(f.optionalLong(row, "TDD_OPNPRC")).isEmpty();
        assertThat(f.longValue(row, "TDD_CLSPRC")).isEqualTo(71_000L);
        assertThat(f.optionalDouble(row, "PER")).isEmpty();
        assertThatThrownBy(() -> f.longValue(row, "ACC_TRDVOL")).isInstanceOf(SourceProtocolException.class)
                .hasMessageContaining("005930").hasMessageContaining("ACC_TRDVOL").hasMessageContaining("12x");
        assertThatThrownBy(() -> f.longValue(row, "MKTCAP")).isInstanceOf(SourceProtocolException.class)
                .hasMessageContaining("misses field MKTCAP");
    }

    @Test
    void aWrongEndpointIsRejectedWithoutRetrying() {
        try (OpenDartSimulator other = OpenDartSimulator.start(SimulatedProviders.data(),
                OpenDartSimulator.Settings.of("k", 10), FaultPlan.none(), clock, 0)) {
            KrxDataClient krx = new KrxDataClient(KrxDataClient.settings(other.baseUri()),
                    SimulatedProviders.NO_WAIT);
            assertThatThrownBy(() -> krx.dailyPrices(day))
                    .isInstanceOfSatisfying(SourceRejectedException.class, e -> {
                        assertThat(e.retryable()).isFalse();
                        assertThat(e.attempts()).isEqualTo(1);
                        assertThat(e.providerCode()).isEqualTo("404");
                    });
        }
    }

    @Test
    void anAnswerSlowerThanTheRequestTimeoutIsATimeout() {
        FaultPlan slow = new FaultPlan(3, new FaultRule(LatencyDistribution.fixed(600), 0, 0, 0, Duration.ZERO),
                List.of(), List.of());
        try (KrxDataSimulator sim = KrxDataSimulator.start(SimulatedProviders.data(), slow, clock, 0)) {
            KrxDataClient krx = new KrxDataClient(new ProviderSettings(sim.baseUri(), Duration.ofSeconds(1),
                    Duration.ofMillis(150), new RetryPolicy(0, Duration.ZERO, Duration.ZERO)),
                    SimulatedProviders.NO_WAIT);
            assertThatThrownBy(() -> krx.dailyPrices(day)).isInstanceOf(SourceUnavailableException.class)
                    .hasMessageContaining("timed out after 150 ms");
        }
    }
}
