package com.aegis.core.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aegis.core.execution.ClientOrderId;
import com.aegis.core.execution.TradeId;
import com.aegis.core.krx.TradingCosts;
import com.aegis.core.market.Market;
import com.aegis.core.market.Side;
import com.aegis.core.market.Symbol;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PositionTest {

    static final Symbol SAMSUNG = Symbol.of("005930");
    static final LocalDate DAY = LocalDate.of(2026, 3, 4);
    private static final TradingCosts COSTS = TradingCosts.standard();
    private static int seq;

    static Trade trade(Side side, long price, long quantity, LocalDate date) {
        return trade(SAMSUNG, Market.KOSPI, side, price, quantity, date);
    }

    static Trade trade(Symbol symbol, Market market, Side side, long price, long quantity, LocalDate date) {
        seq++;
        return new Trade(TradeId.of("t" + seq), ClientOrderId.of("o" + seq), symbol, market, side, price, quantity,
                date, date.atStartOfDay().toInstant(java.time.ZoneOffset.UTC));
    }

    private static Position apply(Position p, Trade t) {
        return p.apply(t, COSTS.cost(t.side(), t.market(), t.tradeDate(), t.price(), t.quantity()));
    }

    @Test
    void buysAndSellsGiveHandComputedAveragesAndRealisedPnlNetOfEveryCost() {
        Position p = Position.flat(SAMSUNG, Market.KOSPI);
        p = apply(p, trade(Side.BUY, 70_000, 100, DAY)); // 7,000,000 + commission 1,050
        p = apply(p, trade(Side.BUY, 73_000, 50, DAY));  // 3,650,000 + commission 547 (547.5 truncated)

        assertThat(p.quantity()).isEqualTo(150);
        assertThat(p.bookValue()).isEqualTo(10_650_000);
        assertThat(p.costBasis()).isEqualTo(10_651_597);
        assertThat(p.averagePrice()).contains(new BigDecimal("71000.0000"));
        assertThat(p.averageCost()).contains(new BigDecimal("71010.6467"));
        assertThat(p.unrealisedPnl(72_000)).isEqualTo(150 * 72_000 - 10_651_597);

        // Sell 60 at 75,000 in 2026: 4,500,000, commission 675, tax 2,250 + 6,750 = 9,000;
        // cost of the 60 sold = floor(10,651,597 x 60 / 150) = 4,260,638
        p = apply(p, trade(Side.SELL, 75_000, 60, DAY));
        assertThat(p.quantity()).isEqualTo(90);
        assertThat(p.realisedPnl()).isEqualTo(4_500_000 - 675 - 9_000 - 4_260_638);
        assertThat(p.realisedPnl()).isEqualTo(229_687);
        assertThat(p.bookValue()).isEqualTo(6_390_000);
        assertThat(p.costBasis()).isEqualTo(6_390_959);
        assertThat(p.averagePrice()).contains(new BigDecimal("71000.0000"));
        assertThat(p.unrealisedPnl(76_000)).isEqualTo(449_041);

        // Sell the remaining 90 at 74,000: 6,660,000, commission 999, tax 3,330 + 9,990 = 13,320
        p = apply(p, trade(Side.SELL, 74_000, 90, DAY));
        assertThat(p.isFlat()).isTrue();
        assertThat(p.costBasis()).isZero();
        assertThat(p.realisedPnl()).isEqualTo(229_687 + 254_722);
        assertThat(p.commissionPaid()).isEqualTo(1_050 + 547 + 675 + 999);
        assertThat(p.taxPaid()).isEqualTo(9_000 + 13_320);
        // Round trip check: the realised P&L is exactly the net cash of the four trades.
        assertThat(p.realisedPnl()).isEqualTo(-7_001_050 - 3_650_547 + 4_490_325 + 6_645_681);
        assertThat(p.averagePrice()).isEmpty();
    }

    @ParameterizedTest(name = "{0}: buy and sell 100 at 70,000 on {1} loses {2}")
    @CsvSource({
        "KOSPI,  2024-03-05, -14700",  // 2 x 1,050 commission + 12,600 tax (0.18%)
        "KOSPI,  2025-03-04, -12600",  // + 10,500 tax (0.15%)
        "KOSPI,  2026-03-04, -16100",  // + 14,000 tax (0.20%)
        "KOSDAQ, 2024-03-05, -14700",
        "KOSDAQ, 2025-03-04, -12600",
        "KOSDAQ, 2026-03-04, -16100",
        "KONEX,  2026-03-04, -9100"    // + 7,000 tax (0.10%)
    })
    void aFlatRoundTripLosesExactlyCommissionAndTheYearsTax(Market market, LocalDate date, long pnl) {
        Position p = Position.flat(SAMSUNG, market);
        p = apply(p, trade(SAMSUNG, market, Side.BUY, 70_000, 100, date));
        p = apply(p, trade(SAMSUNG, market, Side.SELL, 70_000, 100, date));
        assertThat(p.realisedPnl()).isEqualTo(pnl);
    }

    @Test
    void kospiTaxPartsAreTruncatedSeparately() {
        // 1,234,567 KRW in 2026: KOSPI 617 (0.05%) + 1,851 (0.15% rural) = 2,468; KOSDAQ 0.20% = 2,469
        Position kospi = apply(Position.flat(SAMSUNG, Market.KOSPI), trade(Side.BUY, 1_234_567, 1, DAY));
        kospi = apply(kospi, trade(Side.SELL, 1_234_567, 1, DAY));
        assertThat(kospi.taxPaid()).isEqualTo(2_468);
        Position kosdaq = apply(Position.flat(SAMSUNG, Market.KOSDAQ),
                trade(SAMSUNG, Market.KOSDAQ, Side.BUY, 1_234_567, 1, DAY));
        kosdaq = apply(kosdaq, trade(SAMSUNG, Market.KOSDAQ, Side.SELL, 1_234_567, 1, DAY));
        assertThat(kosdaq.taxPaid()).isEqualTo(2_469);
    }

    @Test
    void sellingMoreThanHeldIsRefused() {
        Position p = apply(Position.flat(SAMSUNG, Market.KOSPI), trade(Side.BUY, 70_000, 10, DAY));
        Trade tooMany = trade(Side.SELL, 70_000, 11, DAY);
        assertThatThrownBy(() -> apply(p, tooMany)).isInstanceOf(InsufficientSharesException.class)
                .hasMessageContaining("11 shares").hasMessageContaining("10 shares held");
    }

    @Test
    void aTradeOfAnotherSymbolOrACostOfAnotherTradeIsRefused() {
        Position p = Position.flat(SAMSUNG, Market.KOSPI);
        Trade other = trade(Symbol.of("000660"), Market.KOSPI, Side.BUY, 100_000, 1, DAY);
        assertThatThrownBy(() -> apply(p, other)).hasMessageContaining("000660");
        Trade buy = trade(Side.BUY, 70_000, 1, DAY);
        assertThatThrownBy(() -> p.apply(buy, COSTS.cost(Side.BUY, Market.KOSPI, DAY, 70_000, 2)))
                .hasMessageContaining("does not belong");
    }

    @Test
    void aMarkPriceMustBePositive() {
        Position p = Position.flat(SAMSUNG, Market.KOSPI);
        assertThatThrownBy(() -> p.unrealisedPnl(0)).hasMessageContaining("mark price of 005930");
    }
}
