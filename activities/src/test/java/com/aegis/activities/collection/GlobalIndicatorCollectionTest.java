package com.aegis.activities.collection;

import static com.aegis.db.jooq.Tables.GLOBAL_INDICATOR_VALUE;
import static com.aegis.db.jooq.Tables.SOURCE_FETCH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aegis.activities.testing.TestMarket;
import com.aegis.db.jooq.tables.records.GlobalIndicatorValueRecord;
import com.aegis.db.jooq.tables.records.SourceFetchRecord;
import com.aegis.marketsim.fault.FaultPlan;
import com.aegis.marketsim.fault.FaultRule;
import com.aegis.marketsim.fault.OutageWindow;
import com.aegis.marketsim.generator.GlobalIndicator;
import com.aegis.marketsim.generator.GlobalObservation;
import com.aegis.marketsim.providers.ProviderData;
import com.aegis.workflows.batch.CollectionReport;
import com.aegis.workflows.batch.CollectionRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Global indices, FX, rates and commodities through the simulated Yahoo chart service. */
class GlobalIndicatorCollectionTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    /** The US session before the Seoul evening of {@link #DAY}: the latest close public at that time. */
    private static final LocalDate US_SESSION = LocalDate.of(2026, 11, 19);

    private static ProviderData market;

    @BeforeAll
    static void loadMarket() {
        TestMarket.history();
        market = TestMarket.providerData();
    }

    private static String batch(String what) {
        return "collect-" + what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static GlobalIndicatorValueRecord stored(DSLContext dsl, GlobalIndicator g, LocalDate obsDate) {
        return dsl.selectFrom(GLOBAL_INDICATOR_VALUE).where(GLOBAL_INDICATOR_VALUE.CODE.eq(g.code()))
                .and(GLOBAL_INDICATOR_VALUE.OBS_DATE.eq(obsDate)).fetchOne();
    }

    private static double observed(GlobalIndicator g, LocalDate date) {
        return market.globalSeries(g).stream().filter(o -> o.date().equals(date)).findFirst()
                .map(GlobalObservation::value).orElseThrow();
    }

    @Test
    void everyIndicatorsLatestCloseIsStoredOnceAndAYahooOutageFallsBackToTheLastGoodValue() {
        Instant now = SimulatedCollection.evening(DAY);
        try (SimulatedCollection c = new SimulatedCollection(market, FaultPlan.none(), now)) {
            String batchId = batch("globals");
            CollectionReport report = c.activities.collectGlobalIndicators(new CollectionRequest(DAY, batchId));

            int indicators = GlobalIndicator.values().length;
            assertThat(report.dataset()).isEqualTo("GLOBAL_INDICATOR");
            assertThat(report.source()).isEqualTo("YAHOO_CHART");
            assertThat(report.degraded()).isFalse();
            assertThat(report.fetched()).isEqualTo(indicators);
            assertThat(report.stored()).isEqualTo(indicators);
            for (GlobalIndicator g : GlobalIndicator.values()) {
                GlobalIndicatorValueRecord r = stored(c.dsl, g, US_SESSION);
                assertThat(r.getSource()).isEqualTo("YAHOO_CHART");
                assertThat(r.getValue().doubleValue()).isCloseTo(observed(g, US_SESSION),
                        org.assertj.core.data.Offset.offset(1e-4));
            }
            assertThat(c.dsl.selectFrom(SOURCE_FETCH).where(SOURCE_FETCH.BATCH_ID.eq(batchId)).fetch())
                    .hasSize(indicators).allMatch(f -> f.getChosenSource().equals("YAHOO_CHART") && f.getSuccess());

            c.activities.collectGlobalIndicators(new CollectionRequest(DAY, batch("globals")));
            assertThat(c.dsl.fetchCount(GLOBAL_INDICATOR_VALUE, GLOBAL_INDICATOR_VALUE.OBS_DATE.eq(US_SESSION)))
                    .isEqualTo(indicators);
        }

        FaultPlan yahooDown = new FaultPlan(11, FaultRule.NONE, List.of(), List.of(
                new OutageWindow("yahoo", "*", now.minusSeconds(600), now.plusSeconds(3_600))));
        try (SimulatedCollection c = new SimulatedCollection(market, yahooDown, now)) {
            String batchId = batch("globals-down");
            CollectionReport report = c.activities.collectGlobalIndicators(new CollectionRequest(DAY, batchId));

            assertThat(report.source()).isEqualTo("LAST_GOOD");
            assertThat(report.degraded()).isTrue();
            assertThat(report.fallbackReason()).contains("YAHOO_CHART failed after 4 attempt(s)");
            assertThat(report.stored()).isZero();
            assertThat(report.warnings()).hasSize(GlobalIndicator.values().length)
                    .allMatch(w -> w.startsWith("using the last good") && w.contains("for " + DAY));
            List<SourceFetchRecord> fetches = c.dsl.selectFrom(SOURCE_FETCH)
                    .where(SOURCE_FETCH.BATCH_ID.eq(batchId)).fetch();
            assertThat(fetches).allSatisfy(f -> {
                assertThat(f.getChosenSource()).isEqualTo("LAST_GOOD");
                assertThat(f.getSuccess()).isTrue();
                assertThat(f.getFallbackReason()).contains("YAHOO_CHART failed");
            });

            // Before the history there is no last good value: the stage fails for the workflow to retry.
            LocalDate beforeHistory = LocalDate.of(2020, 1, 6);
            assertThatThrownBy(() -> c.activities.collectGlobalIndicators(new CollectionRequest(beforeHistory,
                    batch("globals-down"))))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no last good value");
        }
    }
}
