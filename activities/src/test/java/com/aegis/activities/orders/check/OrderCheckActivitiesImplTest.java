package com.aegis.activities.orders.check;

import static com.aegis.db.jooq.Tables.CASH_LEDGER;
import static com.aegis.db.jooq.Tables.DAILY_BAR;
import static com.aegis.db.jooq.Tables.DAILY_PERFORMANCE;
import static com.aegis.db.jooq.Tables.INSTRUMENT;
import static com.aegis.db.jooq.Tables.ORDERS;
import static com.aegis.db.jooq.Tables.POSITION;
import static com.aegis.db.jooq.Tables.SECTOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.aegis.core.execution.DenialReason;
import com.aegis.core.execution.OrderType;
import com.aegis.core.krx.TradingCosts;
import com.aegis.core.market.Market;
import com.aegis.core.market.Side;
import com.aegis.core.market.Symbol;
import com.aegis.core.risk.RiskLimits;
import com.aegis.core.risk.TradingState;
import com.aegis.db.Migrations;
import com.aegis.localstack.LocalStack;
import com.aegis.workflows.orders.OrderCheckActivities.LastPrice;
import com.aegis.workflows.orders.OrderCheckActivities.Validation;
import com.aegis.workflows.orders.OrderCheckActivities.ValidationRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against the local stack's PostgreSQL. Instruments 9908xx, sectors T9908x and accounts {@code ordcheck-*} belong to
 * this class. The standard account holds 100 × 990801 at 50,000 KRW and 10,000,000 KRW cash: equity 15,000,000 KRW,
 * so a buy of at most 1,500,000 KRW passes the 10% per-trade limit.
 */
class OrderCheckActivitiesImplTest {

    /** Held stock, sector A: closes 49,000 (11-24) and 50,000 (11-25). */
    private static final String HELD = "990801";
    /** Sector B, close 10,000. */
    private static final String SECTOR_B = "990802";
    /** Sector A, close 20,000. */
    private static final String SECTOR_A = "990803";
    /** KOSDAQ, no sector, close 10,000. */
    private static final String NO_SECTOR = "990804";
    /** Listed but never priced. */
    private static final String UNPRICED = "990805";
    /** Sector B, close 10,000 on 11-25 (the base) and 10,400 today (the last price). */
    private static final String TRADED_TODAY = "990806";
    /** Delisted on 2026-11-20, close 10,000. */
    private static final String DELISTED = "990807";
    /** An alphanumeric KRX code (issued since 2024), sector B, close 100,000. */
    private static final String ALPHANUMERIC = "9908A1";
    private static final List<String> SYMBOLS = List.of(HELD, SECTOR_B, SECTOR_A, NO_SECTOR, UNPRICED, TRADED_TODAY,
            DELISTED, ALPHANUMERIC);
    /** 10:00 KST on Thursday 2026-11-26. */
    private static final Instant NOW = Instant.parse("2026-11-26T01:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    private static DSLContext dsl;
    private String account;
    private int seq;

    @BeforeAll
    static void setUpMarket() {
        DataSource dataSource = LocalStack.sharedForTests().dataSource();
        Migrations.migrate(dataSource);
        dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
        removeAll();
        dsl.insertInto(SECTOR, SECTOR.SECTOR_CODE, SECTOR.NAME).values("T9908A", "Check test A")
                .values("T9908B", "Check test B").execute();
        instrument(HELD, "KOSPI", "T9908A");
        instrument(SECTOR_B, "KOSPI", "T9908B");
        instrument(SECTOR_A, "KOSPI", "T9908A");
        instrument(NO_SECTOR, "KOSDAQ", null);
        instrument(UNPRICED, "KOSPI", "T9908B");
        instrument(TRADED_TODAY, "KOSPI", "T9908B");
        instrument(DELISTED, "KOSPI", "T9908B");
        dsl.update(INSTRUMENT).set(INSTRUMENT.DELISTED_ON, LocalDate.of(2026, 11, 20))
                .where(INSTRUMENT.SYMBOL.eq(DELISTED)).execute();
        instrument(ALPHANUMERIC, "KOSPI", "T9908B");
        bar(HELD, LocalDate.of(2026, 11, 24), 49_000);
        bar(HELD, LocalDate.of(2026, 11, 25), 50_000);
        bar(SECTOR_B, LocalDate.of(2026, 11, 25), 10_000);
        bar(SECTOR_A, LocalDate.of(2026, 11, 25), 20_000);
        bar(NO_SECTOR, LocalDate.of(2026, 11, 25), 10_000);
        bar(TRADED_TODAY, LocalDate.of(2026, 11, 25), 10_000);
        bar(TRADED_TODAY, TODAY, 10_400);
        bar(DELISTED, LocalDate.of(2026, 11, 19), 10_000);
        bar(ALPHANUMERIC, LocalDate.of(2026, 11, 25), 100_000);
    }

    @AfterAll
    static void tearDownMarket() {
        removeAll();
    }

    private static void removeAll() {
        dsl.deleteFrom(ORDERS).where(ORDERS.ACCOUNT.like("ordcheck-%").and(ORDERS.PARENT_ORDER_ID.isNotNull()))
                .execute();
        dsl.deleteFrom(ORDERS).where(ORDERS.ACCOUNT.like("ordcheck-%")).execute();
        dsl.deleteFrom(POSITION).where(POSITION.ACCOUNT.like("ordcheck-%")).execute();
        dsl.deleteFrom(CASH_LEDGER).where(CASH_LEDGER.ACCOUNT.like("ordcheck-%")).execute();
        dsl.deleteFrom(DAILY_PERFORMANCE).where(DAILY_PERFORMANCE.ACCOUNT.like("ordcheck-%")).execute();
        dsl.deleteFrom(DAILY_BAR).where(DAILY_BAR.SYMBOL.in(SYMBOLS)).execute();
        dsl.deleteFrom(INSTRUMENT).where(INSTRUMENT.SYMBOL.in(SYMBOLS)).execute();
        dsl.deleteFrom(SECTOR).where(SECTOR.SECTOR_CODE.in("T9908A", "T9908B")).execute();
    }

    private static void instrument(String symbol, String market, String sector) {
        dsl.insertInto(INSTRUMENT)
                .set(INSTRUMENT.SYMBOL, symbol)
                .set(INSTRUMENT.NAME, "Check test " + symbol)
                .set(INSTRUMENT.MARKET, market)
                .set(INSTRUMENT.SECTOR_CODE, sector)
                .set(INSTRUMENT.LISTED_SHARES, 10_000_000L)
                .set(INSTRUMENT.LISTED_ON, LocalDate.of(2020, 1, 2))
                .execute();
    }

    private static void bar(String symbol, LocalDate date, long close) {
        dsl.insertInto(DAILY_BAR)
                .set(DAILY_BAR.SYMBOL, symbol)
                .set(DAILY_BAR.TRADE_DATE, date)
                .set(DAILY_BAR.BASE_PRICE, close)
                .set(DAILY_BAR.OPEN, close)
                .set(DAILY_BAR.HIGH, close)
                .set(DAILY_BAR.LOW, close)
                .set(DAILY_BAR.CLOSE, close)
                .set(DAILY_BAR.VOLUME, 1_000L)
                .set(DAILY_BAR.TRADED_VALUE, close * 1_000L)
                .set(DAILY_BAR.SOURCE, "TEST")
                .execute();
    }

    @BeforeEach
    void newAccount() {
        account = "ordcheck-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void removeAccount() {
        dsl.deleteFrom(ORDERS).where(ORDERS.ACCOUNT.eq(account).and(ORDERS.PARENT_ORDER_ID.isNotNull())).execute();
        dsl.deleteFrom(ORDERS).where(ORDERS.ACCOUNT.eq(account)).execute();
        dsl.deleteFrom(POSITION).where(POSITION.ACCOUNT.eq(account)).execute();
        dsl.deleteFrom(CASH_LEDGER).where(CASH_LEDGER.ACCOUNT.eq(account)).execute();
        dsl.deleteFrom(DAILY_PERFORMANCE).where(DAILY_PERFORMANCE.ACCOUNT.eq(account)).execute();
    }

    // ---- fixtures ----

    private void standardAccount() {
        cash(10_000_000L, OffsetDateTime.parse("2026-11-25T06:00:00Z"));
        dsl.insertInto(POSITION)
                .set(POSITION.ACCOUNT, account)
                .set(POSITION.SYMBOL, HELD)
                .set(POSITION.QUANTITY, 100L)
                .set(POSITION.AVG_PRICE, new BigDecimal("48000.0000"))
                .execute();
    }

    /** A ledger entry with this running balance; an older entry of 1 KRW shows only the newest counts. */
    private void cash(long balance, OffsetDateTime at) {
        dsl.insertInto(CASH_LEDGER)
                .set(CASH_LEDGER.ACCOUNT, account)
                .set(CASH_LEDGER.ENTRY_TYPE, "ADJUSTMENT")
                .set(CASH_LEDGER.AMOUNT, 1L)
                .set(CASH_LEDGER.BALANCE_AFTER, 1L)
                .set(CASH_LEDGER.TRADE_DATE, at.toLocalDate().minusDays(1))
                .set(CASH_LEDGER.OCCURRED_AT, at.minusDays(1))
                .execute();
        dsl.insertInto(CASH_LEDGER)
                .set(CASH_LEDGER.ACCOUNT, account)
                .set(CASH_LEDGER.ENTRY_TYPE, "DEPOSIT")
                .set(CASH_LEDGER.AMOUNT, balance - 1)
                .set(CASH_LEDGER.BALANCE_AFTER, balance)
                .set(CASH_LEDGER.TRADE_DATE, at.toLocalDate())
                .set(CASH_LEDGER.OCCURRED_AT, at)
                .execute();
    }

    private void openOrder(String id, String symbol, Side side, long quantity, long filled, Long limitPrice,
            String status, String parent) {
        dsl.insertInto(ORDERS)
                .set(ORDERS.CLIENT_ORDER_ID, id)
                .set(ORDERS.WORKFLOW_ID, "wf-" + id)
                .set(ORDERS.PARENT_ORDER_ID, parent)
                .set(ORDERS.ACCOUNT, account)
                .set(ORDERS.TRADE_DATE, TODAY)
                .set(ORDERS.SYMBOL, symbol)
                .set(ORDERS.SIDE, side.name())
                .set(ORDERS.ORDER_TYPE, limitPrice == null ? "MARKET" : "LIMIT")
                .set(ORDERS.LIMIT_PRICE, limitPrice)
                .set(ORDERS.QUANTITY, quantity)
                .set(ORDERS.FILLED_QUANTITY, filled)
                .set(ORDERS.STATUS, status)
                .execute();
    }

    private void startOfDay(LocalDate date, long equity) {
        dsl.insertInto(DAILY_PERFORMANCE)
                .set(DAILY_PERFORMANCE.ACCOUNT, account)
                .set(DAILY_PERFORMANCE.TRADE_DATE, date)
                .set(DAILY_PERFORMANCE.EQUITY, equity)
                .set(DAILY_PERFORMANCE.CASH, equity)
                .set(DAILY_PERFORMANCE.POSITIONS_VALUE, 0L)
                .set(DAILY_PERFORMANCE.PNL, 0L)
                .set(DAILY_PERFORMANCE.DAILY_RETURN, 0.0)
                .set(DAILY_PERFORMANCE.CUMULATIVE_RETURN, 0.0)
                .set(DAILY_PERFORMANCE.DRAWDOWN, 0.0)
                .execute();
    }

    private static OrderCheckActivitiesImpl checks(TradingState state) {
        return checks(state, new DailyBarLastPriceSource(dsl));
    }

    private static OrderCheckActivitiesImpl checks(TradingState state, LastPriceSource prices) {
        return new OrderCheckActivitiesImpl(dsl, prices, () -> state, RiskLimits.defaults(),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private ValidationRequest limit(String symbol, Side side, long quantity, long price) {
        return request("ord-" + account + "-" + (++seq), symbol, Market.KOSPI, side, quantity, price, null);
    }

    private ValidationRequest request(String id, String symbol, Market market, Side side, long quantity, long price,
            String parent) {
        return new ValidationRequest(id, account, symbol, market, side, OrderType.LIMIT, quantity, price, price, 0,
                parent);
    }

    private Validation check(ValidationRequest request) {
        return checks(TradingState.ACTIVE).validate(request);
    }

    private static void assertDenied(Validation v, DenialReason reason, String... messageParts) {
        assertThat(v.approved()).as(v.message()).isFalse();
        assertThat(v.reason()).as(v.message()).isEqualTo(reason);
        if (messageParts.length > 0) {
            assertThat(v.message()).contains(messageParts);
        }
    }

    private static void assertApproved(Validation v) {
        assertThat(v.approved()).as(v.message()).isTrue();
        assertThat(v.reason()).isNull();
    }

    // ---- limits ----

    @Test
    void aBuyOfExactlyTenPercentOfEquityPassesAndOneShareMoreIsDeniedForPositionSize() {
        standardAccount();

        assertApproved(check(limit(SECTOR_B, Side.BUY, 150, 10_000)));
        assertDenied(check(limit(SECTOR_B, Side.BUY, 151, 10_000)), DenialReason.POSITION_SIZE_LIMIT,
                "1510000", "10%", "15000000");
    }

    @Test
    void aBuyInTheSectorOfTheHeldStockIsDeniedForConcentration() {
        standardAccount();

        assertDenied(check(limit(SECTOR_A, Side.BUY, 10, 20_000)), DenialReason.SECTOR_CONCENTRATION, "T9908A",
                "5200000");
    }

    @Test
    void aBuyNeedsTheNewestCashBalanceToCoverPriceAndCommission() {
        standardAccount();
        long needed = 100_000 + TradingCosts.standard().commission(100_000);
        cash(needed, OffsetDateTime.parse("2026-11-26T00:30:00Z"));

        assertApproved(check(limit(SECTOR_B, Side.BUY, 10, 10_000)));

        cash(needed - 1, OffsetDateTime.parse("2026-11-26T00:40:00Z"));
        assertDenied(check(limit(SECTOR_B, Side.BUY, 10, 10_000)), DenialReason.INSUFFICIENT_CASH,
                "needs " + needed, "cash " + (needed - 1));
    }

    @Test
    void anOpenBuyHoldsBackCashForItsUnfilledShares() {
        standardAccount();
        openOrder("open-" + account, NO_SECTOR, Side.BUY, 1_000, 100, 10_000L, "PARTIALLY_FILLED", null);

        long reserved = 9_000_000 + TradingCosts.standard().commission(9_000_000);
        assertDenied(check(limit(SECTOR_B, Side.BUY, 100, 10_000)), DenialReason.INSUFFICIENT_CASH,
                reserved + " held for open buys");
        assertApproved(check(limit(SECTOR_B, Side.BUY, 90, 10_000)));
    }

    @Test
    void anOpenMarketBuyHoldsBackCashAtTheLastPrice() {
        standardAccount();
        openOrder("open-" + account, NO_SECTOR, Side.BUY, 900, 0, null, "ACCEPTED", null);

        long reserved = 9_000_000 + TradingCosts.standard().commission(9_000_000);
        assertDenied(check(limit(SECTOR_B, Side.BUY, 100, 10_000)), DenialReason.INSUFFICIENT_CASH,
                reserved + " held for open buys");
    }

    @Test
    void holdingsAndOpenBuysOfAlphanumericCodesCountInEquityAndCash() {
        standardAccount();
        // 10 × 100,000 more equity: 16,000,000, so 160 × 10,000 is exactly 10%
        dsl.insertInto(POSITION).set(POSITION.ACCOUNT, account).set(POSITION.SYMBOL, ALPHANUMERIC)
                .set(POSITION.QUANTITY, 10L).set(POSITION.AVG_PRICE, new BigDecimal("90000")).execute();
        assertApproved(check(limit(SECTOR_B, Side.BUY, 160, 10_000)));
        assertDenied(check(limit(SECTOR_B, Side.BUY, 161, 10_000)), DenialReason.POSITION_SIZE_LIMIT, "16000000");

        openOrder("open-" + account, ALPHANUMERIC, Side.BUY, 90, 0, 100_000L, "SUBMITTED", null);
        long left = 10_000_000 - 9_000_000 - TradingCosts.standard().commission(9_000_000);
        assertDenied(check(limit(SECTOR_B, Side.BUY, 160, 10_000)), DenialReason.INSUFFICIENT_CASH,
                "cash " + left);
    }

    @Test
    void aSellOfMoreThanHeldIsDenied() {
        standardAccount();

        assertApproved(check(limit(HELD, Side.SELL, 100, 50_000)));
        assertDenied(check(limit(HELD, Side.SELL, 101, 50_000)), DenialReason.INSUFFICIENT_SHARES,
                "100 shares of 990801 can be sold");
        assertDenied(check(limit(SECTOR_B, Side.SELL, 1, 10_000)), DenialReason.INSUFFICIENT_SHARES,
                "0 shares");
    }

    @Test
    void theCollarIsMeasuredFromTheLastPriceNotTheBase() {
        standardAccount();

        // last 10,400: 5% is 520 KRW
        assertApproved(check(limit(TRADED_TODAY, Side.BUY, 10, 10_920)));
        assertDenied(check(limit(TRADED_TODAY, Side.BUY, 10, 10_930)), DenialReason.PRICE_COLLAR,
                "last trade 10400");
        assertApproved(check(limit(TRADED_TODAY, Side.BUY, 10, 9_880)));
        assertDenied(check(limit(TRADED_TODAY, Side.BUY, 10, 9_870)), DenialReason.PRICE_COLLAR);
        // the base is yesterday's close: the upper limit is 13,000
        assertDenied(check(limit(TRADED_TODAY, Side.BUY, 10, 13_010)), DenialReason.OUTSIDE_PRICE_LIMITS,
                "7000..13000");
    }

    @Test
    void anOpenOrderForTheSameStockAndSideIsADuplicateButTheOrderItselfAndFinishedOrdersAreNot() {
        standardAccount();
        ValidationRequest own = limit(SECTOR_B, Side.BUY, 10, 10_000);
        openOrder(own.clientOrderId(), SECTOR_B, Side.BUY, 10, 0, 10_000L, "INITIALIZED", null);
        openOrder("done-" + account, SECTOR_B, Side.BUY, 10, 10, 10_000L, "FILLED", null);
        openOrder("sell-" + account, SECTOR_B, Side.SELL, 10, 0, 10_000L, "CANCELED", null);

        assertApproved(check(own));

        String open = "open-" + account;
        openOrder(open, SECTOR_B, Side.BUY, 10, 0, 10_000L, "ACCEPTED", null);
        assertDenied(check(own), DenialReason.DUPLICATE_ORDER, open);
        assertDenied(check(limit(SECTOR_B, Side.BUY, 5, 10_000)), DenialReason.DUPLICATE_ORDER, "still open");
        assertApproved(check(limit(HELD, Side.SELL, 10, 50_000)));
    }

    @Test
    void aSliceIsNotADuplicateOfItsParentOrSiblings() {
        standardAccount();
        String parent = "vwap-" + account;
        openOrder(parent, SECTOR_B, Side.BUY, 100, 20, 10_000L, "ACCEPTED", null);
        openOrder(parent + "-1", SECTOR_B, Side.BUY, 20, 20, 10_000L, "FILLED", parent);
        openOrder(parent + "-2", SECTOR_B, Side.BUY, 20, 0, 10_000L, "SUBMITTED", parent);

        assertApproved(check(request(parent + "-3", SECTOR_B, Market.KOSPI, Side.BUY, 20, 10_000, parent)));
        assertDenied(check(request("other-" + account, SECTOR_B, Market.KOSPI, Side.BUY, 20, 10_000, null)),
                DenialReason.DUPLICATE_ORDER);
    }

    @Test
    void haltedTradingDeniesEverything() {
        standardAccount();

        assertDenied(checks(TradingState.HALTED).validate(limit(HELD, Side.SELL, 10, 50_000)),
                DenialReason.TRADING_HALTED, "HALTED");
        assertDenied(checks(null).validate(limit(HELD, Side.SELL, 10, 50_000)), DenialReason.TRADING_HALTED,
                "unknown");
    }

    @Test
    void reducingTradingAllowsSellingHeldSharesOnly() {
        standardAccount();
        OrderCheckActivitiesImpl reducing = checks(TradingState.REDUCING);

        assertApproved(reducing.validate(limit(HELD, Side.SELL, 50, 50_000)));
        assertDenied(reducing.validate(limit(SECTOR_B, Side.BUY, 10, 10_000)), DenialReason.DAILY_LOSS_LIMIT,
                "REDUCING");
        assertDenied(reducing.validate(limit(SECTOR_B, Side.SELL, 10, 10_000)), DenialReason.INSUFFICIENT_SHARES);
    }

    @Test
    void theDailyLossIsMeasuredFromTheNewestPerformanceBeforeToday() {
        standardAccount();
        // equity 15,000,000; a 2% loss is reached when start-of-day equity is at least 15,306,122.45
        startOfDay(LocalDate.of(2026, 11, 24), 15_306_122L);
        startOfDay(LocalDate.of(2026, 11, 25), 15_306_123L);
        startOfDay(TODAY, 99_000_000L);

        assertDenied(check(limit(SECTOR_B, Side.BUY, 10, 10_000)), DenialReason.DAILY_LOSS_LIMIT, "-306123",
                "15306123");
        assertApproved(check(limit(HELD, Side.SELL, 10, 50_000)));

        dsl.deleteFrom(DAILY_PERFORMANCE).where(DAILY_PERFORMANCE.ACCOUNT.eq(account),
                DAILY_PERFORMANCE.TRADE_DATE.eq(LocalDate.of(2026, 11, 25))).execute();
        assertApproved(check(limit(SECTOR_B, Side.BUY, 10, 10_000)));
    }

    // ---- bad input and missing data ----

    @Test
    void symbolsThatAreMalformedOrUnknownAreDeniedWithTheSymbolNamed() {
        standardAccount();

        assertDenied(check(limit("990899", Side.BUY, 1, 10_000)), DenialReason.NO_MARKET_DATA, "990899",
                "unknown");
        assertDenied(check(limit("99A", Side.BUY, 1, 10_000)), DenialReason.INVALID_ORDER, "'99A'",
                "6-character");
        assertDenied(check(limit(null, Side.BUY, 1, 10_000)), DenialReason.INVALID_ORDER, "'null'");
        assertDenied(check(limit("0001A0", Side.BUY, 1, 10_000)), DenialReason.INVALID_ORDER, "'0001A0'",
                "6-digit");
    }

    @Test
    void aDelistedStockIsDenied() {
        standardAccount();

        assertDenied(check(limit(DELISTED, Side.BUY, 1, 10_000)), DenialReason.INVALID_ORDER,
                "delisted on 2026-11-20");
    }

    @Test
    void malformedOrdersAreDeniedNotThrown() {
        standardAccount();

        assertDenied(check(limit(SECTOR_B, Side.BUY, 0, 10_000)), DenialReason.INVALID_ORDER, "quantity");
        assertDenied(check(request("x-" + account, SECTOR_B, null, Side.BUY, 1, 10_000, null)),
                DenialReason.INVALID_ORDER, "no market");
        assertDenied(check(request("x-" + account, SECTOR_B, Market.KOSDAQ, Side.BUY, 1, 10_000, null)),
                DenialReason.INVALID_ORDER, "listed on KOSPI");
        assertDenied(checks(TradingState.ACTIVE).validate(null), DenialReason.INVALID_ORDER);
        assertDenied(check(limit(SECTOR_B, Side.BUY, Long.MAX_VALUE / 1_000, 10_000)), DenialReason.INVALID_ORDER,
                "overflow");
    }

    @Test
    void missingPricesGiveNoMarketData() {
        standardAccount();

        assertDenied(check(limit(UNPRICED, Side.BUY, 1, 10_000)), DenialReason.NO_MARKET_DATA, UNPRICED,
                "base price");
        LastPriceSource none = symbol -> Optional.empty();
        assertDenied(checks(TradingState.ACTIVE, none).validate(limit(SECTOR_B, Side.BUY, 1, 10_000)),
                DenialReason.NO_MARKET_DATA, "last trade price");
    }

    @Test
    void aHeldStockWithoutALastPriceIsValuedAtItsBasePrice() {
        standardAccount();
        // 990801 has no quote: valued at the 50,000 close, so equity stays 15,000,000
        LastPriceSource onlyB = symbol -> symbol.code().equals(SECTOR_B) ? Optional.of(10_000L) : Optional.empty();

        OrderCheckActivitiesImpl checks = checks(TradingState.ACTIVE, onlyB);
        assertApproved(checks.validate(limit(SECTOR_B, Side.BUY, 150, 10_000)));
        assertDenied(checks.validate(limit(SECTOR_B, Side.BUY, 151, 10_000)), DenialReason.POSITION_SIZE_LIMIT,
                "15000000");
    }

    // ---- last price ----

    @Test
    void lastPriceIsTheNewestCloseOrUnavailable() {
        OrderCheckActivitiesImpl checks = checks(TradingState.ACTIVE);

        assertThat(checks.lastPrice(HELD)).isEqualTo(new LastPrice(true, 50_000));
        assertThat(checks.lastPrice(TRADED_TODAY)).isEqualTo(new LastPrice(true, 10_400));
        assertThat(checks.lastPrice(UNPRICED)).isEqualTo(new LastPrice(false, 0));
        assertThat(checks.lastPrice("990899")).isEqualTo(new LastPrice(false, 0));
        assertThat(checks.lastPrice("abc")).isEqualTo(new LastPrice(false, 0));
        assertThat(new DailyBarLastPriceSource(dsl).lastPrices(List.of(Symbol.of(HELD), Symbol.of(UNPRICED),
                Symbol.of(TRADED_TODAY)))).isEqualTo(Map.of(Symbol.of(HELD), 50_000L, Symbol.of(TRADED_TODAY),
                10_400L));
    }
}
