package com.aegis.core.execution;

import static com.aegis.core.execution.OrderFixtures.ACCOUNT;
import static com.aegis.core.execution.OrderFixtures.ID;
import static com.aegis.core.execution.OrderFixtures.SAMSUNG;
import static com.aegis.core.execution.OrderFixtures.kst;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.aegis.core.execution.OrderEvent.OrderAccepted;
import com.aegis.core.execution.OrderEvent.OrderSubmitted;
import com.aegis.core.krx.TradingCosts;
import com.aegis.core.market.Market;
import com.aegis.core.market.Side;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ExecutionReportTest {

    @Test
    void aBuyReportsPriceQuantityCommissionAndSlippageToTheWon() {
        Order order = OrderFixtures.acceptedBuy(100, 70_100);
        Instant t = kst(2026, 3, 4, 10, 1);
        order.fill(TradeId.of("e1"), 70_000, 30, t);
        order.fill(TradeId.of("e2"), 70_100, 70, t.plusSeconds(5));

        ExecutionReport report = ExecutionReport.of(order, TradingCosts.standard());

        assertThat(report.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(report.filledQuantity()).isEqualTo(100);
        assertThat(report.filledNotional()).isEqualTo(7_007_000);
        assertThat(report.averagePrice()).contains(new BigDecimal("70070.0000"));
        // 0.015% per fill, truncated: 2,100,000 -> 315; 4,907,000 -> 736.05 -> 736
        assertThat(report.commission()).isEqualTo(1_051);
        assertThat(report.tax()).isZero();
        assertThat(report.netCash()).isEqualTo(-7_008_051);
        // decided at 70,100 (the limit): filled 7,007,000 vs 7,010,000 at the decision price: 3,000 better
        assertThat(report.slippageKrw()).isEqualTo(-3_000);
        assertThat(report.slippageBps()).isCloseTo(-4.279601, within(1e-6));
        assertThat(report.fillCount()).isEqualTo(2);
        assertThat(report.firstFillAt()).contains(t);
        assertThat(report.lastFillAt()).contains(t.plusSeconds(5));
        assertThat(report.fillRate()).isEqualTo(1.0);
        assertThat(report.totalCost()).isEqualTo(1_051);
    }

    @ParameterizedTest(name = "sale on {0}-{1}-{2}: tax {3}")
    @CsvSource({
        "2024, 3, 5, 12600",   // 0.03% + 0.15% rural
        "2025, 3, 4, 10500",   // 0.00% + 0.15%
        "2026, 3, 4, 14000",   // 0.05% + 0.15%
        "2025, 12, 26, 10500", // settles 2025-12-30: still the 2025 rate
        "2025, 12, 29, 14000"  // settles 2026-01-02 (12-31 closed): the 2026 rate
    })
    void aSellPaysTheSellTaxOfItsSettlementYear(int y, int m, int d, long tax) {
        Instant t = kst(y, m, d, 10, 0);
        SubmitOrder sell = SubmitOrder.limit(ID, ACCOUNT, SAMSUNG, Market.KOSPI, Side.SELL, 100, 70_000, 70_500, t);
        Order order = Order.create(sell);
        order.apply(new OrderSubmitted(ID, t));
        order.apply(new OrderAccepted(ID, t, BrokerOrderId.of("9")));
        order.fill(TradeId.of("s1"), 70_000, 100, t.plusSeconds(1));

        ExecutionReport report = ExecutionReport.of(order, TradingCosts.standard());

        assertThat(report.commission()).isEqualTo(1_050);
        assertThat(report.tax()).isEqualTo(tax);
        assertThat(report.netCash()).isEqualTo(7_000_000 - 1_050 - tax);
        // sold at 70,000 after deciding at 70,500: 50,000 KRW worse, 50,000 / 7,050,000 = 70.92 bp
        assertThat(report.slippageKrw()).isEqualTo(50_000);
        assertThat(report.slippageBps()).isCloseTo(70.921986, within(1e-6));
    }

    @Test
    void anOrderWithoutFillsReportsZeros() {
        Order order = OrderFixtures.acceptedBuy(100, 70_000);
        ExecutionReport report = ExecutionReport.of(order, TradingCosts.standard());
        assertThat(report.filledQuantity()).isZero();
        assertThat(report.averagePrice()).isEmpty();
        assertThat(report.slippageBps()).isZero();
        assertThat(report.firstFillAt()).isEmpty();
        assertThat(report.fillRate()).isZero();
    }
}
