package com.aegis.workers;

import com.aegis.activities.quality.DataQualityRepository;
import com.aegis.activities.quality.SourceHealth;
import com.aegis.activities.sources.DailyPrice;
import com.aegis.activities.sources.FailoverFetcher;
import com.aegis.activities.sources.FetchOutcome;
import com.aegis.localstack.LocalStack;
import com.aegis.marketsim.generator.PostgresHistoryLoader;
import com.aegis.marketsim.generator.ProgressListener;
import com.aegis.marketsim.services.FaultMode;
import com.aegis.marketsim.services.SimulatedProviders;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * D2/D4 on the running system: with the KRX data service in an outage, a day's prices still arrive through the KIS
 * daily chart, and the data-quality record in PostgreSQL says which source delivered and why.
 */
@LocalWorkersTest
class DataCollectionFailoverTest {

    @Autowired
    SimulatedProviders simulator;

    @Autowired
    FailoverFetcher fetcher;

    @Autowired
    DataQualityRepository quality;

    @Test
    void aKrxOutageFallsBackToKisAndTheFetchRecordSaysSo() throws Exception {
        SimulatedMarketInDatabase.ensureLoaded(simulator);
        List<LocalDate> days = simulator.history().tradingDays();
        LocalDate previous = days.get(days.size() - 2);
        Instant windowStart = Instant.now();
        String batch = "failover-" + UUID.randomUUID();

        simulator.setFaultMode(SimulatedProviders.KRX, FaultMode.OUTAGE, 0, 600);
        FetchOutcome<List<DailyPrice>> outcome;
        try {
            outcome = fetcher.dailyPrices(previous, batch);
        } finally {
            simulator.setFaultMode(SimulatedProviders.KRX, FaultMode.NORMAL, 0, 0);
        }

        assertThat(outcome.record().success()).isTrue();
        assertThat(outcome.record().primarySource()).isEqualTo("KRX_DATA");
        assertThat(outcome.record().chosenSource()).isEqualTo("KIS_DAILY_PRICE");
        assertThat(outcome.record().fallbackReason()).contains("KRX_DATA");
        List<DailyPrice> prices = outcome.value().orElseThrow();
        int day = days.size() - 2;
        long traded = java.util.stream.IntStream.range(0, simulator.history().bars().stockCount())
                .filter(s -> simulator.history().bars().hasBar(s, day)).count();
        assertThat(prices).hasSize((int) traded);
        Map<String, DailyPrice> bySymbol = prices.stream()
                .collect(Collectors.toMap(p -> p.symbol().code(), Function.identity()));
        simulator.history().barsOf(prices.get(0).symbol()).stream()
                .filter(b -> b.tradeDate().equals(previous))
                .forEach(b -> assertThat(bySymbol.get(b.symbol().code()).close()).isEqualTo(b.close()));

        assertThat(quality.saveFetches(List.of(outcome.record()))).isEqualTo(1);
        List<SourceHealth> health = quality.sourceHealth(windowStart.minusSeconds(60), Instant.now().plusSeconds(60));
        assertThat(health).anySatisfy(h -> {
            assertThat(h.source()).isEqualTo("KRX_DATA");
            assertThat(h.delivered()).isZero();
        });
        assertThat(health).anySatisfy(h -> {
            assertThat(h.source()).isEqualTo("KIS_DAILY_PRICE");
            assertThat(h.delivered()).isPositive();
        });
    }
}
