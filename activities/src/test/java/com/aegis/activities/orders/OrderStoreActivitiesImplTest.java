package com.aegis.activities.orders;

import static com.aegis.db.jooq.Tables.EXECUTION_REPORT;
import static com.aegis.db.jooq.Tables.FILL;
import static com.aegis.db.jooq.Tables.INSTRUMENT;
import static com.aegis.db.jooq.Tables.ORDERS;
import static com.aegis.db.jooq.Tables.ORDER_EVENT;
import static com.aegis.db.jooq.Tables.SIGNAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aegis.activities.testing.MutableClock;
import com.aegis.core.execution.AccountId;
import com.aegis.core.execution.BrokerOrderId;
import com.aegis.core.execution.ClientOrderId;
import com.aegis.core.execution.DenialReason;
import com.aegis.core.execution.ExecutionReport;
import com.aegis.core.execution.Order;
import com.aegis.core.execution.OrderEvent.OrderAccepted;
import com.aegis.core.execution.OrderEvent.OrderDenied;
import com.aegis.core.execution.OrderEvent.OrderRejected;
import com.aegis.core.execution.OrderEvent.OrderSubmitted;
import com.aegis.core.execution.OrderStatus;
import com.aegis.core.execution.OrderType;
import com.aegis.core.execution.SignalId;
import com.aegis.core.execution.SubmitOrder;
import com.aegis.core.execution.TradeId;
import com.aegis.core.krx.TradingCosts;
import com.aegis.core.market.Market;
import com.aegis.core.market.Side;
import com.aegis.core.market.Symbol;
import com.aegis.db.Migrations;
import com.aegis.localstack.LocalStack;
import com.aegis.workflows.orders.OrderEventRecord;
import com.aegis.workflows.orders.OrderExecutionReport;
import com.aegis.workflows.orders.OrderSnapshot;
import com.aegis.workflows.orders.OrderStoreActivities.EventBatch;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against the local stack's PostgreSQL. Orders are built with core's {@link Order} and sent in batches the way the
 * order lifecycle workflow sends them. Test instruments 99010x are this class's own; order ids carry a per-test tag.
 */
class OrderStoreActivitiesImplTest {

    private static final String KOSPI_SYMBOL = "990101";
    private static final String KOSDAQ_SYMBOL = "990102";
    /** 09:05 KST on Thursday 2026-11-26 is 00:05 UTC. */
    private static final Instant OPEN = Instant.parse("2026-11-26T00:05:00Z");
    private static final LocalDate TRADE_DATE = LocalDate.of(2026, 11, 26);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static DSLContext dsl;
    private MutableClock clock;
    private OrderStoreActivitiesImpl store;
    private OrderQueries queries;
    private String tag;

    @BeforeAll
    static void migrate() {
        DataSource dataSource = LocalStack.sharedForTests().dataSource();
        Migrations.migrate(dataSource);
        dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
        instrument(KOSPI_SYMBOL, "Store test KOSPI", "KOSPI");
        instrument(KOSDAQ_SYMBOL, "Store test KOSDAQ", "KOSDAQ");
    }

    private static void instrument(String symbol, String name, String market) {
        dsl.insertInto(INSTRUMENT)
                .set(INSTRUMENT.SYMBOL, symbol)
                .set(INSTRUMENT.NAME, name)
                .set(INSTRUMENT.MARKET, market)
                .set(INSTRUMENT.LISTED_SHARES, 10_000_000L)
                .set(INSTRUMENT.LISTED_ON, LocalDate.of(2020, 1, 2))
                .onConflictDoNothing()
                .execute();
    }

    @BeforeEach
    void setUp() {
        clock = new MutableClock(OPEN.plusSeconds(3_600));
        store = new OrderStoreActivitiesImpl(dsl, clock);
        queries = new OrderQueries(dsl);
        tag = UUID.randomUUID().toString().substring(0, 8);
    }

    /** An order plus the workflow's bookkeeping of which events are stored: each call gives the next batch. */
    private final class Workflow {
        final String workflowId;
        final Order order;
        final List<EventBatch> sent = new ArrayList<>();
        int persisted;

        Workflow(SubmitOrder command) {
            this.workflowId = "order-" + command.clientOrderId();
            this.order = Order.create(command);
        }

        String id() {
            return order.clientOrderId().value();
        }

        ClientOrderId cid() {
            return order.clientOrderId();
        }

        EventBatch persist() {
            List<OrderEventRecord> records = new ArrayList<>();
            for (int i = persisted; i < order.events().size(); i++) {
                records.add(OrderEventRecord.of(i + 1, order.events().get(i)));
            }
            persisted = order.events().size();
            EventBatch batch = new EventBatch(OrderSnapshot.of(workflowId, workflowId + "-1", order), records);
            store.recordEvents(batch);
            sent.add(batch);
            return batch;
        }

        OrderExecutionReport finish(String closeReason) {
            OrderExecutionReport report = OrderExecutionReport.of(workflowId,
                    order.brokerOrderId().map(Object::toString).orElse(null),
                    ExecutionReport.of(order, TradingCosts.standard()), order.rejectReason().orElse(null),
                    closeReason);
            store.saveReport(report);
            return report;
        }
    }

    private SubmitOrder limitBuy(String name, String symbol, long quantity, long limit, Instant at) {
        return SubmitOrder.limit(ClientOrderId.of(name + "-" + tag), AccountId.of("ACC-" + tag), Symbol.of(symbol),
                Market.KOSPI, Side.BUY, quantity, limit, limit, at);
    }

    private long count(org.jooq.Table<?> table, org.jooq.Condition condition) {
        return dsl.fetchCount(table, condition);
    }

    private long[] rowCounts(String id) {
        return new long[] {
                count(ORDERS, ORDERS.CLIENT_ORDER_ID.eq(id)),
                count(ORDER_EVENT, ORDER_EVENT.ORDER_ID.eq(id)),
                count(FILL, FILL.ORDER_ID.eq(id)),
                count(EXECUTION_REPORT, EXECUTION_REPORT.ORDER_ID.eq(id))};
    }

    @Test
    void aFullLifeStoresTheOrderItsEventsItsFillsAndItsReportAndResendingChangesNothing() {
        // Created 08:50 KST (23:50 UTC the day before): the trade date is the KST date.
        Workflow w = new Workflow(limitBuy("buy", KOSPI_SYMBOL, 100, 70_000, OPEN.minusSeconds(900)));
        w.persist();
        w.order.apply(new OrderSubmitted(w.cid(), OPEN));
        w.order.apply(new OrderAccepted(w.cid(), OPEN.plusMillis(120), BrokerOrderId.of("B" + tag)));
        w.persist();
        w.order.fill(TradeId.of("T1-" + tag), 69_900, 40, OPEN.plusSeconds(5));
        w.persist();
        w.order.fill(TradeId.of("T2-" + tag), 70_000, 60, OPEN.plusSeconds(9));
        w.persist();
        OrderExecutionReport report = w.finish("filled");

        OrderRow row = queries.order(w.id()).orElseThrow();
        assertThat(row.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(row.quantity()).isEqualTo(100);
        assertThat(row.filledQuantity()).isEqualTo(100);
        assertThat(row.limitPrice()).isEqualTo(70_000L);
        assertThat(row.type()).isEqualTo(OrderType.LIMIT);
        assertThat(row.side()).isEqualTo(Side.BUY);
        assertThat(row.tradeDate()).isEqualTo(TRADE_DATE);
        assertThat(row.workflowId()).isEqualTo(w.workflowId);
        assertThat(row.account()).isEqualTo("ACC-" + tag);
        assertThat(row.brokerOrderNo()).isEqualTo("B" + tag);
        assertThat(row.executionAlgo()).isEqualTo("DIRECT");
        assertThat(row.signalId()).isNull();
        assertThat(row.rejectReason()).isNull();
        assertThat(row.brokerOrderKey()).isEqualTo(w.workflowId + "-1");
        assertThat(row.decisionPrice()).isEqualTo(70_000L);
        assertThat(queries.workflowIdOfBrokerOrder("B" + tag)).contains(w.workflowId);
        assertThat(queries.workflowIdOfBrokerOrder("NO-SUCH-" + tag)).isEmpty();
        assertThat(queries.ordersOf(TRADE_DATE)).extracting(OrderRow::clientOrderId).contains(w.id());

        List<OrderEventRow> events = queries.eventsOf(w.id());
        assertThat(events).extracting(OrderEventRow::sequence).containsExactly(1, 2, 3, 4, 5);
        assertThat(events).extracting(OrderEventRow::eventType).containsExactly("ORDER_INITIALIZED",
                "ORDER_SUBMITTED", "ORDER_ACCEPTED", "ORDER_FILLED", "ORDER_FILLED");
        assertThat(events.get(3).occurredAt()).isEqualTo(OPEN.plusSeconds(5));
        JsonNode firstFill = json(events.get(3).payload());
        assertThat(firstFill.get("tradeId").asText()).isEqualTo("T1-" + tag);
        assertThat(firstFill.get("price").asLong()).isEqualTo(69_900);
        assertThat(firstFill.get("leavesQuantity").asLong()).isEqualTo(60);
        assertThat(json(events.get(2).payload()).get("brokerOrderId").asText()).isEqualTo("B" + tag);
        JsonNode init = json(events.get(0).payload()).get("order");
        assertThat(init.get("brokerOrderKey").asText()).isEqualTo(w.workflowId + "-1");
        assertThat(init.get("market").asText()).isEqualTo("KOSPI");

        TradingCosts costs = TradingCosts.standard();
        List<FillRow> fills = queries.fillsOf(w.id());
        assertThat(fills).extracting(FillRow::tradeId).containsExactly("T1-" + tag, "T2-" + tag);
        assertThat(fills.get(0).commission()).isEqualTo(costs.commission(69_900L * 40)).isEqualTo(419);
        assertThat(fills.get(1).commission()).isEqualTo(costs.commission(70_000L * 60)).isEqualTo(630);
        assertThat(fills).allSatisfy(f -> {
            assertThat(f.tax()).isZero();
            assertThat(f.side()).isEqualTo(Side.BUY);
            assertThat(f.symbol()).isEqualTo(KOSPI_SYMBOL);
            assertThat(f.tradeDate()).isEqualTo(TRADE_DATE);
        });

        ReportRow stored = queries.reportOf(w.id()).orElseThrow();
        assertThat(stored.finalStatus()).isEqualTo(OrderStatus.FILLED);
        assertThat(stored.orderedQuantity()).isEqualTo(100);
        assertThat(stored.filledQuantity()).isEqualTo(100);
        assertThat(stored.filledValue()).isEqualTo(69_900L * 40 + 70_000L * 60);
        assertThat(stored.arrivalPrice()).isEqualTo(70_000L);
        assertThat(stored.commission()).isEqualTo(report.commission()).isEqualTo(419 + 630);
        assertThat(stored.tax()).isZero();
        assertThat(stored.fillCount()).isEqualTo(2);
        assertThat(stored.firstFillAt()).isEqualTo(OPEN.plusSeconds(5));
        assertThat(stored.lastFillAt()).isEqualTo(OPEN.plusSeconds(9));
        assertThat(stored.slippageBps()).isEqualTo(report.slippageBps());
        assertThat(stored.slippageKrw()).isEqualTo(report.slippageKrw());
        assertThat(stored.netCash()).isEqualTo(report.netCash()).isEqualTo(-(69_900L * 40 + 70_000L * 60 + 419 + 630));
        assertThat(stored.closeReason()).isEqualTo("filled");
        assertThat(stored.reportedAt()).isEqualTo(clock.instant());

        // Every batch and the report again, later (retries after lost responses): nothing changes.
        long[] before = rowCounts(w.id());
        Instant updatedAt = row.updatedAt();
        Instant reportedAt = stored.reportedAt();
        clock.advance(Duration.ofMinutes(7));
        w.sent.forEach(store::recordEvents);
        store.saveReport(report);
        assertThat(rowCounts(w.id())).containsExactly(before).containsExactly(1, 5, 2, 1);
        assertThat(queries.order(w.id()).orElseThrow()).isEqualTo(row);
        assertThat(queries.order(w.id()).orElseThrow().updatedAt()).isEqualTo(updatedAt);
        assertThat(queries.reportOf(w.id()).orElseThrow().reportedAt()).isEqualTo(reportedAt);
        assertThat(queries.eventsOf(w.id())).isEqualTo(events);
    }

    @Test
    void fillsAreBookedOnceIntoThePositionAndTheCashLedger() {
        String account = "ACC-" + tag;
        assertThat(AccountBook.deposit(dsl, account, 10_000_000, "opening-" + tag, TRADE_DATE, OPEN)).isTrue();
        assertThat(AccountBook.deposit(dsl, account, 10_000_000, "opening-" + tag, TRADE_DATE, OPEN)).isFalse();
        Workflow buy = new Workflow(limitBuy("bk-buy", KOSPI_SYMBOL, 100, 50_000, OPEN));
        buy.persist();
        buy.order.apply(new OrderSubmitted(buy.cid(), OPEN));
        buy.order.apply(new OrderAccepted(buy.cid(), OPEN, BrokerOrderId.of("BB" + tag)));
        buy.order.fill(TradeId.of("BK1-" + tag), 50_000, 60, OPEN.plusSeconds(1));
        buy.order.fill(TradeId.of("BK2-" + tag), 50_100, 40, OPEN.plusSeconds(2));
        buy.persist();
        buy.sent.forEach(store::recordEvents);

        SubmitOrder sellCommand = SubmitOrder.limit(ClientOrderId.of("bk-sell-" + tag), AccountId.of(account),
                Symbol.of(KOSPI_SYMBOL), Market.KOSPI, Side.SELL, 30, 51_000, 51_000, OPEN.plusSeconds(60));
        Workflow sell = new Workflow(sellCommand);
        sell.persist();
        sell.order.apply(new OrderSubmitted(sell.cid(), OPEN.plusSeconds(60)));
        sell.order.apply(new OrderAccepted(sell.cid(), OPEN.plusSeconds(60), BrokerOrderId.of("BS" + tag)));
        sell.order.fill(TradeId.of("BK3-" + tag), 51_000, 30, OPEN.plusSeconds(61));
        sell.persist();

        TradingCosts costs = TradingCosts.standard();
        long buyCommission = costs.commission(3_000_000) + costs.commission(2_004_000);
        long sellCommission = costs.commission(1_530_000);
        long sellTax = costs.sellTax(Market.KOSPI, TRADE_DATE, 1_530_000);
        assertThat(AccountBook.shares(dsl, account)).containsExactly(java.util.Map.entry(KOSPI_SYMBOL, 70L));
        assertThat(AccountBook.cash(dsl, account)).isEqualTo(10_000_000 - 5_004_000 - buyCommission + 1_530_000
                - sellCommission - sellTax);
        // Average cost 50,040; 30 sold at 51,000 gains 28,800 before the sell's costs.
        assertThat(AccountBook.realisedPnl(dsl, account)).isEqualTo(28_800 - sellCommission - sellTax);
        assertThat(count(com.aegis.db.jooq.Tables.CASH_LEDGER,
                com.aegis.db.jooq.Tables.CASH_LEDGER.ACCOUNT.eq(account))).isEqualTo(1 + 4 + 3);
    }

    @Test
    void anOldBatchResentAfterANewerOneLeavesTheOrderRowAlone() {
        Workflow w = new Workflow(limitBuy("stale", KOSPI_SYMBOL, 10, 50_000, OPEN));
        EventBatch first = w.persist();
        w.order.apply(new OrderSubmitted(w.cid(), OPEN.plusSeconds(1)));
        w.persist();

        store.recordEvents(first);

        assertThat(queries.order(w.id()).orElseThrow().status()).isEqualTo(OrderStatus.SUBMITTED);
        assertThat(queries.eventsOf(w.id())).hasSize(2);
    }

    @Test
    void aMarketSellStoresNoLimitPriceAndPaysTheSellTaxPerFill() {
        SubmitOrder sell = SubmitOrder.market(ClientOrderId.of("sell-" + tag), AccountId.of("ACC-" + tag),
                Symbol.of(KOSDAQ_SYMBOL), Market.KOSDAQ, Side.SELL, 50, 12_340, OPEN);
        Workflow w = new Workflow(sell);
        w.order.apply(new OrderSubmitted(w.cid(), OPEN));
        w.order.apply(new OrderAccepted(w.cid(), OPEN.plusMillis(80), BrokerOrderId.of("S" + tag)));
        w.order.fill(TradeId.of("S1-" + tag), 12_330, 50, OPEN.plusSeconds(1));
        w.persist();
        OrderExecutionReport report = w.finish("filled");

        OrderRow row = queries.order(w.id()).orElseThrow();
        assertThat(row.type()).isEqualTo(OrderType.MARKET);
        assertThat(row.limitPrice()).isNull();
        assertThat(row.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(row.side()).isEqualTo(Side.SELL);

        FillRow fill = queries.fillsOf(w.id()).get(0);
        long notional = 12_330L * 50;
        // 2026: KOSDAQ sell tax 0.20%, truncated to the won.
        assertThat(fill.tax()).isEqualTo(TradingCosts.standard().sellTax(Market.KOSDAQ, TRADE_DATE, notional))
                .isEqualTo(1_233);
        assertThat(fill.commission()).isEqualTo(TradingCosts.standard().commission(notional)).isEqualTo(92);
        ReportRow stored = queries.reportOf(w.id()).orElseThrow();
        assertThat(stored.tax()).isEqualTo(report.tax()).isEqualTo(fill.tax());
        assertThat(stored.commission()).isEqualTo(fill.commission());
    }

    @Test
    void aRejectedOrderKeepsTheBrokerCodeOnTheOrderAndInTheReport() {
        Workflow w = new Workflow(limitBuy("rej", KOSPI_SYMBOL, 20, 61_000, OPEN));
        w.persist();
        w.order.apply(new OrderSubmitted(w.cid(), OPEN.plusSeconds(1)));
        w.order.apply(new OrderRejected(w.cid(), OPEN.plusSeconds(2), "APBK0919", "insufficient buying power"));
        w.persist();
        w.finish("REJECTED");

        OrderRow row = queries.order(w.id()).orElseThrow();
        assertThat(row.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(row.rejectReason()).isEqualTo("APBK0919");
        assertThat(row.filledQuantity()).isZero();
        assertThat(queries.fillsOf(w.id())).isEmpty();
        JsonNode rejected = json(queries.eventsOf(w.id()).get(2).payload());
        assertThat(rejected.get("reasonCode").asText()).isEqualTo("APBK0919");
        assertThat(rejected.get("message").asText()).isEqualTo("insufficient buying power");
        ReportRow report = queries.reportOf(w.id()).orElseThrow();
        assertThat(report.finalStatus()).isEqualTo(OrderStatus.REJECTED);
        assertThat(report.filledQuantity()).isZero();
        assertThat(report.filledValue()).isZero();
        assertThat(report.fillCount()).isZero();
        assertThat(report.firstFillAt()).isNull();
        assertThat(report.arrivalPrice()).isEqualTo(61_000L);
    }

    @Test
    void aDeniedOrderIsStoredWithItsDenialReason() {
        Workflow w = new Workflow(limitBuy("deny", KOSPI_SYMBOL, 30, 80_000, OPEN));
        w.order.apply(new OrderDenied(w.cid(), OPEN.plusMillis(5), DenialReason.DAILY_LOSS_LIMIT,
                "daily loss -2.1% beyond -2.0%"));
        w.persist();
        w.finish("DAILY_LOSS_LIMIT");

        OrderRow row = queries.order(w.id()).orElseThrow();
        assertThat(row.status()).isEqualTo(OrderStatus.DENIED);
        assertThat(row.rejectReason()).isEqualTo("DAILY_LOSS_LIMIT");
        assertThat(row.brokerOrderNo()).isNull();
        assertThat(queries.eventsOf(w.id())).extracting(OrderEventRow::eventType)
                .containsExactly("ORDER_INITIALIZED", "ORDER_DENIED");
        assertThat(queries.reportOf(w.id()).orElseThrow().finalStatus()).isEqualTo(OrderStatus.DENIED);
    }

    @Test
    void anUnknownSymbolIsAClearErrorNamingTheOrderAndNothingIsStored() {
        Workflow w = new Workflow(limitBuy("nosym", "998877", 10, 1_000, OPEN));

        assertThatThrownBy(w::persist).isInstanceOf(OrderStoreException.class)
                .hasMessageContaining("nosym-" + tag).hasMessageContaining("998877")
                .hasMessageContaining("instrument");
        assertThat(queries.order(w.id())).isEmpty();
        assertThat(queries.eventsOf(w.id())).isEmpty();
    }

    @Test
    void aConstraintTheDatabaseEnforcesIsReportedWithTheOrderAndNothingOfTheBatchIsKept() {
        Workflow first = new Workflow(limitBuy("dup1", KOSPI_SYMBOL, 10, 1_000, OPEN));
        first.order.apply(new OrderSubmitted(first.cid(), OPEN));
        first.order.apply(new OrderAccepted(first.cid(), OPEN.plusSeconds(1), BrokerOrderId.of("D" + tag)));
        first.persist();
        // Another order claims the same broker order number: one transaction, all or nothing.
        Workflow clash = new Workflow(limitBuy("dup2", KOSPI_SYMBOL, 10, 1_000, OPEN));
        clash.order.apply(new OrderSubmitted(clash.cid(), OPEN));
        clash.order.apply(new OrderAccepted(clash.cid(), OPEN.plusSeconds(4), BrokerOrderId.of("D" + tag)));
        assertThatThrownBy(clash::persist).isInstanceOf(OrderStoreException.class)
                .hasMessageContaining("dup2-" + tag).hasMessageContaining("broker_order_no");
        assertThat(queries.order(clash.id())).isEmpty();
        assertThat(queries.workflowIdOfBrokerOrder("D" + tag)).contains(first.workflowId);
    }

    @Test
    void aReportWithoutItsOrderOrWithAnOpenStatusIsAClearError() {
        Workflow w = new Workflow(limitBuy("early", KOSPI_SYMBOL, 10, 1_000, OPEN));
        w.order.apply(new OrderDenied(w.cid(), OPEN, DenialReason.PRICE_COLLAR, "outside the collar"));

        assertThatThrownBy(() -> w.finish("PRICE_COLLAR")).isInstanceOf(OrderStoreException.class)
                .hasMessageContaining("early-" + tag).hasMessageContaining("no orders row");

        OrderExecutionReport open = new OrderExecutionReport(w.workflowId, w.id(), null, KOSPI_SYMBOL, Side.BUY,
                OrderStatus.ACCEPTED, 10, 0, 0, null, 1_000, 0, 0, 0, 0, 0.0, 0, null, null, null, "open");
        assertThatThrownBy(() -> store.saveReport(open)).isInstanceOf(OrderStoreException.class)
                .hasMessageContaining("early-" + tag).hasMessageContaining("ACCEPTED");
    }

    @Test
    void aSignalOrParentWithoutItsRowIsKeptInThePayloadAndStoredOnceTheRowExists() {
        long missingSignal = 9_000_000_000L + Math.abs(tag.hashCode());
        SubmitOrder orphan = new SubmitOrder(ClientOrderId.of("orphan-" + tag), AccountId.of("ACC-" + tag),
                Symbol.of(KOSPI_SYMBOL), Market.KOSPI, Side.BUY, OrderType.LIMIT, 10, 5_000, 5_000,
                Optional.of(SignalId.of(missingSignal)), Optional.of(ClientOrderId.of("parent-" + tag)), OPEN);
        Workflow w = new Workflow(orphan);
        w.persist();

        OrderRow row = queries.order(w.id()).orElseThrow();
        assertThat(row.signalId()).isNull();
        assertThat(row.parentOrderId()).isNull();
        JsonNode order = json(queries.eventsOf(w.id()).get(0).payload()).get("order");
        assertThat(order.get("signalId").asLong()).isEqualTo(missingSignal);
        assertThat(order.get("parentOrderId").asText()).isEqualTo("parent-" + tag);

        // With the signal row and the parent order stored, a child keeps both references.
        long signalId = dsl.insertInto(SIGNAL)
                .set(SIGNAL.TRADE_DATE, TRADE_DATE)
                .set(SIGNAL.SYMBOL, KOSPI_SYMBOL)
                .set(SIGNAL.SIDE, "BUY")
                .set(SIGNAL.SCORE, 81.5)
                .set(SIGNAL.SOURCE, "BATCH")
                .returning(SIGNAL.ID).fetchOne().getId();
        SubmitOrder child = new SubmitOrder(ClientOrderId.of("child-" + tag), AccountId.of("ACC-" + tag),
                Symbol.of(KOSPI_SYMBOL), Market.KOSPI, Side.BUY, OrderType.LIMIT, 5, 5_000, 5_000,
                Optional.of(SignalId.of(signalId)), Optional.of(w.cid()), OPEN.plusSeconds(60));
        Workflow c = new Workflow(child);
        c.persist();

        OrderRow childRow = queries.order(c.id()).orElseThrow();
        assertThat(childRow.signalId()).isEqualTo(signalId);
        assertThat(childRow.parentOrderId()).isEqualTo(w.id());
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
