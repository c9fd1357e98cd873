package com.aegis.core.screening;

import static com.aegis.core.screening.ExclusionReason.ADMINISTRATIVE_DESIGNATION;
import static com.aegis.core.screening.ExclusionReason.HALTED;
import static com.aegis.core.screening.ExclusionReason.INSUFFICIENT_TRADING_HISTORY;
import static com.aegis.core.screening.ExclusionReason.LOW_TRADED_VALUE;
import static com.aegis.core.screening.ExclusionReason.SMALL_MARKET_CAP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aegis.core.market.Symbol;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScreenerTest {

    private static final long BILLION = 1_000_000_000L;
    private static final long LIQUID = 5 * BILLION;
    private static final long LARGE = 300 * BILLION;

    private static List<Long> sessions(long value, int count) {
        return new ArrayList<>(Collections.nCopies(count, value));
    }

    private static ScreeningInput stock(String code, List<Long> traded, long cap, boolean halted, boolean admin) {
        return new ScreeningInput(Symbol.of(code), traded, cap, halted, admin);
    }

    private static ScreeningInput liquidLarge(String code) {
        return stock(code, sessions(LIQUID, 20), LARGE, false, false);
    }

    @Test
    void averageTradedValueOfExactlyOneBillionIsExcludedBecauseTheRuleIsStrict() {
        ScreeningResult result = Screener.screen(List.of(stock("000010", sessions(BILLION, 20), LARGE, false, false)),
                ScreenerCriteria.defaults());
        assertThat(result.kept()).isEmpty();
        assertThat(result.excluded()).singleElement().satisfies(e -> {
            assertThat(e.firstReason()).isEqualTo(LOW_TRADED_VALUE);
            assertThat(e.detail()).contains("1000000000 <= 1000000000");
        });
    }

    @Test
    void oneWonAboveOneBillionOnAverageIsKept() {
        // 20 sessions of 1 billion plus 20 won spread over the window: average 1,000,000,001
        List<Long> traded = sessions(BILLION, 20);
        traded.set(19, BILLION + 20);
        assertThat(Screener.screen(List.of(stock("000020", traded, LARGE, false, false)), ScreenerCriteria.defaults())
                .kept()).hasSize(1);
        // one won more in total than 20 billion is above the threshold too (average 1,000,000,000.05)
        traded.set(19, BILLION + 1);
        assertThat(Screener.screen(List.of(stock("000021", traded, LARGE, false, false)), ScreenerCriteria.defaults())
                .kept()).hasSize(1);
    }

    @Test
    void marketCapOfExactlyFiftyBillionIsExcludedAndOneWonMoreIsKept() {
        ScreeningResult result = Screener.screen(List.of(
                stock("000030", sessions(LIQUID, 20), 50 * BILLION, false, false),
                stock("000031", sessions(LIQUID, 20), 50 * BILLION + 1, false, false)), ScreenerCriteria.defaults());
        assertThat(result.kept()).extracting(s -> s.symbol().code()).containsExactly("000031");
        assertThat(result.excluded()).singleElement()
                .satisfies(e -> assertThat(e.allReasons()).containsExactly(SMALL_MARKET_CAP));
    }

    @Test
    void onlyTheMostRecentSessionsAreAveraged() {
        // a huge day 21 sessions ago does not lift the 20-session average
        List<Long> traded = sessions(BILLION / 2, 21);
        traded.set(0, 1_000 * BILLION);
        ScreeningResult result = Screener.screen(List.of(stock("000040", traded, LARGE, false, false)),
                ScreenerCriteria.defaults());
        assertThat(result.excluded()).singleElement()
                .satisfies(e -> assertThat(e.firstReason()).isEqualTo(LOW_TRADED_VALUE));
    }

    @Test
    void shortHistoryIsAnExplicitReason() {
        ScreeningResult result = Screener.screen(List.of(stock("000050", sessions(LIQUID, 19), LARGE, false, false)),
                ScreenerCriteria.defaults());
        assertThat(result.excluded()).singleElement().satisfies(e -> {
            assertThat(e.firstReason()).isEqualTo(INSUFFICIENT_TRADING_HISTORY);
            assertThat(e.detail()).contains("19 sessions");
        });
    }

    @Test
    void everyFailingRuleIsReportedWithTheFirstOneFirstAndCounted() {
        ScreeningResult result = Screener.screen(List.of(
                liquidLarge("005930"),
                stock("000060", sessions(BILLION / 10, 20), 10 * BILLION, true, true),
                stock("000070", sessions(LIQUID, 20), 10 * BILLION, false, true),
                stock("000080", sessions(BILLION / 10, 20), LARGE, false, false),
                liquidLarge("000660")), ScreenerCriteria.defaults());

        assertThat(result.kept()).extracting(s -> s.symbol().code()).containsExactly("005930", "000660");
        assertThat(result.excluded()).extracting(e -> e.symbol().code()).containsExactly("000060", "000070", "000080");
        Exclusion worst = result.excluded().get(0);
        assertThat(worst.firstReason()).isEqualTo(HALTED);
        assertThat(worst.allReasons())
                .containsExactly(HALTED, ADMINISTRATIVE_DESIGNATION, LOW_TRADED_VALUE, SMALL_MARKET_CAP);
        assertThat(result.countByFirstReason()).containsEntry(HALTED, 1).containsEntry(ADMINISTRATIVE_DESIGNATION, 1)
                .containsEntry(LOW_TRADED_VALUE, 1).containsEntry(SMALL_MARKET_CAP, 0);
        assertThat(result.countByAnyReason()).containsEntry(HALTED, 1).containsEntry(ADMINISTRATIVE_DESIGNATION, 2)
                .containsEntry(LOW_TRADED_VALUE, 2).containsEntry(SMALL_MARKET_CAP, 2)
                .containsEntry(INSUFFICIENT_TRADING_HISTORY, 0);
    }

    @Test
    void criteriaAreConfigurable() {
        ScreeningInput halted = stock("000090", sessions(3 * BILLION, 5), 40 * BILLION, true, true);
        ScreenerCriteria lenient = ScreenerCriteria.defaults().withExcludeHalted(false).withExcludeAdministrative(false)
                .withAveragingSessions(5).withMinAverageTradedValue(2 * BILLION).withMinMarketCap(30 * BILLION);
        assertThat(Screener.screen(List.of(halted), lenient).kept()).hasSize(1);
        assertThat(Screener.screen(List.of(halted), lenient.withMinAverageTradedValue(3 * BILLION)).kept()).isEmpty();
    }

    @Test
    void invalidCriteriaAndInputsAreRefusedWithTheOffendingValue() {
        assertThatThrownBy(() -> ScreenerCriteria.defaults().withAveragingSessions(0)).hasMessageContaining("0");
        assertThatThrownBy(() -> stock("000100", List.of(-1L), LARGE, false, false))
                .hasMessageContaining("000100").hasMessageContaining("-1");
    }

    @Test
    void whenMoreStocksPassThanTheOutputAllowsTheMostLiquidAreKept() {
        List<ScreeningInput> universe = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            // Average traded value grows with i: the 200 kept must be i = 50..249.
            universe.add(stock(String.format("%06d", 100 + i), sessions(LIQUID + i * BILLION / 10, 20), LARGE, false,
                    false));
        }
        universe.add(stock("999990", sessions(BILLION, 20), LARGE, false, false));
        ScreeningResult result = Screener.screen(universe, ScreenerCriteria.defaults());
        assertThat(result.kept()).hasSize(ScreenerCriteria.DEFAULT_MAX_PASSED);
        assertThat(result.kept()).extracting(s -> s.symbol().code()).first().isEqualTo("000150");
        assertThat(result.countByFirstReason()).containsEntry(ExclusionReason.BELOW_LIQUIDITY_RANK, 50)
                .containsEntry(LOW_TRADED_VALUE, 1);
        assertThat(result.excluded()).filteredOn(e -> e.firstReason() == ExclusionReason.BELOW_LIQUIDITY_RANK)
                .allSatisfy(e -> assertThat(e.detail()).contains("200 most liquid"));
        assertThat(Screener.screen(universe, ScreenerCriteria.defaults().withMaxPassed(300)).kept()).hasSize(250);
    }
}
