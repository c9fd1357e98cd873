package com.aegis.core.krx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aegis.core.market.Market;
import com.aegis.core.market.Side;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TradingCostsTest {

    private final TradingCosts costs = TradingCosts.standard();

    @ParameterizedTest(name = "commission on {0} = {1}")
    @CsvSource({"0, 0", "999, 0", "6666, 0", "6667, 1", "1000000, 150", "10000000, 1500", "123456789, 18518",
            "9000000000000000, 1350000000000"})
    void defaultCommissionIsPoint015PercentTruncatedToTheWon(long notional, long commission) {
        assertThat(costs.commission(notional)).isEqualTo(commission);
    }

    @Test
    void commissionRateIsConfigurableInHundredthsOfABasisPoint() {
        assertThat(TradingCosts.withCommissionBasisPoints("0.36").commission(10_000_000)).isEqualTo(360);
        assertThat(TradingCosts.withCommissionBasisPoints("14.97").commission(1_000_000)).isEqualTo(1_497);
        assertThat(TradingCosts.withCommissionBasisPoints("0").commission(1_000_000)).isZero();
        assertThat(costs.schedule().commissionBasisPoints()).isEqualByComparingTo(new BigDecimal("1.5"));
        assertThatThrownBy(() -> TradingCosts.withCommissionBasisPoints("1.505"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.505");
        assertThatThrownBy(() -> TradingCosts.withCommissionBasisPoints("-1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} {1}: {2} bp")
    @CsvSource({
            "KOSPI, 2015-03-02, 30", "KOSDAQ, 2015-03-02, 30", "KONEX, 2015-03-02, 30",
            "KOSPI, 2018-07-02, 30", "KOSDAQ, 2018-07-02, 30", "KONEX, 2018-07-02, 30",
            "KOSPI, 2019-07-01, 25", "KOSDAQ, 2019-07-01, 25", "KONEX, 2019-07-01, 10",
            "KOSPI, 2021-06-01, 23", "KOSDAQ, 2022-06-02, 23", "KONEX, 2022-06-02, 10",
            "KOSPI, 2023-06-01, 20", "KOSDAQ, 2023-06-01, 20", "KONEX, 2023-06-01, 10",
            "KOSPI, 2024-06-03, 18", "KOSDAQ, 2024-06-03, 18", "KONEX, 2024-06-03, 10",
            "KOSPI, 2025-06-02, 15", "KOSDAQ, 2025-06-02, 15", "KONEX, 2025-06-02, 10",
            "KOSPI, 2026-06-02, 20", "KOSDAQ, 2026-06-02, 20", "KONEX, 2026-06-02, 10",
            "KOSPI, 2027-12-30, 20"})
    void sellTaxRateByYearAndMarket(Market market, LocalDate tradeDate, int basisPoints) {
        assertThat(TradingCosts.sellTaxBasisPoints(market, tradeDate)).isEqualTo(basisPoints);
        assertThat(costs.sellTax(market, tradeDate, 10_000_000)).isEqualTo(basisPoints * 1_000L);
    }

    @ParameterizedTest(name = "sale on {0} (settles {1}) pays {2} bp on KOSDAQ")
    @CsvSource({
            "2019-05-29, 2019-05-31, 30", "2019-05-30, 2019-06-03, 25",
            "2020-12-28, 2020-12-30, 25", "2020-12-29, 2021-01-04, 23",
            "2022-12-27, 2022-12-29, 23", "2022-12-28, 2023-01-02, 20",
            "2023-12-26, 2023-12-28, 20", "2023-12-27, 2024-01-02, 18",
            "2024-12-26, 2024-12-30, 18", "2024-12-27, 2025-01-02, 15",
            "2025-12-26, 2025-12-30, 15", "2025-12-29, 2026-01-02, 20"})
    void rateChangesFollowTheSettlementDate(LocalDate tradeDate, LocalDate settlement, int basisPoints) {
        assertThat(KrxCalendar.standard().settlementDate(tradeDate)).isEqualTo(settlement);
        assertThat(TradingCosts.sellTaxBasisPoints(Market.KOSDAQ, tradeDate)).isEqualTo(basisPoints);
    }

    @Test
    void kospiTaxTruncatesTransactionTaxAndRuralTaxSeparately() {
        // 2026: 0.05% of 1,234,567 = 617.28 -> 617; 0.15% = 1,851.85 -> 1,851
        assertThat(costs.sellTax(Market.KOSPI, LocalDate.of(2026, 3, 3), 1_234_567)).isEqualTo(2_468);
        // KOSDAQ pays one 0.20% tax: 2,469.13 -> 2,469
        assertThat(costs.sellTax(Market.KOSDAQ, LocalDate.of(2026, 3, 3), 1_234_567)).isEqualTo(2_469);
        // 2025: KOSPI transaction tax 0%, only the rural tax
        assertThat(costs.sellTax(Market.KOSPI, LocalDate.of(2025, 3, 4), 1_234_567)).isEqualTo(1_851);
        assertThat(costs.sellTax(Market.KONEX, LocalDate.of(2025, 3, 4), 1_234_567)).isEqualTo(1_234);
    }

    @Test
    void buyAndSellFillCostsToTheWon() {
        FillCost buy = costs.cost(Side.BUY, Market.KOSPI, LocalDate.of(2024, 3, 4), 71_000, 10);
        assertThat(buy).isEqualTo(new FillCost(Side.BUY, 710_000, 106, 0, -710_106));
        FillCost sell = costs.cost(Side.SELL, Market.KOSPI, LocalDate.of(2024, 3, 4), 71_000, 10);
        // commission 106.5 -> 106; tax 0.03% 213 + 0.15% 1,065
        assertThat(sell).isEqualTo(new FillCost(Side.SELL, 710_000, 106, 1_278, 708_616));
        FillCost kosdaqSell = costs.cost(Side.SELL, Market.KOSDAQ, LocalDate.of(2025, 7, 1), 12_340, 77);
        // 950,180: commission 142.527 -> 142, tax 0.15% 1,425.27 -> 1,425
        assertThat(kosdaqSell).isEqualTo(new FillCost(Side.SELL, 950_180, 142, 1_425, 948_613));
    }

    @Test
    void invalidFillsAreRefused() {
        assertThatThrownBy(() -> costs.cost(Side.BUY, Market.KOSPI, LocalDate.of(2024, 3, 4), 0, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive price");
        assertThatThrownBy(() -> costs.commission(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> costs.cost(Side.BUY, Market.KOSPI, LocalDate.of(2024, 3, 4), Long.MAX_VALUE, 2))
                .isInstanceOf(ArithmeticException.class);
    }
}
