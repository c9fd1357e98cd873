package com.aegis.db;

import static com.aegis.db.jooq.Tables.DAILY_BAR;
import static com.aegis.db.jooq.Tables.FILL;
import static com.aegis.db.jooq.Tables.INSTRUMENT;
import static com.aegis.db.jooq.Tables.ORDERS;
import static com.aegis.db.jooq.Tables.SCORE_DAILY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.SQLDialect;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad rows are refused by the database itself, whichever code path writes them. */
class SchemaConstraintsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);
    private static DSLContext db;

    @BeforeAll
    static void migrate() {
        var dataSource = EmbeddedDatabase.freshDatabase("schema_constraints");
        Migrations.migrate(dataSource);
        db = DSL.using(dataSource, SQLDialect.POSTGRES);
        db.insertInto(INSTRUMENT, INSTRUMENT.SYMBOL, INSTRUMENT.NAME, INSTRUMENT.MARKET, INSTRUMENT.LISTED_SHARES,
                        INSTRUMENT.LISTED_ON)
                .values("005930", "삼성전자", "KOSPI", 5_919_637_922L, LocalDate.of(1975, 6, 11))
                .execute();
    }

    @Test
    void negativePriceIsRejected() {
        assertViolation(() -> insertBar("005930", -71_000L, 72_000L, 70_500L), "23514")
                .hasMessageContaining("daily_bar_close_check");
    }

    @Test
    void highBelowLowIsRejected() {
        assertViolation(() -> insertBar("005930", 71_000L, 70_000L, 70_500L), "23514")
                .hasMessageContaining("daily_bar_ohlc_range_check");
    }

    @Test
    void unknownMarketIsRejected() {
        assertViolation(() -> db.insertInto(INSTRUMENT, INSTRUMENT.SYMBOL, INSTRUMENT.NAME, INSTRUMENT.MARKET,
                                INSTRUMENT.LISTED_SHARES, INSTRUMENT.LISTED_ON)
                        .values("123456", "Nowhere Corp", "NYSE", 1_000L, DAY).execute(), "23514")
                .hasMessageContaining("instrument_market_check");
    }

    @Test
    void barOfUnknownSymbolViolatesTheForeignKey() {
        assertViolation(() -> insertBar("999999", 71_000L, 72_000L, 70_500L), "23503")
                .hasMessageContaining("daily_bar_symbol_fkey");
    }

    @Test
    void limitOrderWithoutPriceIsRejected() {
        assertViolation(() -> db.insertInto(ORDERS, ORDERS.CLIENT_ORDER_ID, ORDERS.WORKFLOW_ID, ORDERS.ACCOUNT,
                                ORDERS.TRADE_DATE, ORDERS.SYMBOL, ORDERS.SIDE, ORDERS.ORDER_TYPE, ORDERS.QUANTITY,
                                ORDERS.STATUS)
                        .values("no-price-1", "no-price", "50123456-01", DAY, "005930", "BUY", "LIMIT", 10L,
                                "INITIALIZED")
                        .execute(), "23514")
                .hasMessageContaining("orders_limit_price_iff_limit_check");
    }

    @Test
    void duplicateFillNoticeIsRejected() {
        db.insertInto(ORDERS, ORDERS.CLIENT_ORDER_ID, ORDERS.WORKFLOW_ID, ORDERS.ACCOUNT, ORDERS.TRADE_DATE,
                        ORDERS.SYMBOL, ORDERS.SIDE, ORDERS.ORDER_TYPE, ORDERS.QUANTITY, ORDERS.STATUS)
                .values("market-1", "market", "50123456-01", DAY, "005930", "SELL", "MARKET", 10L, "ACCEPTED")
                .execute();
        OffsetDateTime filledAt = OffsetDateTime.of(2026, 11, 23, 1, 0, 0, 0, ZoneOffset.UTC);
        ThrowingCallable fillOnce = () -> db.insertInto(FILL, FILL.TRADE_ID, FILL.ORDER_ID, FILL.SYMBOL, FILL.SIDE,
                        FILL.PRICE, FILL.QUANTITY, FILL.COMMISSION, FILL.TAX, FILL.TRADE_DATE, FILL.FILLED_AT)
                .values("T-1", "market-1", "005930", "SELL", 71_000L, 10L, 107L, 1_420L, DAY, filledAt)
                .execute();

        assertThat(db.fetchCount(FILL)).isZero();
        org.assertj.core.api.Assertions.assertThatCode(fillOnce).doesNotThrowAnyException();
        assertViolation(fillOnce, "23505").hasMessageContaining("fill_pkey");
        assertThat(db.fetchCount(FILL)).isEqualTo(1);
    }

    @Test
    void scoreOutsideZeroToHundredIsRejected() {
        assertViolation(() -> db.insertInto(SCORE_DAILY, SCORE_DAILY.TRADE_DATE, SCORE_DAILY.SYMBOL,
                                SCORE_DAILY.QUANT_SCORE, SCORE_DAILY.AI_SCORE, SCORE_DAILY.FINAL_SCORE,
                                SCORE_DAILY.RECOMMENDATION, SCORE_DAILY.REGIME, SCORE_DAILY.WEIGHTS)
                        .values(DAY, "005930", 80.0, 90.0, 120.0, "BUY", "BULL",
                                JSONB.valueOf("{\"quant\":0.4,\"ai\":0.6}"))
                        .execute(), "23514")
                .hasMessageContaining("score_daily_final_score_check");
    }

    private static void insertBar(String symbol, long close, long high, long low) {
        db.insertInto(DAILY_BAR, DAILY_BAR.SYMBOL, DAILY_BAR.TRADE_DATE, DAILY_BAR.BASE_PRICE, DAILY_BAR.OPEN,
                        DAILY_BAR.HIGH, DAILY_BAR.LOW, DAILY_BAR.CLOSE, DAILY_BAR.VOLUME, DAILY_BAR.TRADED_VALUE,
                        DAILY_BAR.SOURCE)
                .values(symbol, DAY, 71_000L, 71_000L, high, low, close, 1_000L, 71_000_000L, "KRX")
                .execute();
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertViolation(ThrowingCallable write,
                                                                                  String sqlState) {
        return assertThatThrownBy(write)
                .isInstanceOf(IntegrityConstraintViolationException.class)
                .satisfies(e -> assertThat(((IntegrityConstraintViolationException) e).sqlState()).isEqualTo(sqlState));
    }
}
