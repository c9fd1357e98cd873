package com.aegis.core.risk;

import static org.assertj.core.api.Assertions.assertThat;

import com.aegis.core.execution.AccountId;
import com.aegis.core.execution.ClientOrderId;
import com.aegis.core.execution.DenialReason;
import com.aegis.core.execution.SubmitOrder;
import com.aegis.core.execution.TradeId;
import com.aegis.core.krx.TradingCosts;
import com.aegis.core.market.Market;
import com.aegis.core.market.Side;
import com.aegis.core.market.Symbol;
import com.aegis.core.portfolio.Portfolio;
import com.aegis.core.portfolio.Trade;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A real portfolio falls through the −2% daily loss limit: buys stop, sells still go out, the state turns REDUCING. */
class DailyLossScenarioTest {

    private static final Symbol STOCK = Symbol.of("005930");
    private static final LocalDate DAY = LocalDate.of(2026, 3, 5);
    private static final Instant MORNING = LocalDateTime.of(2026, 3, 5, 10, 0).atZone(ZoneId.of("Asia/Seoul"))
            .toInstant();

    private static Portfolio portfolio() {
        Portfolio p = new Portfolio(AccountId.of("acc"), TradingCosts.standard());
        p.deposit(100_000_000, "transfer-1", DAY.minusDays(1), MORNING.minusSeconds(86_400));
        // 400 x 50,000 = 20,000,000 + 3,000 commission
        p.book(new Trade(TradeId.of("e1"), ClientOrderId.of("o1"), STOCK, Market.KOSPI, Side.BUY, 50_000, 400,
                DAY.minusDays(1), MORNING.minusSeconds(86_000)));
        p.startDay(DAY, Map.of(STOCK, 50_000L));
        return p;
    }

    private static RiskDecision check(Portfolio p, long mark, Side side, long quantity, long price) {
        PortfolioView view = PortfolioView.of(p, Map.of(STOCK, mark), List.of(), TradingState.ACTIVE);
        MarketView market = MarketView.of(List.of(new InstrumentSnapshot(STOCK, Market.KOSPI, "ELEC", 50_000, mark)));
        return RiskCheck.evaluate(SubmitOrder.limit(ClientOrderId.of("o2"),
                AccountId.of("acc"), STOCK, Market.KOSPI, side, quantity, price, price, MORNING), view, market,
                RiskLimits.defaults());
    }

    @Test
    void startOfDayEquityIsCashPlusPositionsAtThePreviousClose() {
        assertThat(portfolio().startOfDayEquity()).isEqualTo(79_997_000 + 20_000_000);
    }

    @Test
    void aFallOfTwoPercentStopsBuysButNotSells() {
        Portfolio p = portfolio();
        // limit: 2% of 99,997,000 = 1,999,940. At 45,000 the loss is 400 x 5,000 = 2,000,000.
        assertThat(p.dailyPnl(Map.of(STOCK, 45_000L))).isEqualTo(-2_000_000);
        RiskDecision buy = check(p, 45_000, Side.BUY, 10, 45_000);
        assertThat(((RiskDecision.Denied) buy).reason()).isEqualTo(DenialReason.DAILY_LOSS_LIMIT);
        assertThat(check(p, 45_000, Side.SELL, 100, 45_000).isApproved()).isTrue();
        assertThat(TradingState.ACTIVE.afterDailyPnl(p.dailyPnl(Map.of(STOCK, 45_000L)), p.startOfDayEquity(),
                RiskLimits.defaults())).isEqualTo(TradingState.REDUCING);
    }

    @Test
    void justAboveTheLimitBuysStillPass() {
        Portfolio p = portfolio();
        // At 45,050 the loss is 400 x 4,950 = 1,980,000, short of 1,999,940.
        assertThat(check(p, 45_050, Side.BUY, 10, 45_050).isApproved()).isTrue();
        assertThat(TradingState.ACTIVE.afterDailyPnl(p.dailyPnl(Map.of(STOCK, 45_050L)), p.startOfDayEquity(),
                RiskLimits.defaults())).isEqualTo(TradingState.ACTIVE);
    }
}
