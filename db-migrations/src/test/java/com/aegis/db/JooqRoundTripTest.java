package com.aegis.db;

import static com.aegis.db.jooq.Tables.DAILY_BAR;
import static com.aegis.db.jooq.Tables.FILL;
import static com.aegis.db.jooq.Tables.INSTRUMENT;
import static com.aegis.db.jooq.Tables.ORDERS;
import static com.aegis.db.jooq.Tables.ORDER_EVENT;
import static com.aegis.db.jooq.Tables.SECTOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.aegis.db.jooq.tables.records.DailyBarRecord;
import com.aegis.db.jooq.tables.records.InstrumentRecord;
import com.aegis.db.jooq.tables.records.OrdersRecord;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Writes and reads the main tables through the generated jOOQ classes against the migrated schema. */
class JooqRoundTripTest {

    private static DSLContext db;

    @BeforeAll
    static void migrate() {
        var dataSource = EmbeddedDatabase.freshDatabase("jooq_round_trip");
        Migrations.migrate(dataSource);
        db = DSL.using(dataSource, SQLDialect.POSTGRES);
        db.insertInto(SECTOR, SECTOR.SECTOR_CODE, SECTOR.NAME, SECTOR.MARKET)
                .values("KOSPI_013", "전기전자", "KOSPI").execute();
    }

    @Test
    void instrumentRoundTrip() {
        InstrumentRecord samsung = db.newRecord(INSTRUMENT);
        samsung.setSymbol("005930");
        samsung.setIsin("KR7005930003");
        samsung.setCorpCode("00126380");
        samsung.setName("삼성전자");
        samsung.setMarket("KOSPI");
        samsung.setSectorCode("KOSPI_013");
        samsung.setListedShares(5_919_637_922L);
        samsung.setListedOn(LocalDate.of(1975, 6, 11));
        samsung.setKospi200(true);
        samsung.store();

        InstrumentRecord read = db.selectFrom(INSTRUMENT).where(INSTRUMENT.SYMBOL.eq("005930")).fetchSingle();

        assertThat(read.getName()).isEqualTo("삼성전자");
        assertThat(read.getMarket()).isEqualTo("KOSPI");
        assertThat(read.getSecurityType()).as("default security type").isEqualTo("COMMON");
        assertThat(read.getListedShares()).isEqualTo(5_919_637_922L);
        assertThat(read.getListedOn()).isEqualTo(LocalDate.of(1975, 6, 11));
        assertThat(read.getDelistedOn()).isNull();
        assertThat(read.getKospi200()).isTrue();
        assertThat(read.getUpdatedAt()).as("defaulted by the database").isNotNull();
    }

    @Test
    void dailyBarsRoundTripInDateOrder() {
        insertInstrument("000660", "SK하이닉스", "KOSPI");
        db.insertInto(DAILY_BAR, DAILY_BAR.SYMBOL, DAILY_BAR.TRADE_DATE, DAILY_BAR.BASE_PRICE, DAILY_BAR.OPEN,
                        DAILY_BAR.HIGH, DAILY_BAR.LOW, DAILY_BAR.CLOSE, DAILY_BAR.VOLUME, DAILY_BAR.TRADED_VALUE,
                        DAILY_BAR.MARKET_CAP, DAILY_BAR.SOURCE)
                .values("000660", LocalDate.of(2026, 11, 20), 560_000L, 561_000L, 575_000L, 556_000L, 572_000L,
                        3_120_455L, 1_772_310_000_000L, 416_422_000_000_000L, "KRX")
                // A halted session: no trade, so no open/high/low; the close carries the base price.
                .values("000660", LocalDate.of(2026, 11, 23), 572_000L, null, null, null, 572_000L,
                        0L, 0L, 416_422_000_000_000L, "KRX")
                .execute();

        List<DailyBarRecord> bars = db.selectFrom(DAILY_BAR)
                .where(DAILY_BAR.SYMBOL.eq("000660"))
                .and(DAILY_BAR.TRADE_DATE.between(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)))
                .orderBy(DAILY_BAR.TRADE_DATE)
                .fetch();

        assertThat(bars).extracting(DailyBarRecord::getTradeDate)
                .containsExactly(LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 23));
        assertThat(bars.get(0).getClose()).isEqualTo(572_000L);
        assertThat(bars.get(0).getTradedValue()).isEqualTo(1_772_310_000_000L);
        assertThat(bars.get(1).getOpen()).isNull();
        assertThat(bars.get(1).getVolume()).isZero();
    }

    @Test
    void orderWithEventsAndFillRoundTrip() {
        insertInstrument("035420", "NAVER", "KOSPI");
        OffsetDateTime submitted = OffsetDateTime.of(2026, 11, 24, 0, 5, 0, 0, ZoneOffset.UTC);
        OrdersRecord order = db.newRecord(ORDERS);
        order.setClientOrderId("order-20261124-035420-buy-1");
        order.setWorkflowId("order-20261124-035420-buy");
        order.setAccount("50123456-01");
        order.setTradeDate(LocalDate.of(2026, 11, 24));
        order.setSymbol("035420");
        order.setSide("BUY");
        order.setOrderType("LIMIT");
        order.setLimitPrice(215_500L);
        order.setQuantity(40L);
        order.setStatus("SUBMITTED");
        order.setCreatedAt(submitted);
        order.setUpdatedAt(submitted);
        order.store();
        db.insertInto(ORDER_EVENT, ORDER_EVENT.ORDER_ID, ORDER_EVENT.SEQ, ORDER_EVENT.EVENT_TYPE,
                        ORDER_EVENT.PAYLOAD, ORDER_EVENT.OCCURRED_AT)
                .values(order.getClientOrderId(), 1, "ORDER_SUBMITTED", JSONB.valueOf("{\"limitPrice\": 215500}"),
                        submitted)
                .values(order.getClientOrderId(), 2, "ORDER_ACCEPTED",
                        JSONB.valueOf("{\"brokerOrderNo\": \"0000117\"}"), submitted.plusSeconds(1))
                .execute();
        db.insertInto(FILL, FILL.TRADE_ID, FILL.ORDER_ID, FILL.SYMBOL, FILL.SIDE, FILL.PRICE, FILL.QUANTITY,
                        FILL.COMMISSION, FILL.TRADE_DATE, FILL.FILLED_AT)
                .values("T-0000117-1", order.getClientOrderId(), "035420", "BUY", 215_500L, 40L, 1_293L,
                        LocalDate.of(2026, 11, 24), submitted.plusSeconds(3))
                .execute();
        db.update(ORDERS).set(ORDERS.STATUS, "FILLED").set(ORDERS.FILLED_QUANTITY, 40L)
                .where(ORDERS.CLIENT_ORDER_ID.eq(order.getClientOrderId())).execute();

        OrdersRecord read = db.selectFrom(ORDERS).where(ORDERS.STATUS.eq("FILLED")).fetchSingle();
        var events = db.select(ORDER_EVENT.EVENT_TYPE, ORDER_EVENT.PAYLOAD).from(ORDER_EVENT)
                .where(ORDER_EVENT.ORDER_ID.eq(read.getClientOrderId())).orderBy(ORDER_EVENT.SEQ).fetch();
        var fill = db.selectFrom(FILL).where(FILL.ORDER_ID.eq(read.getClientOrderId())).fetchSingle();

        assertThat(read.getLimitPrice()).isEqualTo(215_500L);
        assertThat(read.getFilledQuantity()).isEqualTo(40L);
        assertThat(read.getCreatedAt().toInstant()).isEqualTo(submitted.toInstant());
        assertThat(events).extracting(r -> r.value1()).containsExactly("ORDER_SUBMITTED", "ORDER_ACCEPTED");
        assertThat(events.get(1).value2().data()).contains("0000117");
        assertThat(fill.getPrice() * fill.getQuantity()).isEqualTo(8_620_000L);
        assertThat(fill.getTax()).as("no tax on buys").isZero();
    }

    private static void insertInstrument(String symbol, String name, String market) {
        db.insertInto(INSTRUMENT, INSTRUMENT.SYMBOL, INSTRUMENT.NAME, INSTRUMENT.MARKET, INSTRUMENT.LISTED_SHARES,
                        INSTRUMENT.LISTED_ON)
                .values(symbol, name, market, 100_000_000L, LocalDate.of(2000, 1, 4))
                .execute();
    }
}
