package com.aegis.core.portfolio;

import static com.aegis.core.portfolio.PositionTest.DAY;
import static com.aegis.core.portfolio.PositionTest.SAMSUNG;
import static com.aegis.core.portfolio.PositionTest.trade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aegis.core.execution.AccountId;
import com.aegis.core.krx.TradingCosts;
import com.aegis.core.market.Market;
import com.aegis.core.market.Side;
import com.aegis.core.market.Symbol;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortfolioTest {

    private static final Symbol HYNIX = Symbol.of("000660");
    private static final Instant AT = Instant.parse("2026-03-04T00:00:00Z");

    private static Portfolio funded(long cash) {
        Portfolio p = new Portfolio(AccountId.of("acc"), TradingCosts.standard());
        p.deposit(cash, "transfer-1", DAY, AT);
        return p;
    }

    @Test
    void aBuyBooksPositionCashAndCommission() {
        Portfolio p = funded(100_000_000);
        assertThat(p.book(trade(Side.BUY, 70_000, 100, DAY))).isEqualTo(PostingOutcome.POSTED);

        assertThat(p.quantity(SAMSUNG)).isEqualTo(100);
        assertThat(p.cash()).isEqualTo(100_000_000 - 7_000_000 - 1_050);
        assertThat(p.ledger().entries()).extracting(CashEntry::type)
                .containsExactly(CashEntryType.DEPOSIT, CashEntryType.BUY, CashEntryType.COMMISSION);
        assertThat(p.equity(Map.of(SAMSUNG, 71_000L))).isEqualTo(92_998_950 + 7_100_000);
    }

    @Test
    void aSellBooksProceedsCommissionAndTax() {
        Portfolio p = funded(100_000_000);
        p.book(trade(Side.BUY, 70_000, 100, DAY));
        p.book(trade(Side.SELL, 75_000, 100, DAY)); // 7,500,000, commission 1,125, tax 3,750 + 11,250

        assertThat(p.ledger().entries()).extracting(CashEntry::type).containsExactly(CashEntryType.DEPOSIT,
                CashEntryType.BUY, CashEntryType.COMMISSION, CashEntryType.SELL, CashEntryType.COMMISSION,
                CashEntryType.TAX);
        assertThat(p.ledger().total(CashEntryType.TAX)).isEqualTo(-15_000);
        assertThat(p.cash()).isEqualTo(100_000_000 - 7_001_050 + 7_500_000 - 1_125 - 15_000);
        assertThat(p.realisedPnl()).isEqualTo(7_500_000 - 1_125 - 15_000 - 7_001_050);
        assertThat(p.openPositions()).isEmpty();
        assertThat(p.allPositions()).hasSize(1);
        assertThat(p.equity(Map.of())).isEqualTo(100_000_000 + p.realisedPnl());
    }

    @Test
    void bookingTheSameTradeTwiceChangesNothing() {
        Portfolio p = funded(100_000_000);
        Trade buy = trade(Side.BUY, 70_000, 100, DAY);
        p.book(buy);
        long cash = p.cash();
        assertThat(p.book(buy)).isEqualTo(PostingOutcome.DUPLICATE_IGNORED);
        assertThat(p.cash()).isEqualTo(cash);
        assertThat(p.quantity(SAMSUNG)).isEqualTo(100);
        Trade conflicting = new Trade(buy.tradeId(), buy.orderId(), buy.symbol(), buy.market(), buy.side(),
                buy.price(), 99, buy.tradeDate(), buy.occurredAt());
        assertThatThrownBy(() -> p.book(conflicting)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(buy.tradeId().value());
    }

    @Test
    void anOversellBooksNothing() {
        Portfolio p = funded(100_000_000);
        p.book(trade(Side.BUY, 70_000, 10, DAY));
        long cash = p.cash();
        assertThatThrownBy(() -> p.book(trade(Side.SELL, 70_000, 11, DAY)))
                .isInstanceOf(InsufficientSharesException.class);
        assertThat(p.cash()).isEqualTo(cash);
        assertThat(p.quantity(SAMSUNG)).isEqualTo(10);
    }

    @Test
    void dailyPnlIsEquityAgainstTheStartOfTheDay() {
        Portfolio p = funded(50_000_000);
        p.book(trade(Side.BUY, 70_000, 100, DAY));
        p.book(trade(HYNIX, Market.KOSPI, Side.BUY, 200_000, 20, DAY));
        // cash 50,000,000 - 7,001,050 - 4,000,600 = 38,998,350
        assertThat(p.cash()).isEqualTo(38_998_350);
        p.startDay(DAY.plusDays(1), Map.of(SAMSUNG, 70_000L, HYNIX, 200_000L));
        assertThat(p.startOfDayEquity()).isEqualTo(38_998_350 + 7_000_000 + 4_000_000);

        Map<Symbol, Long> marks = Map.of(SAMSUNG, 68_600L, HYNIX, 196_000L);
        assertThat(p.dailyPnl(marks)).isEqualTo(-140_000 - 80_000);
        assertThat(p.marketValue(HYNIX, marks)).isEqualTo(3_920_000);
    }

    @Test
    void equityNeedsAMarkForEveryPosition() {
        Portfolio p = funded(50_000_000);
        p.book(trade(Side.BUY, 70_000, 100, DAY));
        assertThatThrownBy(() -> p.equity(Map.of(HYNIX, 1L))).hasMessageContaining("[005930]");
        assertThatThrownBy(() -> p.dailyPnl(Map.of(SAMSUNG, 1L))).hasMessageContaining("startDay");
    }
}
