package com.aegis.core.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aegis.core.execution.AccountId;
import com.aegis.core.execution.ClientOrderId;
import com.aegis.core.execution.DenialReason;
import com.aegis.core.execution.Order;
import com.aegis.core.execution.OrderStatus;
import com.aegis.core.execution.SubmitOrder;
import com.aegis.core.market.Market;
import com.aegis.core.market.Side;
import com.aegis.core.market.Symbol;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The risk rules at their boundaries. The account has 100,000,000 KRW of equity; the stock trades at 50,000 KRW
 * (base and last), so 200 shares are exactly 10% of equity.
 */
class RiskCheckTest {

    private static final Symbol STOCK = Symbol.of("005930");
    private static final Symbol SAME_SECTOR = Symbol.of("000660");
    private static final Symbol OTHER_SECTOR = Symbol.of("035420");
    private static final Instant WEDNESDAY_10_00 = kst(2026, 3, 4, 10, 0, 0);
    private static final long EQUITY = 100_000_000;
    private static final MarketView MARKET = MarketView.of(List.of(
            new InstrumentSnapshot(STOCK, Market.KOSPI, "ELEC", 50_000, 50_000),
            new InstrumentSnapshot(SAME_SECTOR, Market.KOSPI, "ELEC", 200_000, 200_000),
            new InstrumentSnapshot(OTHER_SECTOR, Market.KOSPI, "SERVICES", 200_000, 200_000)));
    private static final RiskLimits LIMITS = RiskLimits.defaults();

    private static Instant kst(int y, int m, int d, int h, int min, int s) {
        return LocalDateTime.of(y, m, d, h, min, s).atZone(ZoneId.of("Asia/Seoul")).toInstant();
    }

    private static SubmitOrder limit(Side side, long quantity, long price) {
        return limitAt(side, quantity, price, WEDNESDAY_10_00);
    }

    private static SubmitOrder limitAt(Side side, long quantity, long price, Instant at) {
        return SubmitOrder.limit(ClientOrderId.of("new"), AccountId.of("acc"), STOCK, Market.KOSPI, side, quantity,
                price, 50_000, at);
    }

    private static SubmitOrder marketBuy(long quantity) {
        return SubmitOrder.market(ClientOrderId.of("new"), AccountId.of("acc"), STOCK, Market.KOSPI, Side.BUY,
                quantity, 50_000, WEDNESDAY_10_00);
    }

    private static PortfolioView cashOnly() {
        return new PortfolioView(EQUITY, EQUITY, EQUITY, Map.of(), Map.of(), List.of(), TradingState.ACTIVE);
    }

    /** 100 shares of STOCK held, equity and cash as given. */
    private static PortfolioView holding(long equity, long startOfDay, TradingState state) {
        return new PortfolioView(equity, startOfDay, equity - 5_000_000, Map.of(STOCK, 100L),
                Map.of(STOCK, 5_000_000L), List.of(), state);
    }

    private static RiskDecision check(SubmitOrder order, PortfolioView view) {
        return RiskCheck.evaluate(order, view, MARKET, LIMITS);
    }

    private static void assertDenied(RiskDecision decision, DenialReason reason, String messagePart) {
        assertThat(decision.isApproved()).as("approved").isFalse();
        RiskDecision.Denied denied = (RiskDecision.Denied) decision;
        assertThat(denied.reason()).isEqualTo(reason);
        assertThat(denied.message()).contains(messagePart);
    }

    @Test
    void aBuyOfExactlyTenPercentOfEquityPassesAndOneShareMoreIsDenied() {
        assertThat(check(limit(Side.BUY, 200, 50_000), cashOnly()).isApproved()).isTrue();
        assertDenied(check(limit(Side.BUY, 201, 50_000), cashOnly()), DenialReason.POSITION_SIZE_LIMIT,
                "10050000 KRW exceeds 10% of equity 100000000");
    }

    @Test
    void aMarketBuyIsSizedAtTheLastTradePrice() {
        assertThat(check(marketBuy(200), cashOnly()).isApproved()).isTrue();
        assertDenied(check(marketBuy(201), cashOnly()), DenialReason.POSITION_SIZE_LIMIT, "exceeds 10%");
    }

    @Test
    void atExactlyMinusTwoPercentOnlySellsPass() {
        PortfolioView atLimit = holding(98_000_000, EQUITY, TradingState.ACTIVE);
        assertDenied(check(limit(Side.BUY, 10, 50_000), atLimit), DenialReason.DAILY_LOSS_LIMIT,
                "-2000000 KRW on a start-of-day equity of 100000000");
        assertThat(check(limit(Side.SELL, 100, 50_000), atLimit).isApproved()).isTrue();

        PortfolioView justAbove = holding(98_000_001, EQUITY, TradingState.ACTIVE);
        assertThat(check(limit(Side.BUY, 10, 50_000), justAbove).isApproved()).isTrue();
    }

    @Test
    void reducingAllowsOnlySellsAndHaltedAllowsNothing() {
        PortfolioView reducing = holding(EQUITY, EQUITY, TradingState.REDUCING);
        assertDenied(check(limit(Side.BUY, 10, 50_000), reducing), DenialReason.DAILY_LOSS_LIMIT, "REDUCING");
        assertThat(check(limit(Side.SELL, 10, 50_000), reducing).isApproved()).isTrue();

        PortfolioView halted = holding(EQUITY, EQUITY, TradingState.HALTED);
        assertDenied(check(limit(Side.SELL, 10, 50_000), halted), DenialReason.TRADING_HALTED, "HALTED");
    }

    @Test
    void theSectorLimitCountsHeldPositionsAndOpenBuysOfTheSector() {
        // 25,000,000 in the same sector + 5,000,000 = exactly 30%
        PortfolioView view = new PortfolioView(EQUITY, EQUITY, 70_000_000, Map.of(SAME_SECTOR, 125L),
                Map.of(SAME_SECTOR, 25_000_000L, OTHER_SECTOR, 5_000_000L), List.of(), TradingState.ACTIVE);
        assertThat(check(limit(Side.BUY, 100, 50_000), view).isApproved()).isTrue();
        assertDenied(check(limit(Side.BUY, 101, 50_000), view), DenialReason.SECTOR_CONCENTRATION,
                "sector ELEC exposure would be 30050000 KRW");

        PortfolioView withOpenBuy = new PortfolioView(EQUITY, EQUITY, 70_000_000, Map.of(SAME_SECTOR, 125L),
                Map.of(SAME_SECTOR, 25_000_000L), List.of(new OpenOrder(ClientOrderId.of("open"), SAME_SECTOR,
                        Side.BUY, 1, 200_000)), TradingState.ACTIVE);
        assertDenied(check(limit(Side.BUY, 100, 50_000), withOpenBuy), DenialReason.SECTOR_CONCENTRATION,
                "30200000");
    }

    @Test
    void theOrderNotionalCapIsInclusive() {
        RiskLimits capped = LIMITS.withMaxOrderNotional(5_000_000);
        assertThat(RiskCheck.evaluate(limit(Side.BUY, 100, 50_000), cashOnly(), MARKET, capped).isApproved())
                .isTrue();
        RiskDecision over = RiskCheck.evaluate(limit(Side.BUY, 101, 50_000), cashOnly(), MARKET, capped);
        assertDenied(over, DenialReason.MAX_ORDER_NOTIONAL, "split it into slices");
    }

    @ParameterizedTest(name = "limit {0}: {1}")
    @CsvSource({
        "52500, APPROVED",      // +5.0% of the last trade, on the collar
        "52600, PRICE_COLLAR",  // +5.2%
        "47500, APPROVED",      // -5.0%
        "47450, PRICE_COLLAR"   // -5.1%
    })
    void theCollarAroundTheLastTradeIsInclusive(long price, String expected) {
        RiskDecision decision = check(limit(Side.BUY, 10, price), cashOnly());
        if (expected.equals("APPROVED")) {
            assertThat(decision.isApproved()).isTrue();
        } else {
            assertDenied(decision, DenialReason.valueOf(expected), "collar");
        }
    }

    @Test
    void anOpenOrderForTheSameSymbolAndSideIsADuplicate() {
        OpenOrder openBuy = new OpenOrder(ClientOrderId.of("earlier"), STOCK, Side.BUY, 10, 50_000);
        PortfolioView view = new PortfolioView(EQUITY, EQUITY, EQUITY, Map.of(STOCK, 100L),
                Map.of(STOCK, 5_000_000L), List.of(openBuy), TradingState.ACTIVE);
        assertDenied(check(limit(Side.BUY, 10, 50_000), view), DenialReason.DUPLICATE_ORDER, "earlier");
        assertThat(check(limit(Side.SELL, 10, 50_000), view).isApproved()).as("other side").isTrue();

        OpenOrder itself = new OpenOrder(ClientOrderId.of("new"), STOCK, Side.BUY, 10, 50_000);
        PortfolioView recheck = new PortfolioView(EQUITY, EQUITY, EQUITY, Map.of(), Map.of(), List.of(itself),
                TradingState.ACTIVE);
        assertThat(check(limit(Side.BUY, 10, 50_000), recheck).isApproved()).as("re-check of itself").isTrue();
    }

    @Test
    void aBuyNeedsCashForNotionalAndCommissionBeyondOpenBuys() {
        // 100 x 50,000 = 5,000,000 + 750 commission
        PortfolioView exact = new PortfolioView(EQUITY, EQUITY, 5_000_750, Map.of(), Map.of(), List.of(),
                TradingState.ACTIVE);
        assertThat(check(limit(Side.BUY, 100, 50_000), exact).isApproved()).isTrue();
        PortfolioView short1 = new PortfolioView(EQUITY, EQUITY, 5_000_749, Map.of(), Map.of(), List.of(),
                TradingState.ACTIVE);
        assertDenied(check(limit(Side.BUY, 100, 50_000), short1), DenialReason.INSUFFICIENT_CASH,
                "needs 5000750 KRW incl. commission, 5000749 KRW available");

        OpenOrder openBuy = new OpenOrder(ClientOrderId.of("other"), OTHER_SECTOR, Side.BUY, 1, 200_000);
        PortfolioView reserved = new PortfolioView(EQUITY, EQUITY, 5_200_780, Map.of(), Map.of(), List.of(openBuy),
                TradingState.ACTIVE);
        assertThat(check(limit(Side.BUY, 100, 50_000), reserved).isApproved()).isTrue();
        PortfolioView reservedShort = new PortfolioView(EQUITY, EQUITY, 5_200_779, Map.of(), Map.of(),
                List.of(openBuy), TradingState.ACTIVE);
        assertDenied(check(limit(Side.BUY, 100, 50_000), reservedShort), DenialReason.INSUFFICIENT_CASH,
                "200030 held for open buys");
    }

    @Test
    void aMarketBuyReservesCashAtTheUpperLimit() {
        // upper limit of a 50,000 base: 65,000; 100 x 65,000 + 975 commission
        PortfolioView enough = new PortfolioView(EQUITY, EQUITY, 6_500_975, Map.of(), Map.of(), List.of(),
                TradingState.ACTIVE);
        assertThat(check(marketBuy(100), enough).isApproved()).isTrue();
        PortfolioView notEnough = new PortfolioView(EQUITY, EQUITY, 6_500_974, Map.of(), Map.of(), List.of(),
                TradingState.ACTIVE);
        assertDenied(check(marketBuy(100), notEnough), DenialReason.INSUFFICIENT_CASH, "upper limit 65000");
    }

    @Test
    void aSellNeedsTheSharesNotAlreadyBeingSold() {
        PortfolioView view = holding(EQUITY, EQUITY, TradingState.ACTIVE);
        assertThat(check(limit(Side.SELL, 100, 50_000), view).isApproved()).isTrue();
        assertDenied(check(limit(Side.SELL, 101, 50_000), view), DenialReason.INSUFFICIENT_SHARES,
                "100 shares of 005930 can be sold");
    }

    @Test
    void theLimitPriceMustBeOnATickAndWithinTheDaysLimits() {
        assertDenied(check(limit(Side.BUY, 10, 50_050), cashOnly()), DenialReason.INVALID_TICK,
                "nearest valid prices 50000 and 50100");
        assertDenied(check(limit(Side.BUY, 10, 65_100), cashOnly()), DenialReason.OUTSIDE_PRICE_LIMITS,
                "35000..65000");
        RiskLimits wideCollar = LIMITS.withPriceCollarBps(3_000);
        assertThat(RiskCheck.evaluate(limit(Side.BUY, 10, 65_000), cashOnly(), MARKET, wideCollar).isApproved())
                .isTrue();
        assertThat(RiskCheck.evaluate(limit(Side.BUY, 10, 35_000), cashOnly(), MARKET, wideCollar).isApproved())
                .isTrue();
        assertDenied(RiskCheck.evaluate(limit(Side.BUY, 10, 34_950), cashOnly(), MARKET, wideCollar),
                DenialReason.OUTSIDE_PRICE_LIMITS, "outside today's limits");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "2026-03-04T08:29:59, MARKET_CLOSED",  // before the opening auction
        "2026-03-04T08:30:00, APPROVED",       // opening auction order entry
        "2026-03-04T15:19:59, APPROVED",
        "2026-03-04T15:29:59, APPROVED",       // closing auction
        "2026-03-04T15:30:00, MARKET_CLOSED",  // after the close
        "2026-03-04T16:30:00, MARKET_CLOSED",  // after-hours single-price session: not for regular orders
        "2026-03-07T10:00:00, MARKET_CLOSED",  // Saturday
        "2026-03-02T10:00:00, MARKET_CLOSED",  // substitute holiday for Independence Movement Day
        "2026-01-02T09:29:59, MARKET_CLOSED",  // first trading day: everything an hour late
        "2026-01-02T09:30:00, APPROVED",       // its opening auction (the market opens at 10:00)
        "2030-03-06T10:00:00, MARKET_CLOSED"   // beyond the calendar's coverage
    })
    void ordersAreTakenOnlyInSessionsThatAcceptThem(LocalDateTime kstTime, String expected) {
        Instant at = kstTime.atZone(ZoneId.of("Asia/Seoul")).toInstant();
        RiskDecision decision = check(limitAt(Side.BUY, 10, 50_000, at), cashOnly());
        if (expected.equals("APPROVED")) {
            assertThat(decision.isApproved()).isTrue();
        } else {
            assertThat(((RiskDecision.Denied) decision).reason()).isEqualTo(DenialReason.MARKET_CLOSED);
        }
    }

    @Test
    void anUnknownSymbolOrAWrongMarketIsDenied() {
        MarketView empty = MarketView.of(List.of());
        assertDenied(RiskCheck.evaluate(limit(Side.BUY, 10, 50_000), cashOnly(), empty, LIMITS),
                DenialReason.NO_MARKET_DATA, "no price data for 005930");
        SubmitOrder kosdaq = SubmitOrder.limit(ClientOrderId.of("new"), AccountId.of("acc"), STOCK, Market.KOSDAQ,
                Side.BUY, 10, 50_000, 50_000, WEDNESDAY_10_00);
        assertDenied(check(kosdaq, cashOnly()), DenialReason.INVALID_ORDER, "listed on KOSPI");
    }

    @Test
    void aDenialBecomesAnOrderDeniedEventThatClosesTheOrder() {
        SubmitOrder order = limit(Side.BUY, 201, 50_000);
        RiskDecision decision = check(order, cashOnly());
        Order o = Order.create(order);
        o.apply(decision.toEvent(order).orElseThrow());
        assertThat(o.status()).isEqualTo(OrderStatus.DENIED);
        assertThat(o.rejectReason()).contains("POSITION_SIZE_LIMIT");
        assertThat(RiskDecision.approve().toEvent(order)).isEmpty();
    }

    @Test
    void limitsHaveTheRequirementDefaultsAndRefuseNonsense() {
        RiskLimits d = RiskLimits.defaults();
        assertThat(d.maxTradeWeightBps()).isEqualTo(1_000);
        assertThat(d.dailyLossLimitBps()).isEqualTo(200);
        assertThatThrownBy(() -> d.withMaxTradeWeightBps(0)).hasMessageContaining("maxTradeWeightBps");
        assertThatThrownBy(() -> d.withDailyLossLimitBps(10_001)).hasMessageContaining("1..10000");
        assertThatThrownBy(() -> d.withMaxOrderNotional(0)).hasMessageContaining("maxOrderNotional");
        assertThatThrownBy(() -> d.withMaxSectorWeightBps(500)).hasMessageContaining("at least maxTradeWeightBps");
    }
}
